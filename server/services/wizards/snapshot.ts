import "server-only";
import type { V1Service } from "@kubernetes/client-node";
import { z } from "zod";
import type { WizardContext, WizardTarget } from "@/lib/wizards/api";
import type { WizardSnapshot } from "@/lib/wizards/builders/types";
import { serviceDestinationRules } from "@/lib/wizards/builders/service-routing";
import { serviceVersions } from "@/lib/wizards/versions";
import { ROOT_NAMESPACE } from "@/lib/inventory/istio-refs";
import { RESOURCE_KINDS } from "@/lib/kube/resource-kinds";
import { KubeStatusError } from "../../http/errors";
import { kubeFor, type KubeGateway } from "../../kube/gateway";
import type { Identity } from "../../kube/identity";
import { kubeReader } from "../../kube/reader";
import { loadCallers } from "./callers";
import { readWorkloads, toServices } from "./workloads";

/**
 * What is around a wizard's target, read on behalf of the caller: workloads, pods and services from the
 * watch cache (or, for a user's token, the API server), and the Istio objects straight from the API
 * server, so that the resourceVersions a preview shows and an apply compares are the current ones.
 */

/**
 * The shape the wizards rely on. The API server has already validated the spec against Istio's CRD
 * schema; this checks the envelope, and items that fail it are left out.
 */
const istioItem = z.looseObject({
  metadata: z.looseObject({ name: z.string(), namespace: z.string(), resourceVersion: z.string().optional() }),
  spec: z.record(z.string(), z.unknown()).optional(),
});

type IstioKey = "virtualservices" | "destinationrules" | "peerauthentications" | "authorizationpolicies";

async function listIstio<T>(gateway: KubeGateway, key: IstioKey, namespace: string): Promise<T[]> {
  const k = RESOURCE_KINDS[key];
  const list = await gateway.list(key, namespace);
  return list.items.flatMap((item) => {
    const parsed = istioItem.safeParse(item);
    // List items may lack apiVersion/kind: the list's kind is theirs.
    return parsed.success ? [{ ...parsed.data, apiVersion: k.apiVersion, kind: k.kind } as T] : [];
  });
}

/** The root namespace's PeerAuthentications; a caller who may not read them gets none, and an error says so. */
async function rootPolicies(gateway: KubeGateway, namespace: string, errors: WizardContext["errors"]) {
  if (namespace === ROOT_NAMESPACE) return [];
  try {
    return await listIstio<WizardSnapshot["peerAuthentications"][number]>(gateway, "peerauthentications", ROOT_NAMESPACE);
  } catch (err) {
    if (!(err instanceof KubeStatusError && err.code === 403)) throw err;
    errors.push({ source: "kubernetes", message: `mesh-wide PeerAuthentications (${ROOT_NAMESPACE}): ${err.message}` });
    return [];
  }
}

/** A snapshot and the sources that failed while reading it. */
export interface LoadedSnapshot {
  snapshot: WizardSnapshot;
  errors: WizardContext["errors"];
}

/**
 * Reads the snapshot for `target`. With `callers`, also asks Prometheus who calls the target; its
 * failure goes into `errors` (and `callers` is `null`), the rest still answers.
 */
export async function loadSnapshot(identity: Identity, target: WizardTarget, opts: { callers: boolean }): Promise<LoadedSnapshot> {
  const reader = kubeReader(identity);
  const gateway = kubeFor(identity);
  const ns = target.namespace;
  const errors: WizardContext["errors"] = [];
  const [services, workloads, virtualServices, destinationRules, peerAuthentications, rootPeerAuthentications, authorizationPolicies] = await Promise.all([
    reader.list<V1Service>("services", [ns]).then(toServices),
    readWorkloads(reader, [ns]),
    listIstio<WizardSnapshot["virtualServices"][number]>(gateway, "virtualservices", ns),
    listIstio<WizardSnapshot["destinationRules"][number]>(gateway, "destinationrules", ns),
    listIstio<WizardSnapshot["peerAuthentications"][number]>(gateway, "peerauthentications", ns),
    rootPolicies(gateway, ns, errors),
    listIstio<WizardSnapshot["authorizationPolicies"][number]>(gateway, "authorizationpolicies", ns),
  ]);
  const service = target.service ? services.find((s) => s.name === target.service) : undefined;
  const snapshot: WizardSnapshot = {
    target,
    rootNamespace: ROOT_NAMESPACE,
    service,
    workload: target.workload ? workloads.find((w) => w.name === target.workload) : undefined,
    versions: [],
    workloads,
    services,
    virtualServices,
    destinationRules,
    peerAuthentications: [...peerAuthentications, ...rootPeerAuthentications],
    authorizationPolicies,
    callers: null,
  };
  if (service) snapshot.versions = serviceVersions(service, workloads, serviceDestinationRules(snapshot, service)[0]);
  if (opts.callers) {
    const found = await loadCallers(reader, target, service);
    if (found.ok) snapshot.callers = found.callers;
    else errors.push({ source: "prometheus", message: found.message });
  }
  return { snapshot, errors };
}

/** 404 when the target names a Service or workload that does not exist in its namespace. */
export function assertTargetExists(snap: WizardSnapshot): void {
  const { namespace, service, workload } = snap.target;
  if (service && !snap.service) throw new KubeStatusError(404, "NotFound", `Service ${namespace}/${service} not found`);
  if (workload && !snap.workload) throw new KubeStatusError(404, "NotFound", `Workload ${namespace}/${workload} not found`);
}
