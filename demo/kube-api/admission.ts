/**
 * What happens to an object between the request body and the store: checks of the body against the URL,
 * status handling, defaulting, unknown-field pruning (custom resources) and validation.
 */
import type { KubeObject } from "../contracts";
import { validateBuiltin } from "./builtin-validation";
import { pruneUnknownFields, strictDecodingMessage } from "./crd-schema";
import { applyDefaults } from "./defaults";
import type { IpAllocator } from "./ip-allocator";
import type { IstioValidator } from "./istio-validation";
import { clone, isRecord } from "./json";
import { nameRuleOf, validateMetadata } from "./metadata-validation";
import { apiVersionOf, hasStatusSubresource, type ResourceType } from "./resource-types";
import { badRequest, invalid, type StatusCause } from "./status";

/** How unknown fields are treated (`?fieldValidation=`). */
export type FieldValidation = "Strict" | "Warn" | "Ignore";

/** Per-request options of a write. */
export interface WriteContext {
  dryRun: boolean;
  fieldValidation: FieldValidation;
  /** Warnings for the `Warning` response header. */
  warnings: string[];
  /**
   * A write by the cluster itself (seeding): status and creationTimestamp of the body are kept on
   * create, where the API drops them.
   */
  internal?: boolean;
}

/** A context for internal writes (no dry run, unknown fields ignored, status kept). */
export function internalContext(): WriteContext {
  return { dryRun: false, fieldValidation: "Ignore", warnings: [], internal: true };
}

/** What admission needs besides the object. */
export interface AdmissionDeps {
  ips: IpAllocator;
  istio: IstioValidator;
  /** The type the object is stored as (its storage version). */
  storageType: ResourceType;
}

/**
 * Checks a request body against the resource and namespace of the URL and returns a working copy with
 * apiVersion/kind filled in. 400 BadRequest on a mismatch.
 */
export function decodeBody(type: ResourceType, body: unknown, namespace: string | undefined): KubeObject {
  if (!isRecord(body)) throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(body) ?? ""}'`);
  const object = clone(body) as Record<string, unknown>;
  const expectedApiVersion = apiVersionOf(type);
  if (object["apiVersion"] !== undefined && object["apiVersion"] !== expectedApiVersion) {
    throw badRequest(`the API version in the data (${String(object["apiVersion"])}) does not match the expected API version (${expectedApiVersion})`);
  }
  if (object["kind"] !== undefined && object["kind"] !== type.kind) {
    throw badRequest(`the kind in the data (${String(object["kind"])}) does not match the expected kind (${type.kind})`);
  }
  object["apiVersion"] = expectedApiVersion;
  object["kind"] = type.kind;
  if (object["metadata"] === undefined) object["metadata"] = {};
  const meta = object["metadata"];
  if (!isRecord(meta)) throw badRequest("metadata must be an object");
  if (meta["name"] === undefined) meta["name"] = "";
  if (typeof meta["name"] !== "string") throw badRequest("metadata.name must be a string");
  if (type.namespaced) {
    if (meta["namespace"] === undefined || meta["namespace"] === "") meta["namespace"] = namespace;
    else if (namespace !== undefined && meta["namespace"] !== namespace) {
      throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
  } else delete meta["namespace"];
  return object as unknown as KubeObject;
}

function unknownFieldCauses(object: KubeObject, type: ResourceType, ctx: WriteContext): KubeObject {
  if (type.builtIn || !type.schema) return object;
  const { pruned, unknown } = pruneUnknownFields(type.schema, object);
  if (unknown.length === 0) return object;
  if (ctx.fieldValidation === "Strict") throw badRequest(strictDecodingMessage(unknown));
  if (ctx.fieldValidation === "Warn") ctx.warnings.push(...unknown.map((u) => `unknown field "${u}"`));
  return pruned as KubeObject;
}

function crdCauses(object: KubeObject): StatusCause[] {
  const spec = isRecord(object["spec"]) ? object["spec"] : {};
  const names = isRecord(spec["names"]) ? spec["names"] : {};
  const expected = `${String(names["plural"] ?? "")}.${String(spec["group"] ?? "")}`;
  return object.metadata.name === expected
    ? []
    : [{ reason: "FieldValueInvalid", message: `Invalid value: ${JSON.stringify(object.metadata.name)}: must be spec.names.plural+"."+spec.group`, field: "metadata.name" }];
}

/** Removes null values deeply, as decoding into Go types (or structural pruning) does. */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(dropNulls);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = dropNulls(v);
  return out;
}

/** Normalises metadata as ObjectMeta's `omitempty` does: empty label and annotation maps go. */
function normalizeMetadata(object: KubeObject): void {
  const meta = object.metadata;
  if (isRecord(meta.labels) && Object.keys(meta.labels).length === 0) delete meta.labels;
  if (isRecord(meta.annotations) && Object.keys(meta.annotations).length === 0) delete meta.annotations;
}

/**
 * Prepares an object for the store: converts it to the storage version, drops or keeps status, applies
 * defaults and validates it. 422 Invalid with the causes when it is rejected.
 * @param previous the stored object (updates)
 */
export function admit(object: KubeObject, deps: AdmissionDeps, ctx: WriteContext, previous?: KubeObject): KubeObject {
  const { storageType } = deps;
  const requestApiVersion = object.apiVersion;
  let result = unknownFieldCauses(dropNulls(object) as KubeObject, storageType, ctx);
  result = { ...result, apiVersion: apiVersionOf(storageType) };
  normalizeMetadata(result);
  if (hasStatusSubresource(storageType)) {
    if (previous) {
      if (previous["status"] === undefined) delete result["status"];
      else result["status"] = clone(previous["status"]);
    } else if (!ctx.internal) delete result["status"];
  }
  if (storageType.builtIn) applyDefaults(result, deps.ips, previous);
  const causes = validateMetadata(result, nameRuleOf(storageType.kind));
  if (storageType.builtIn) causes.push(...validateBuiltin(result, previous));
  else causes.push(...deps.istio.validate({ ...result, apiVersion: requestApiVersion }));
  if (storageType.kind === "CustomResourceDefinition") causes.push(...crdCauses(result));
  if (causes.length > 0) throw invalid(storageType, result.metadata.name, causes);
  return result;
}
