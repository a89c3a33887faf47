import "server-only";
import type { V1Deployment, V1Namespace, V1Pod } from "@kubernetes/client-node";
import type { NamespacesResponse, WorkloadsResponse } from "@/lib/api/schemas";
import { toNamespaceSummaries, toWorkloadSummaries } from "@/lib/inventory/workloads";
import type { Identity } from "../kube/identity";
import { kubeReader } from "../kube/reader";

/** The namespaces the identity may see. */
export async function listNamespaces(identity: Identity): Promise<NamespacesResponse> {
  const namespaces = await kubeReader(identity).list<V1Namespace>("namespaces");
  return { namespaces: toNamespaceSummaries(namespaces) };
}

/** Workloads (Deployments with their pods) in the given namespaces. */
export async function listWorkloads(identity: Identity, namespaces: readonly string[]): Promise<WorkloadsResponse> {
  const reader = kubeReader(identity);
  const [deployments, pods] = await Promise.all([
    reader.list<V1Deployment>("deployments", namespaces),
    reader.list<V1Pod>("pods", namespaces),
  ]);
  return { workloads: toWorkloadSummaries(deployments, pods) };
}
