/**
 * Unknown fields of custom resources, found with the CRD's structural schema: the API server prunes
 * them (fieldValidation Ignore/Warn) or rejects the request (fieldValidation=Strict, what kubectl sends)
 * with `strict decoding error: unknown field "spec.foo"`.
 */
import { formatFieldPath } from "./field-path";
import { isRecord } from "./json";

/** The object without unknown fields, and the paths of the fields that were removed. */
export interface PruneResult {
  pruned: Record<string, unknown>;
  unknown: string[];
}

function walk(schema: Record<string, unknown>, value: unknown, path: (string | number)[], unknown: string[]): unknown {
  if (Array.isArray(value)) {
    const items = schema["items"];
    return isRecord(items) ? value.map((v, i) => walk(items, v, [...path, i], unknown)) : value;
  }
  if (!isRecord(value)) return value;
  const properties = isRecord(schema["properties"]) ? schema["properties"] : undefined;
  const additional = schema["additionalProperties"];
  const preserve = schema["x-kubernetes-preserve-unknown-fields"] === true;
  const closed = (properties !== undefined || schema["type"] === "object") && !preserve && additional !== true;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childSchema = properties?.[key];
    if (isRecord(childSchema)) out[key] = walk(childSchema, child, [...path, key], unknown);
    else if (isRecord(additional)) out[key] = walk(additional, child, [...path, key], unknown);
    else if (closed) unknown.push(formatFieldPath([...path, key]));
    else out[key] = child;
  }
  return out;
}

/**
 * Removes the fields the schema does not declare. apiVersion, kind and metadata are always kept.
 * @param schema the `openAPIV3Schema` of the CRD version
 */
export function pruneUnknownFields(schema: Record<string, unknown>, object: Record<string, unknown>): PruneResult {
  const unknown: string[] = [];
  const { apiVersion, kind, metadata, ...rest } = object;
  const walked = walk(schema, rest, [], unknown);
  const pruned = { apiVersion, kind, metadata, ...(isRecord(walked) ? walked : {}) };
  return { pruned, unknown };
}

/** The message of a Strict field validation failure. */
export function strictDecodingMessage(unknown: string[]): string {
  return `strict decoding error: ${unknown.map((u) => `unknown field "${u}"`).join(", ")}`;
}
