/**
 * What the built-in controllers share: the store, the resource types they write, and small helpers to
 * find owned objects and write only real changes.
 */
import type { KubeObject } from "../contracts";
import type { IpAllocator } from "./ip-allocator";
import { asArray, clone, deepEqual, isRecord } from "./json";
import type { ResourceRegistry } from "./registry";
import type { ResourceType } from "./resource-types";
import type { ObjectStore } from "./store";

/** The resource types the controllers touch. */
export interface ControllerTypes {
  pods: ResourceType;
  replicasets: ResourceType;
  deployments: ResourceType;
  services: ResourceType;
  endpoints: ResourceType;
  namespaces: ResourceType;
  serviceaccounts: ResourceType;
  configmaps: ResourceType;
  nodes: ResourceType;
}

/** State shared by the controllers. */
export interface ControllerContext {
  store: ObjectStore;
  types: ControllerTypes;
  ips: IpAllocator;
  /** PEM of the cluster CA for `kube-root-ca.crt` config maps. */
  caPem: string;
}

/** Looks up the built-in types the controllers need. */
export function controllerTypes(registry: ResourceRegistry): ControllerTypes {
  const find = (group: string, plural: string): ResourceType => {
    const t = registry.find(group, "v1", plural);
    if (!t) throw new Error(`resource ${plural} is not registered`);
    return t;
  };
  return {
    pods: find("", "pods"),
    replicasets: find("apps", "replicasets"),
    deployments: find("apps", "deployments"),
    services: find("", "services"),
    endpoints: find("", "endpoints"),
    namespaces: find("", "namespaces"),
    serviceaccounts: find("", "serviceaccounts"),
    configmaps: find("", "configmaps"),
    nodes: find("", "nodes"),
  };
}

/** Objects of a type in a namespace whose ownerReferences include `ownerUid`. */
export function ownedBy(ctx: ControllerContext, type: ResourceType, namespace: string | undefined, ownerUid: unknown): KubeObject[] {
  return ctx.store
    .list(type, namespace)
    .filter((o) => asArray(o.metadata["ownerReferences"]).some((r) => isRecord(r) && r["uid"] === ownerUid));
}

/** The controller owner reference of an object, if any. */
export function controllerOf(object: KubeObject): Record<string, unknown> | undefined {
  return asArray(object.metadata["ownerReferences"]).filter(isRecord).find((r) => r["controller"] === true);
}

/** Replaces the status of an object when it differs. */
export function writeStatus(ctx: ControllerContext, type: ResourceType, object: KubeObject, status: Record<string, unknown>): KubeObject {
  if (deepEqual(object["status"], status)) return object;
  const next = clone(object) as KubeObject;
  next["status"] = status;
  return ctx.store.update(type, next);
}

/** Keeps a condition's transition time when its status did not change. */
export function mergeCondition(
  previous: readonly unknown[],
  next: Record<string, unknown>,
  at: string,
  timeFields: readonly string[] = ["lastTransitionTime"],
): Record<string, unknown> {
  const old = previous.filter(isRecord).find((c) => c["type"] === next["type"]);
  const same = old && old["status"] === next["status"];
  const result = { ...next };
  for (const field of timeFields) {
    if (field === "lastUpdateTime") {
      const unchanged = same && old["reason"] === next["reason"] && old["message"] === next["message"];
      result[field] = unchanged ? (old[field] ?? at) : at;
    } else result[field] = same ? (old[field] ?? at) : at;
  }
  return result;
}

/** Current time as an RFC 3339 timestamp with seconds precision. */
export function nowRfc3339(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}
