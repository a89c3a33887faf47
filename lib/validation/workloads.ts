/**
 * The workloads selectors are matched against: running pods, Deployments by their pod template
 * (so that a Deployment scaled to 0 still counts) and workloads of other controllers.
 */
import type { V1Deployment, V1Pod } from "@kubernetes/client-node";
import { hasSidecar, matchesSelector } from "@/lib/inventory/workloads";
import type { WorkloadLabels } from "./input";

/** Something selectors match: a pod, a Deployment's pod template, or another controller's workload. */
export interface Workload {
  kind: "Pod" | "Deployment" | "Workload";
  namespace: string;
  name: string;
  labels: Record<string, string>;
  /** True for a pod running Istio's sidecar. */
  sidecar: boolean;
}

/** The workloads of a snapshot, in a stable order. */
export function collectWorkloads(
  pods: readonly V1Pod[] = [],
  deployments: readonly V1Deployment[] = [],
  others: readonly WorkloadLabels[] = [],
): Workload[] {
  const out: Workload[] = [];
  for (const p of pods) {
    out.push({ kind: "Pod", namespace: p.metadata?.namespace ?? "", name: p.metadata?.name ?? "", labels: p.metadata?.labels ?? {}, sidecar: hasSidecar(p) });
  }
  for (const d of deployments) {
    const labels = d.spec?.template.metadata?.labels ?? {};
    out.push({ kind: "Deployment", namespace: d.metadata?.namespace ?? "", name: d.metadata?.name ?? "", labels, sidecar: false });
  }
  for (const w of others) out.push({ kind: "Workload", namespace: w.namespace, name: w.name, labels: w.labels, sidecar: false });
  return out;
}

/** True when the selector has at least one label. Empty selectors select nothing here: callers treat them as namespace-wide. */
export function hasLabels(selector: Record<string, string> | undefined): selector is Record<string, string> {
  return selector !== undefined && Object.keys(selector).length > 0;
}

/** Workloads matching every label of `selector`, in `namespace` or, when it is undefined, anywhere. */
export function workloadsMatching(workloads: readonly Workload[], selector: Record<string, string>, namespace?: string): Workload[] {
  return workloads.filter((w) => (namespace === undefined || w.namespace === namespace) && matchesSelector(selector, w.labels));
}

/** Identity of a workload, for set operations. */
export function workloadKey(w: Workload): string {
  return `${w.kind}/${w.namespace}/${w.name}`;
}
