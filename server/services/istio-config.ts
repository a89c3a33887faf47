import "server-only";
import type { KubernetesObject, V1Namespace } from "@kubernetes/client-node";
import { toIsoTimestamp } from "@/lib/kube/timestamps";
import { ISTIO_KEYS, apiVersionOfKey, kindOfKey, type IstioKey } from "@/lib/istio-config/kinds";
import type { IstioConfigItem, IstioConfigListResponse, IstioObjectResponse, ValidateRequest, ValidateResponse, ValidationsResponse } from "@/lib/istio-config/schemas";
import { editableObject, toEditorYaml } from "@/lib/istio-config/yaml";
import { getConfig } from "../config";
import type { Identity } from "../kube/identity";
import { kubeFor } from "../kube/gateway";
import { kubeReader, type KubeReader } from "../kube/reader";
import { snapshotSource } from "./istio-config-snapshot";
import { countFindings, findingsByObject, findingsOfObject, readValidationSnapshot, refKey, type ValidationSnapshot } from "./validation";

/** What the Istio config services read from; tests pass their own. */
export interface IstioConfigDeps {
  reader: KubeReader;
  /** The snapshot the rules judge (shared for the console's identity, see `istio-config-snapshot.ts`). */
  snapshot?: (namespaces: readonly string[]) => Promise<ValidationSnapshot>;
}

const snapshotOf = (deps: IstioConfigDeps, namespaces: readonly string[]) => (deps.snapshot ?? ((ns) => readValidationSnapshot(deps.reader, ns)))(namespaces);

const byName = (a: IstioConfigItem, b: IstioConfigItem) =>
  a.kind.localeCompare(b.kind) || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);

/**
 * Istio objects of every kind in `namespaces`, each with its validation findings (judged against the
 * whole cluster, see {@link readValidationSnapshot}). A kind the cluster does not serve is reported
 * in `notInstalled` rather than failing the list.
 */
export async function listIstioConfigWithFindings(deps: IstioConfigDeps, namespaces: readonly string[]): Promise<IstioConfigListResponse> {
  const snapshot = await snapshotOf(deps, namespaces);
  const wanted = new Set(namespaces);
  const findings = findingsByObject(snapshot, namespaces);
  const objects: IstioConfigItem[] = ISTIO_KEYS.flatMap((key) =>
    snapshot.istio[key]
      .filter((o) => wanted.has(o.metadata?.namespace ?? ""))
      .map((o): IstioConfigItem => {
        const kind = kindOfKey(key);
        const ref = { kind, namespace: o.metadata?.namespace ?? "", name: o.metadata?.name ?? "" };
        return {
          ...ref,
          key,
          // List items may carry no apiVersion: the console reads each kind at one version.
          apiVersion: apiVersionOfKey(key),
          created: toIsoTimestamp(o.metadata?.creationTimestamp),
          resourceVersion: o.metadata?.resourceVersion,
          findings: findings.get(refKey(ref)) ?? [],
        };
      }),
  );
  return { objects: objects.sort(byName), notInstalled: snapshot.notInstalled, validation: snapshot.scope, readOnly: getConfig().readOnly };
}

/**
 * Findings counts per namespace, for the overview: of `namespaces`, or of every namespace the caller
 * may list when none is given.
 */
export async function namespaceValidations(deps: IstioConfigDeps, namespaces: readonly string[] | undefined): Promise<ValidationsResponse> {
  const names = namespaces ?? (await deps.reader.list<V1Namespace>("namespaces")).flatMap((n) => n.metadata?.name ?? []).sort();
  const snapshot = await snapshotOf(deps, names);
  return { namespaces: countFindings(snapshot, names), validation: snapshot.scope };
}

/** Findings of an object as the editor holds it, as if it were applied; nothing is written. */
export async function validateDraft(deps: IstioConfigDeps, req: ValidateRequest): Promise<ValidateResponse> {
  const meta = req.object.metadata;
  const ns = (meta && typeof meta === "object" && "namespace" in meta && typeof meta.namespace === "string" ? meta.namespace : undefined) ?? req.namespace ?? "default";
  const snapshot = await snapshotOf(deps, [ns]);
  return { findings: findingsOfObject(snapshot, req.object, { namespace: ns, ...(req.replaces ? { replaces: req.replaces } : {}) }), validation: snapshot.scope };
}

/** One object, addressed by its resource key. */
export interface IstioRef {
  key: IstioKey;
  namespace: string;
  name: string;
}

/** The answer for an object the API server returned: JSON, editor YAML and findings. */
export async function describeObject(deps: IstioConfigDeps, key: IstioKey, obj: KubernetesObject): Promise<IstioObjectResponse> {
  const json = editableObject(obj as unknown as Record<string, unknown>);
  const namespace = obj.metadata?.namespace ?? "default";
  const snapshot = await snapshotOf(deps, [namespace]);
  // Judged with its kind set: objects read back from some API servers omit it.
  const findings = findingsOfObject(snapshot, { ...json, kind: kindOfKey(key) }, { namespace });
  return { key, object: json, yaml: toEditorYaml(json), resourceVersion: obj.metadata?.resourceVersion ?? "", findings, readOnly: getConfig().readOnly };
}

/** Reads one object straight from the API server (the editor needs its latest resourceVersion). */
export async function getIstioObject(identity: Identity, deps: IstioConfigDeps, ref: IstioRef): Promise<IstioObjectResponse> {
  const obj = await kubeFor(identity).get(ref.key, ref.name, ref.namespace);
  return describeObject(deps, ref.key, obj);
}

/** The dependencies for an identity: its reader, and the shared snapshot for the console's own. */
export function istioConfigDeps(identity: Identity): IstioConfigDeps {
  const snapshot = snapshotSource(identity);
  return { reader: kubeReader(identity), ...(snapshot ? { snapshot } : {}) };
}
