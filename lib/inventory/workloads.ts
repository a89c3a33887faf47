import type { V1Deployment, V1Namespace, V1Pod } from "@kubernetes/client-node";
import type { NamespaceSummary, WorkloadSummary } from "@/lib/api/schemas";
import { toIsoTimestamp } from "@/lib/kube/timestamps";

const SIDECAR_CONTAINER = "istio-proxy";

/** True when the pod runs Istio's sidecar (as a container, or as a native sidecar init container). */
export function hasSidecar(pod: V1Pod): boolean {
  const spec = pod.spec;
  return Boolean(
    spec?.containers.some((c) => c.name === SIDECAR_CONTAINER) ||
      spec?.initContainers?.some((c) => c.name === SIDECAR_CONTAINER && c.restartPolicy === "Always"),
  );
}

export function isPodReady(pod: V1Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

/** True when every key/value of `selector` is among `labels`. */
export function matchesSelector(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/**
 * Workloads from Deployments and their pods (matched by namespace and the Deployment's
 * `matchLabels`), sorted by namespace then name.
 */
export function toWorkloadSummaries(deployments: V1Deployment[], pods: V1Pod[]): WorkloadSummary[] {
  const podsByNs = new Map<string, V1Pod[]>();
  for (const p of pods) {
    const ns = p.metadata?.namespace ?? "";
    const list = podsByNs.get(ns);
    if (list) list.push(p);
    else podsByNs.set(ns, [p]);
  }
  return deployments
    .map((d): WorkloadSummary => {
      const namespace = d.metadata?.namespace ?? "";
      const selector = d.spec?.selector.matchLabels;
      const own = (podsByNs.get(namespace) ?? []).filter((p) => matchesSelector(selector, p.metadata?.labels));
      const labels = d.spec?.template.metadata?.labels ?? {};
      const withSidecar = own.filter(hasSidecar).length;
      const templateHasSidecar = d.spec?.template.spec?.containers.some((c) => c.name === SIDECAR_CONTAINER) ?? false;
      return {
        namespace,
        name: d.metadata?.name ?? "",
        kind: "Deployment",
        app: labels.app ?? labels["app.kubernetes.io/name"],
        version: labels.version ?? labels["app.kubernetes.io/version"],
        labels,
        desiredReplicas: d.spec?.replicas ?? 1,
        readyReplicas: d.status?.readyReplicas ?? 0,
        availableReplicas: d.status?.availableReplicas ?? 0,
        pods: own.length,
        podsReady: own.filter(isPodReady).length,
        sidecar:
          own.length === 0
            ? templateHasSidecar
              ? "present"
              : "missing"
            : withSidecar === own.length
              ? "present"
              : withSidecar === 0
                ? "missing"
                : "partial",
        serviceAccount: d.spec?.template.spec?.serviceAccountName,
        created: toIsoTimestamp(d.metadata?.creationTimestamp),
      };
    })
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

export function toNamespaceSummaries(namespaces: V1Namespace[]): NamespaceSummary[] {
  return namespaces
    .map((n) => {
      const labels = n.metadata?.labels ?? {};
      return {
        name: n.metadata?.name ?? "",
        phase: n.status?.phase ?? "Active",
        labels,
        injection: labels["istio-injection"] === "enabled" || (labels["istio.io/rev"] !== undefined && labels["istio-injection"] !== "disabled"),
        created: toIsoTimestamp(n.metadata?.creationTimestamp),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
