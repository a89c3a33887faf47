/**
 * JSON merge patch (RFC 7386, `application/merge-patch+json`): objects merge recursively, `null`
 * deletes a key, anything else (lists included) replaces.
 */
import { clone, isRecord } from "./json";

/** Applies a merge patch to a document and returns the new document (inputs are not changed). */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return clone(patch);
  const result: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}
