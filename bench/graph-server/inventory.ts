/**
 * The Kubernetes side of the synthetic mesh: Deployments, their pods (one each), Services and
 * ServiceEntries, served through the graph service's `KubeReader` interface the way the console's
 * watch-fed cache serves them (filtered by namespace, no I/O).
 */
import type { KubernetesObject, V1Deployment, V1Pod, V1Service } from "@kubernetes/client-node";
import type { ResourceKey } from "@/lib/kube/resource-kinds";
import type { KubeReader } from "@/server/kube/reader";
import { podOf } from "./exposition";
import type { Mesh, MeshWorkload } from "./synthetic-mesh";

const CREATED = new Date("2026-01-01T00:00:00Z");

function labelsOf(w: MeshWorkload): Record<string, string> {
  return { app: w.app, version: w.version, ...(w.gateway ? { istio: "ingressgateway" } : {}) };
}

function containers(w: MeshWorkload) {
  return [{ name: w.app, image: `registry.example/${w.app}:1.0` }, ...(w.sidecar ? [{ name: "istio-proxy", image: "docker.io/istio/proxyv2:1.24.0" }] : [])];
}

export function syntheticObjects(mesh: Mesh): Record<"deployments" | "pods" | "services" | "serviceentries", KubernetesObject[]> {
  const deployments: V1Deployment[] = mesh.workloads.map((w) => ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: w.name, namespace: w.namespace, creationTimestamp: CREATED, labels: labelsOf(w) },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: w.app, version: w.version } },
      template: { metadata: { labels: labelsOf(w) }, spec: { serviceAccountName: w.app, containers: containers(w) } },
    },
    status: { replicas: 1, readyReplicas: 1, availableReplicas: 1 },
  }));
  const pods: V1Pod[] = mesh.workloads.map((w) => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: podOf(w).pod, namespace: w.namespace, creationTimestamp: CREATED, labels: labelsOf(w) },
    spec: { serviceAccountName: w.app, containers: containers(w) },
    status: { phase: "Running", podIP: podOf(w).ip, conditions: [{ type: "Ready", status: "True" }] },
  }));
  const services: V1Service[] = mesh.services.map((s) => ({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: s.name, namespace: s.namespace, creationTimestamp: CREATED },
    spec: { selector: { app: s.app }, ports: [{ name: "http", port: 80 }] },
  }));
  const serviceentries = mesh.externalHosts.map((h) => ({
    apiVersion: "networking.istio.io/v1",
    kind: "ServiceEntry",
    metadata: { name: h.serviceEntry, namespace: h.namespace },
    spec: { hosts: [h.host], location: "MESH_EXTERNAL", ports: [{ number: 443, name: "https", protocol: "TLS" }], resolution: "DNS" },
  }));
  return { deployments, pods, services, serviceentries };
}

/** A reader over the synthetic objects, like the console's cache reader (filters by namespace). */
export function syntheticReader(mesh: Mesh): KubeReader {
  const objects = syntheticObjects(mesh) as Partial<Record<ResourceKey, KubernetesObject[]>>;
  return {
    async list<T extends KubernetesObject>(key: ResourceKey, namespaces?: readonly string[]): Promise<T[]> {
      const all = objects[key] ?? [];
      if (!namespaces) return all as T[];
      const wanted = new Set(namespaces);
      return all.filter((o) => wanted.has(o.metadata?.namespace ?? "")) as T[];
    },
  };
}
