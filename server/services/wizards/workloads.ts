import "server-only";
import type { V1Deployment, V1Pod, V1Service } from "@kubernetes/client-node";
import { toWorkloadSummaries } from "@/lib/inventory/workloads";
import type { ServiceInfo, WorkloadInfo } from "@/lib/wizards/builders/types";
import type { KubeReader } from "../../kube/reader";

/** Workloads and Services as the wizards' builders see them. */

/** Deployments with their selector and whether their pods run the sidecar. */
export function toWorkloads(deployments: V1Deployment[], pods: V1Pod[]): WorkloadInfo[] {
  const selectors = new Map(deployments.map((d) => [`${d.metadata?.namespace}/${d.metadata?.name}`, d.spec?.selector.matchLabels]));
  return toWorkloadSummaries(deployments, pods).map((w) => ({
    namespace: w.namespace,
    name: w.name,
    labels: w.labels,
    selector: selectors.get(`${w.namespace}/${w.name}`) ?? w.labels,
    sidecar: w.sidecar === "present",
  }));
}

/** Services with their selector (empty without one). */
export function toServices(services: V1Service[]): ServiceInfo[] {
  return services.map((s) => ({ namespace: s.metadata?.namespace ?? "", name: s.metadata?.name ?? "", selector: s.spec?.selector ?? {} }));
}

/** Workloads of `namespaces` (for the sidecar of callers from elsewhere). */
export async function readWorkloads(reader: KubeReader, namespaces: readonly string[]): Promise<WorkloadInfo[]> {
  if (namespaces.length === 0) return [];
  const [deployments, pods] = await Promise.all([reader.list<V1Deployment>("deployments", namespaces), reader.list<V1Pod>("pods", namespaces)]);
  return toWorkloads(deployments, pods);
}

