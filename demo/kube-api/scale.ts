/**
 * The `scale` subresource of deployments and replicasets (`autoscaling/v1` Scale), used by
 * `kubectl scale`.
 */
import type { KubeObject } from "../contracts";
import type { WriteContext } from "./admission";
import { asNumber, asRecord, clone, isRecord } from "./json";
import type { ObjectService } from "./object-service";
import { applyPatch, type PatchType } from "./patch";
import type { ResourceType } from "./resource-types";
import { formatLabelSelector } from "./selectors";
import { badRequest, invalid } from "./status";

const SCALE_TYPE: ResourceType = {
  group: "autoscaling",
  version: "v1",
  plural: "scales",
  singular: "scale",
  kind: "Scale",
  listKind: "ScaleList",
  namespaced: true,
  shortNames: [],
  categories: [],
  verbs: [],
  subresources: [],
  builtIn: true,
  storageKey: "autoscaling/scales",
};

/** The Scale of a workload. */
export function scaleOf(object: KubeObject): KubeObject {
  const spec = asRecord(object["spec"]) ?? {};
  const status = asRecord(object["status"]) ?? {};
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: {
      name: object.metadata.name,
      namespace: object.metadata.namespace,
      uid: object.metadata.uid,
      resourceVersion: object.metadata.resourceVersion,
      creationTimestamp: object.metadata.creationTimestamp,
    },
    spec: { replicas: asNumber(spec["replicas"]) ?? 1 },
    status: { replicas: asNumber(status["replicas"]) ?? 0, selector: formatLabelSelector(spec["selector"]) },
  };
}

function writeReplicas(service: ObjectService, type: ResourceType, current: KubeObject, scale: unknown, ctx: WriteContext): KubeObject {
  if (!isRecord(scale)) throw badRequest("the body must be a Scale object");
  const replicas = asRecord(scale["spec"])?.["replicas"];
  if (typeof replicas !== "number" || !Number.isInteger(replicas) || replicas < 0) {
    throw invalid(SCALE_TYPE, current.metadata.name, [
      { reason: "FieldValueInvalid", message: `Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0`, field: "spec.replicas" },
    ]);
  }
  const next = clone(current) as KubeObject;
  const meta = asRecord(scale["metadata"]);
  next.metadata.resourceVersion = typeof meta?.["resourceVersion"] === "string" && meta["resourceVersion"] ? meta["resourceVersion"] : current.metadata.resourceVersion;
  next["spec"] = { ...(asRecord(current["spec"]) ?? {}), replicas };
  const updated = service.update(type, current.metadata.namespace, current.metadata.name, next, ctx);
  return scaleOf(updated);
}

/** PUT on `/scale`. */
export function updateScale(service: ObjectService, type: ResourceType, namespace: string, name: string, body: unknown, ctx: WriteContext): KubeObject {
  return writeReplicas(service, type, service.get(type, namespace, name), body, ctx);
}

/** PATCH on `/scale`. */
export function patchScale(
  service: ObjectService,
  type: ResourceType,
  namespace: string,
  name: string,
  patchType: PatchType,
  patch: unknown,
  ctx: WriteContext,
): KubeObject {
  const current = service.get(type, namespace, name);
  const patched = applyPatch(SCALE_TYPE, scaleOf(current), patchType, patch);
  return writeReplicas(service, type, current, patched, ctx);
}
