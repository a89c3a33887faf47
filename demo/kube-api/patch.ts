/**
 * PATCH dispatch by content type: JSON patch, JSON merge patch, strategic merge patch (built-in kinds
 * only, like the real server: custom resources answer 415) and server-side apply.
 */
import type { KubeObject } from "../contracts";
import { applyJsonPatch, PatchError } from "./json-patch";
import { isRecord } from "./json";
import { applyMergePatch } from "./merge-patch";
import { PATCH_META } from "./patch-meta";
import type { ResourceType } from "./resource-types";
import { ApiError, badRequest, unsupportedMediaType } from "./status";
import { applyStrategicMergePatch } from "./strategic-merge";

/** The patch types of the Kubernetes API. */
export type PatchType = "json" | "merge" | "strategic" | "apply";

const MEDIA_TYPES: Record<string, PatchType> = {
  "application/json-patch+json": "json",
  "application/merge-patch+json": "merge",
  "application/strategic-merge-patch+json": "strategic",
  "application/apply-patch+yaml": "apply",
};

/** The media types a resource accepts for PATCH, in the order the real server lists them. */
export function acceptedPatchMediaTypes(type: ResourceType): string[] {
  return type.builtIn
    ? Object.keys(MEDIA_TYPES)
    : ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"];
}

/** The patch type of a Content-Type header; 415 when the resource does not accept it. */
export function patchTypeOf(contentType: string | undefined, type: ResourceType): PatchType {
  const media = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const patchType = MEDIA_TYPES[media];
  if (!patchType || (patchType === "strategic" && !type.builtIn)) {
    throw unsupportedMediaType(acceptedPatchMediaTypes(type));
  }
  return patchType;
}

function patchFailure(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof PatchError && error.malformed) return badRequest(message);
  return new ApiError({
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message,
    reason: "Invalid",
    code: 422,
  });
}

/**
 * Applies a patch to the current object and returns the patched document (inputs are not changed).
 * 400 for a malformed patch, 422 when it cannot be applied.
 */
export function applyPatch(type: ResourceType, current: KubeObject, patchType: PatchType, patch: unknown): Record<string, unknown> {
  let result: unknown;
  try {
    switch (patchType) {
      case "json":
        result = applyJsonPatch(current, patch);
        break;
      case "merge":
        if (!isRecord(patch)) throw new PatchError("merge patch must be a JSON object", true);
        result = applyMergePatch(current, patch);
        break;
      case "strategic":
        result = applyStrategicMergePatch(current, patch, PATCH_META[type.kind]);
        break;
      case "apply":
        if (!isRecord(patch)) throw new PatchError("apply patch must be an object", true);
        result = type.builtIn ? applyStrategicMergePatch(current, patch, PATCH_META[type.kind]) : applyMergePatch(current, patch);
        break;
    }
  } catch (error) {
    throw patchFailure(error);
  }
  if (!isRecord(result)) throw patchFailure(new PatchError("the patched document is not an object"));
  return result;
}
