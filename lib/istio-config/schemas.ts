/**
 * The Istio config JSON API (`/api/istio-config/...`, docs/api-istio-config.md): what the UI gets and
 * sends, and what a script sends to do the same.
 */
import { z } from "zod";
import { istioObjectSummary } from "@/lib/api/schemas";
import { finding, objectRef } from "@/lib/validation/types";
import { istioKey } from "./kinds";

/**
 * How much of the cluster the findings were computed against. `cluster`: everything. `partial`: the
 * caller may not list some kinds across namespaces, so references to objects it cannot see may be
 * reported as missing (and `note` says which lists were limited).
 */
export const validationScope = z.object({ scope: z.enum(["cluster", "partial"]), note: z.string().optional() });
export type ValidationScope = z.infer<typeof validationScope>;

/** One row of the Istio config list: the object's summary, its resource key and its findings. */
export const istioConfigItem = istioObjectSummary.extend({ key: istioKey, findings: z.array(finding) });
export type IstioConfigItem = z.infer<typeof istioConfigItem>;

/** `GET /api/istio-config?namespaces=`: a superset of the older `{objects, notInstalled}` answer. */
export const istioConfigListResponse = z.object({
  objects: z.array(istioConfigItem),
  notInstalled: z.array(z.string()),
  validation: validationScope,
  /** The console refuses every write (`MESHSCOPE_READ_ONLY`): offer no Create. */
  readOnly: z.boolean(),
});
export type IstioConfigListResponse = z.infer<typeof istioConfigListResponse>;

/** Findings of one namespace's Istio objects, by severity. */
export const namespaceFindings = z.object({
  namespace: z.string(),
  error: z.number(),
  warning: z.number(),
  info: z.number(),
  /** Istio objects in the namespace, and how many of them have at least one finding. */
  objects: z.number(),
  objectsWithFindings: z.number(),
});
export type NamespaceFindings = z.infer<typeof namespaceFindings>;

/** `GET /api/istio-config/validations?namespaces=`: counts per namespace for the overview. */
export const validationsResponse = z.object({ namespaces: z.array(namespaceFindings), validation: validationScope });
export type ValidationsResponse = z.infer<typeof validationsResponse>;

/** A Kubernetes object as JSON. */
export const jsonObject = z.record(z.string(), z.unknown());

/** `GET /api/istio-config/{namespace}/{kind}/{name}` and the answer of a write. */
export const istioObjectResponse = z.object({
  key: istioKey,
  /** The object as the API server has it, without `metadata.managedFields`. */
  object: jsonObject,
  /** The same as YAML, for the editor (without `status`). */
  yaml: z.string(),
  resourceVersion: z.string(),
  findings: z.array(finding),
  /** The console refuses every write (`MESHSCOPE_READ_ONLY`): the editor is read-only. */
  readOnly: z.boolean(),
});
export type IstioObjectResponse = z.infer<typeof istioObjectResponse>;

/** The answer of `PUT`/`POST`: the object the API server stored (or would store, for a dry run). */
export const istioWriteResponse = istioObjectResponse.extend({ dryRun: z.boolean() });
export type IstioWriteResponse = z.infer<typeof istioWriteResponse>;

/** The answer of `DELETE`. */
export const istioDeleteResponse = z.object({
  deleted: z.object({ kind: z.string(), namespace: z.string(), name: z.string() }),
  dryRun: z.boolean(),
});
export type IstioDeleteResponse = z.infer<typeof istioDeleteResponse>;

/** The body of `PUT`/`POST`: the object as YAML text or as JSON (exactly one). */
export const writeBody = z
  .object({ yaml: z.string().max(1_000_000).optional(), object: jsonObject.optional() })
  .refine((b) => (b.yaml === undefined) !== (b.object === undefined), { message: "send exactly one of yaml or object", path: ["yaml"] });
export type WriteBody = z.infer<typeof writeBody>;

/**
 * `POST /api/istio-config/validate`: findings of an object as if it were applied, without writing
 * it. `replaces` is the object it was opened as, when its name or namespace changed in the editor.
 */
export const validateRequest = z.object({
  object: jsonObject,
  namespace: z.string().optional(),
  replaces: objectRef.optional(),
});
export type ValidateRequest = z.infer<typeof validateRequest>;

export const validateResponse = z.object({ findings: z.array(finding), validation: validationScope });
export type ValidateResponse = z.infer<typeof validateResponse>;
