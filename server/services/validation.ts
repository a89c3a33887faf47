import "server-only";
import type { KubernetesObject } from "@kubernetes/client-node";
import { ISTIO_KEYS, kindOfKey, type IstioKey } from "@/lib/istio-config/kinds";
import type { NamespaceFindings, ValidationScope } from "@/lib/istio-config/schemas";
import type { ResourceKey } from "@/lib/kube/resource-kinds";
import { prepareMesh, validateMesh, validateObject, type Finding, type MeshConfigInput, type ObjectRef, type PreparedMesh, type Severity } from "@/lib/validation";
import { KubeStatusError } from "../http/errors";
import type { KubeReader } from "../kube/reader";

/**
 * The cluster as the validation rules see it. Rules follow references across namespaces (a route to
 * another namespace's host, a Gateway in `istio-system`, mesh-wide policies in the root namespace),
 * so the snapshot is the whole cluster whatever the selection: cheap for the console's identity,
 * which reads the watch-fed cache. A caller who may not list a kind across namespaces gets it for
 * the selected namespaces and the root namespace, and the scope says the findings are partial.
 */
export interface ValidationSnapshot {
  input: MeshConfigInput;
  /** `input` parsed and indexed once, so that judging a draft does not parse the cluster again. */
  mesh: PreparedMesh;
  /** The Istio objects read, by resource key (cluster-wide, or partial: see `scope`). */
  istio: Record<IstioKey, KubernetesObject[]>;
  /** Istio kinds this cluster does not serve. */
  notInstalled: string[];
  scope: ValidationScope;
}

const ROOT_NAMESPACE = "istio-system";
const status = (err: unknown) => (err instanceof KubeStatusError ? err.code : undefined);

type Read<T> = { items: T[] | undefined; limited: boolean; notInstalled: boolean };

/** Reads a kind cluster-wide; on 403 for the selection and the root namespace; 404 = not installed. */
async function readKind<T extends KubernetesObject>(reader: KubeReader, key: ResourceKey, namespaces: readonly string[]): Promise<Read<T>> {
  try {
    return { items: await reader.list<T>(key), limited: false, notInstalled: false };
  } catch (err) {
    if (status(err) === 404) return { items: [], limited: false, notInstalled: true };
    if (status(err) !== 403) throw err;
  }
  if (key === "namespaces") return { items: undefined, limited: true, notInstalled: false };
  const scoped = namespaces.includes(ROOT_NAMESPACE) ? namespaces : [...namespaces, ROOT_NAMESPACE];
  try {
    return { items: await reader.list<T>(key, scoped), limited: true, notInstalled: false };
  } catch (err) {
    // A kind the caller may not read at all is unknown: the rules that need it are skipped.
    if (status(err) === 403) return { items: undefined, limited: true, notInstalled: false };
    throw err;
  }
}

/**
 * Reads the snapshot the rules need: namespaces, services, pods, deployments, service accounts (for
 * AP002's principals) and every Istio kind, and prepares it for judging (parsed and indexed once).
 */
