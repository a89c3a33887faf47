/**
 * The endpoints controller: the Endpoints of each Service with a selector list the IPs of the pods
 * it selects, ready ones under `addresses` and the others under `notReadyAddresses`, with the service
 * ports resolved to the pods' target ports (named ports included).
 */
import type { KubeObject } from "../contracts";
import type { ControllerContext } from "./controller-context";
import { asArray, asRecord, clone, deepEqual, isRecord } from "./json";
import { isPodReady } from "./replicaset-controller";

function resolvePort(pod: KubeObject, target: unknown): number | undefined {
  if (typeof target === "number") return target;
  if (typeof target !== "string") return undefined;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of asArray(asRecord(pod["spec"])?.["containers"]).filter(isRecord)) {
    for (const p of asArray(c["ports"]).filter(isRecord)) {
      if (p["name"] === target && typeof p["containerPort"] === "number") return p["containerPort"];
    }
  }
  return undefined;
}

function address(pod: KubeObject): Record<string, unknown> {
  const status = asRecord(pod["status"]) ?? {};
  const a: Record<string, unknown> = {
    ip: status["podIP"],
    targetRef: { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  };
  const node = asRecord(pod["spec"])?.["nodeName"];
  if (typeof node === "string") a["nodeName"] = node;
  return a;
}

const byIp = (a: Record<string, unknown>, b: Record<string, unknown>): number => String(a["ip"]).localeCompare(String(b["ip"]), undefined, { numeric: true });

/** The subsets of a service's endpoints. */
export function endpointSubsets(service: KubeObject, pods: readonly KubeObject[]): Record<string, unknown>[] {
  const spec = asRecord(service["spec"]) ?? {};
  const selector = asRecord(spec["selector"]) ?? {};
  const selected = pods.filter((p) => {
    const labels = p.metadata.labels ?? {};
    const ip = asRecord(p["status"])?.["podIP"];
    return !p.metadata.deletionTimestamp && typeof ip === "string" && Object.entries(selector).every(([k, v]) => labels[k] === v);
  });
  const groups = new Map<string, { ports: Record<string, unknown>[]; ready: Record<string, unknown>[]; notReady: Record<string, unknown>[] }>();
  for (const pod of selected) {
    const ports = asArray(spec["ports"])
      .filter(isRecord)
      .map((p) => {
        const port: Record<string, unknown> = {};
        if (p["name"]) port["name"] = p["name"];
        port["port"] = resolvePort(pod, p["targetPort"] ?? p["port"]);
        port["protocol"] = p["protocol"] ?? "TCP";
        if (p["appProtocol"]) port["appProtocol"] = p["appProtocol"];
        return port;
      })
      .filter((p) => p["port"] !== undefined);
    const key = JSON.stringify(ports);
    const group = groups.get(key) ?? { ports, ready: [], notReady: [] };
    (isPodReady(pod) ? group.ready : group.notReady).push(address(pod));
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => {
    const subset: Record<string, unknown> = {};
    if (g.ready.length > 0) subset["addresses"] = g.ready.sort(byIp);
    if (g.notReady.length > 0) subset["notReadyAddresses"] = g.notReady.sort(byIp);
    if (g.ports.length > 0) subset["ports"] = g.ports;
    return subset;
  });
}

/** Reconciles the Endpoints of one Service. */
export function reconcileEndpoints(ctx: ControllerContext, namespace: string, name: string): void {
  const { store, types } = ctx;
  const service = store.get(types.services, namespace, name);
  const existing = store.get(types.endpoints, namespace, name);
  if (!service) {
    // Like the real controller: the Endpoints of a deleted Service go too.
    if (existing) store.delete(types.endpoints, namespace, name);
    return;
  }
  const selector = asRecord(asRecord(service["spec"])?.["selector"]);
  if (!selector || Object.keys(selector).length === 0) return;
  const subsets = endpointSubsets(service, store.list(types.pods, namespace));
  const labels = { ...(service.metadata.labels ?? {}) };
  const desired: KubeObject = {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: { name, namespace, labels },
  };
  if (subsets.length > 0) desired["subsets"] = subsets;
  if (!existing) {
    store.create(types.endpoints, desired);
    return;
  }
  if (deepEqual(existing["subsets"], desired["subsets"]) && deepEqual(existing.metadata.labels ?? {}, labels)) return;
  const next = clone(existing) as KubeObject;
  next.metadata.labels = labels;
  if (subsets.length > 0) next["subsets"] = subsets;
  else delete next["subsets"];
  store.update(types.endpoints, next);
}
