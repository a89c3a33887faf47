import "server-only";
import type { V1Deployment, V1Namespace, V1Pod, V1Service } from "@kubernetes/client-node";
import type { AppsResponse, IstioConfigResponse, NamespacesResponse, ServicesResponse, WorkloadsResponse } from "@/lib/api/schemas";
import { toAppSummaries } from "@/lib/inventory/apps";
import { toIstioObjectSummaries, toServiceSummaries } from "@/lib/inventory/services";
import { toNamespaceSummaries, toWorkloadSummaries } from "@/lib/inventory/workloads";
import { ISTIO_RESOURCE_KINDS } from "@/lib/kube/resource-kinds";
import { KubeStatusError } from "../http/errors";
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

/** Applications (workloads grouped by `app` label) in the given namespaces. */
export async function listApps(identity: Identity, namespaces: readonly string[]): Promise<AppsResponse> {
  const { workloads } = await listWorkloads(identity, namespaces);
  return { apps: toAppSummaries(workloads) };
}

/** Services in the given namespaces, with the workloads they select. */
export async function listServices(identity: Identity, namespaces: readonly string[]): Promise<ServicesResponse> {
  const reader = kubeReader(identity);
  const [services, deployments] = await Promise.all([
    reader.list<V1Service>("services", namespaces),
    reader.list<V1Deployment>("deployments", namespaces),
  ]);
  return { services: toServiceSummaries(services, deployments) };
}

/**
 * Istio objects of every kind in the given namespaces. A kind the cluster does not serve (404) is
 * reported in `notInstalled` rather than failing the list.
 */
export async function listIstioConfig(identity: Identity, namespaces: readonly string[]): Promise<IstioConfigResponse> {
  const reader = kubeReader(identity);
  const notInstalled: string[] = [];
  const groups = await Promise.all(
    ISTIO_RESOURCE_KINDS.map(async (k) => {
      try {
        return { kind: k.kind, apiVersion: k.apiVersion, items: await reader.list(k.key, namespaces) };
      } catch (err) {
        if (err instanceof KubeStatusError && err.code === 404) {
          notInstalled.push(k.kind);
          return { kind: k.kind, apiVersion: k.apiVersion, items: [] };
        }
        throw err;
      }
    }),
  );
  return { objects: toIstioObjectSummaries(groups), notInstalled: notInstalled.sort() };
}
