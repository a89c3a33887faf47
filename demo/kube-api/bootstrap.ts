/**
 * What a fresh demo cluster holds before the seed: the standard namespaces, the node, and the Istio
 * CRDs; then the seed objects themselves, written through the API's admission (defaults, validation)
 * but keeping any status they carry.
 */
import { release } from "node:os";
import type { KubeObject } from "../contracts";
import { internalContext } from "./admission";
import { NODE_IP, NODE_NAME } from "./kubelet";
import type { ObjectService } from "./object-service";
import { ApiError } from "./status";

/** Namespaces every cluster has. */
export const SYSTEM_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

function demoNode(): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: NODE_NAME,
      labels: {
        "kubernetes.io/hostname": NODE_NAME,
        "kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "node-role.kubernetes.io/control-plane": "",
      },
    },
    spec: { podCIDR: "10.244.0.0/16", podCIDRs: ["10.244.0.0/16"] },
    status: {
      conditions: [
        { type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status", lastHeartbeatTime: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"), lastTransitionTime: new Date().toISOString().replace(/\.\d{3}Z$/, "Z") },
      ],
      addresses: [
        { type: "InternalIP", address: NODE_IP },
        { type: "Hostname", address: NODE_NAME },
      ],
      capacity: { cpu: "8", memory: "32Gi", pods: "110" },
      allocatable: { cpu: "8", memory: "32Gi", pods: "110" },
      nodeInfo: {
        kubeletVersion: "v1.32.0",
        kubeProxyVersion: "v1.32.0",
        osImage: "Meshscope demo node",
        kernelVersion: release(),
        containerRuntimeVersion: "containerd://1.7.24",
        operatingSystem: "linux",
        architecture: "amd64",
      },
    },
  };
}

function typeOf(service: ObjectService, object: KubeObject) {
  const type = service.registry.findByKind(object.apiVersion, object.kind);
  if (!type) throw new Error(`seed: the demo API does not serve ${object.apiVersion} ${object.kind} (${object.metadata.name})`);
  return type;
}

/** Writes one object as the cluster's own machinery would; throws a readable error when it is rejected. */
export function createInternal(service: ObjectService, object: KubeObject): KubeObject {
  const type = typeOf(service, object);
  try {
    return service.create(type, object.metadata.namespace, object, internalContext());
  } catch (error) {
    if (error instanceof ApiError) {
      throw new Error(`seed: ${object.kind} ${object.metadata.namespace ? `${object.metadata.namespace}/` : ""}${object.metadata.name}: ${error.message}`);
    }
    throw error;
  }
}

/** Creates the Istio CRDs, system namespaces, the node and the seed, in that order. */
export function bootstrap(service: ObjectService, crds: readonly KubeObject[], seed: readonly KubeObject[]): void {
  for (const crd of crds) createInternal(service, crd);
  const seeded = new Set(seed.filter((o) => o.kind === "Namespace").map((o) => o.metadata.name));
  for (const name of SYSTEM_NAMESPACES) {
    if (!seeded.has(name)) createInternal(service, { apiVersion: "v1", kind: "Namespace", metadata: { name } });
  }
  createInternal(service, demoNode());
  for (const object of seed) createInternal(service, object);
}
