import type { V1ContainerStatus, V1Pod } from "@kubernetes/client-node";
import { toIsoTimestamp } from "@/lib/kube/timestamps";
import type { ContainerInfo, PodInfo } from "./schemas";
import { hasSidecar, isPodReady } from "./workloads";

/** Istio's sidecar (and gateway) container. */
export const PROXY_CONTAINER = "istio-proxy";

function containerState(s: V1ContainerStatus | undefined): Pick<ContainerInfo, "state" | "reason"> {
  if (s?.state?.running) return { state: "running" };
  if (s?.state?.waiting) return { state: "waiting", reason: s.state.waiting.reason };
  if (s?.state?.terminated) return { state: "terminated", reason: s.state.terminated.reason };
  return { state: "unknown" };
}

/**
 * A pod as the detail pages show it: phase, readiness, restarts (summed over containers), and each
 * container with its state; `istio-proxy` is flagged so that it can be shown apart. Init containers
 * are listed only when they keep running (native sidecars) or have not finished.
 */
export function toPodInfo(pod: V1Pod, workload?: string): PodInfo {
  const statuses = new Map((pod.status?.containerStatuses ?? []).map((s) => [s.name, s]));
  const initStatuses = new Map((pod.status?.initContainerStatuses ?? []).map((s) => [s.name, s]));
  const containers: ContainerInfo[] = [
    ...(pod.spec?.initContainers ?? [])
      .filter((c) => c.restartPolicy === "Always" || !initStatuses.get(c.name)?.state?.terminated)
      .map((c) => ({ c, s: initStatuses.get(c.name), init: true })),
    ...(pod.spec?.containers ?? []).map((c) => ({ c, s: statuses.get(c.name), init: false })),
  ].map(({ c, s, init }) => ({
    name: c.name,
    image: s?.image ?? c.image ?? "",
    ready: s?.ready ?? false,
    restartCount: s?.restartCount ?? 0,
    ...containerState(s),
    proxy: c.name === PROXY_CONTAINER,
    init,
  }));
  return {
    namespace: pod.metadata?.namespace ?? "",
    name: pod.metadata?.name ?? "",
    phase: pod.status?.phase ?? "Unknown",
    ready: isPodReady(pod),
    restarts: containers.reduce((n, c) => n + c.restartCount, 0),
    ip: pod.status?.podIP,
    node: pod.spec?.nodeName,
    created: toIsoTimestamp(pod.metadata?.creationTimestamp),
    labels: pod.metadata?.labels ?? {},
    workload,
    sidecar: hasSidecar(pod),
    containers,
  };
}