export async function readValidationSnapshot(reader: KubeReader, namespaces: readonly string[]): Promise<ValidationSnapshot> {
  const [ns, services, pods, deployments, serviceAccounts, ...istioReads] = await Promise.all([
    readKind(reader, "namespaces", namespaces),
    readKind(reader, "services", namespaces),
    readKind(reader, "pods", namespaces),
    readKind(reader, "deployments", namespaces),
    readKind(reader, "serviceaccounts", namespaces),
    ...ISTIO_KEYS.map((k) => readKind(reader, k, namespaces)),
  ]);
  const reads: Array<[string, Read<KubernetesObject>]> = [
    ["namespaces", ns],
    ["services", services],
    ["pods", pods],
    ["deployments", deployments],
    ["serviceaccounts", serviceAccounts],
    ...ISTIO_KEYS.map((k, i): [string, Read<KubernetesObject>] => [k, istioReads[i] ?? { items: [], limited: false, notInstalled: false }]),
  ];
  const istio = Object.fromEntries(ISTIO_KEYS.map((k, i) => [k, istioReads[i]?.items ?? []])) as Record<IstioKey, KubernetesObject[]>;
  const limited = reads.filter(([, r]) => r.limited).map(([k]) => k);
  const at = (k: IstioKey) => istioReads[ISTIO_KEYS.indexOf(k)]?.items;
  // The rules parse every object leniently with their own zod schemas: the cast only names the lists.
  const input = {
    namespaces: ns.items,
    services: services.items,
    pods: pods.items,
    deployments: deployments.items,
    serviceAccounts: serviceAccounts.items,
    virtualServices: at("virtualservices"),
    destinationRules: at("destinationrules"),
    gateways: at("gateways"),
    serviceEntries: at("serviceentries"),
    sidecars: at("sidecars"),
    peerAuthentications: at("peerauthentications"),
    authorizationPolicies: at("authorizationpolicies"),
    requestAuthentications: at("requestauthentications"),
  } as MeshConfigInput;
  return {
    input,
    mesh: prepareMesh(input),
    istio,
    notInstalled: ISTIO_KEYS.filter((_, i) => istioReads[i]?.notInstalled).map(kindOfKey).sort(),
    scope: limited.length
      ? { scope: "partial", note: `You may not list ${limited.join(", ")} in every namespace: references to objects you cannot see may be reported as missing.` }
      : { scope: "cluster" },
  };
}

/** `Kind/namespace/name`: how findings are looked up by object. */
export function refKey(ref: { kind: string; namespace: string; name: string }): string {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}

const judged = new WeakMap<ValidationSnapshot, Finding[]>();

/** Every finding of the snapshot, computed once per snapshot (a memoized snapshot serves many requests). */
export function meshFindings(snapshot: ValidationSnapshot): Finding[] {
  let findings = judged.get(snapshot);
  if (!findings) {
    findings = validateMesh(snapshot.mesh);
    judged.set(snapshot, findings);
  }
  return findings;
}

/** Every finding of the snapshot about an object in `namespaces`, grouped by {@link refKey}. */
export function findingsByObject(snapshot: ValidationSnapshot, namespaces: readonly string[]): Map<string, Finding[]> {
  const wanted = new Set(namespaces);
  const out = new Map<string, Finding[]>();
  for (const f of meshFindings(snapshot)) {
    if (!wanted.has(f.object.namespace)) continue;
    const key = refKey(f.object);
    const list = out.get(key);
    if (list) list.push(f);
    else out.set(key, [f]);
  }
  return out;
}

/** The findings of one object (applied or not) judged against the snapshot, as if it were applied. */
export function findingsOfObject(snapshot: ValidationSnapshot, object: unknown, options: { namespace?: string; replaces?: ObjectRef } = {}): Finding[] {
  return validateObject(object, snapshot.mesh, options);
}

/**
 * Findings counts of each namespace's Istio objects (Service findings are not Istio config and are
 * left out), for the overview. Every namespace of `namespaces` is in the answer, in that order.
 */
export function countFindings(snapshot: ValidationSnapshot, namespaces: readonly string[]): NamespaceFindings[] {
  const rows = new Map<string, NamespaceFindings>(namespaces.map((n) => [n, { namespace: n, error: 0, warning: 0, info: 0, objects: 0, objectsWithFindings: 0 }]));
  for (const key of ISTIO_KEYS) {
    for (const o of snapshot.istio[key]) {
      const row = rows.get(o.metadata?.namespace ?? "");
      if (row) row.objects++;
    }
  }
  const istioKinds = new Set(ISTIO_KEYS.map(kindOfKey));
  const withFindings = new Set<string>();
  for (const [key, findings] of findingsByObject(snapshot, namespaces)) {
    const first = findings[0];
    if (!first || !istioKinds.has(first.object.kind)) continue;
    const row = rows.get(first.object.namespace);
    if (!row) continue;
    for (const f of findings) row[f.severity satisfies Severity]++;
    if (!withFindings.has(key)) {
      withFindings.add(key);
      row.objectsWithFindings++;
    }
  }
  return [...rows.values()];
}
