import { z } from "zod";
import { namespaceName } from "@/lib/api/params";

/**
 * The wizards' JSON API (`/api/wizards/...`, documented in docs/api-wizards.md): what the UI sends and gets,
 * and what a script sends to do the same. Inputs are validated field by field (422 naming the field);
 * the per-wizard input schemas live in `lib/wizards/inputs.ts`.
 */

export const WIZARD_NAMES = [
  "traffic-shifting",
  "request-routing",
  "fault-injection",
  "timeouts-retries",
  "mtls",
  "authorization",
  "remove-routing",
] as const;
export const wizardName = z.enum(WIZARD_NAMES);
export type WizardName = z.infer<typeof wizardName>;

/** A DNS-1123 subdomain-ish object name (what Kubernetes accepts for most kinds). */
export const objectName = z
  .string()
  .max(253, "must be at most 253 characters")
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, "must be a DNS-1123 name (lowercase letters, digits, '-' and '.')");

/**
 * What a wizard acts on. Service wizards (traffic-shifting, request-routing, fault-injection,
 * timeouts-retries, remove-routing) need `service`; `mtls` takes a namespace and optionally a
 * `workload`; `authorization` takes a `workload` for an allow-list, none for namespace deny-all.
 */
export const wizardTarget = z.object({
  namespace: namespaceName,
  service: objectName.optional(),
  workload: objectName.optional(),
});
export type WizardTarget = z.infer<typeof wizardTarget>;

/** `POST /api/wizards/{wizard}/preview`: the body. `input` is validated by the wizard's own schema. */
export const wizardRequest = z.object({ target: wizardTarget, input: z.unknown() });
export type WizardRequest = z.infer<typeof wizardRequest>;

/** The version of an object a preview was computed against: `null` when it did not exist. */
export const expectedVersion = z.object({
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  resourceVersion: z.string().nullable(),
});
export type ExpectedVersion = z.infer<typeof expectedVersion>;

/**
 * `POST /api/wizards/{wizard}/apply`: the body. `expected` lists the versions the user saw in the
 * preview (copy them from `changes[].resourceVersion`); if any object changed since, the apply is
 * refused with 409 and nothing is written.
 */
export const applyRequest = wizardRequest.extend({ expected: z.array(expectedVersion) });
export type ApplyRequest = z.infer<typeof applyRequest>;

export const changeAction = z.enum(["create", "update", "delete", "unchanged"]);
export type ChangeAction = z.infer<typeof changeAction>;

/** The API server's answer to the dry run of one change. */
export const dryRunResult = z.union([
  z.object({ ok: z.literal(true), warnings: z.array(z.string()).default([]) }),
  z.object({
    ok: z.literal(false),
    status: z.number(),
    reason: z.string().optional(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).default([]),
  }),
]);
export type DryRunResult = z.infer<typeof dryRunResult>;

/** One object a wizard would write, with what is in the cluster now. */
export const wizardChange = z.object({
  action: changeAction,
  apiVersion: z.string(),
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  /** The cluster's current version (`null`: does not exist yet). Send it back in `expected`. */
  resourceVersion: z.string().nullable(),
  /** YAML of the object as it is in the cluster (`null`: absent), without status and managed fields. */
  currentYaml: z.string().nullable(),
  /** YAML of the object as the wizard would write it (`null` for a delete). */
  desiredYaml: z.string().nullable(),
  /** Unified diff from current to desired ("" when unchanged). */
  diff: z.string(),
  dryRun: dryRunResult,
});
export type WizardChange = z.infer<typeof wizardChange>;

/** A warning about what the change would do (e.g. STRICT mTLS while some callers have no sidecar). */
export const wizardWarning = z.object({ code: z.string(), message: z.string() });
export type WizardWarning = z.infer<typeof wizardWarning>;

/** The effective mTLS mode of one workload (mtls wizard previews: before and after). */
export const effectiveMtls = z.object({
  workload: z.string(),
  namespace: z.string(),
  sidecar: z.boolean(),
  before: z.enum(["STRICT", "PERMISSIVE", "DISABLE"]),
  after: z.enum(["STRICT", "PERMISSIVE", "DISABLE"]),
});
export type EffectiveMtls = z.infer<typeof effectiveMtls>;

/** `POST /api/wizards/{wizard}/preview`: the answer. Nothing is written. */
export const previewResponse = z.object({
  wizard: wizardName,
  target: wizardTarget,
  changes: z.array(wizardChange),
  warnings: z.array(wizardWarning),
  /** Only for the mtls wizard. */
  mtls: z.array(effectiveMtls).optional(),
});
export type PreviewResponse = z.infer<typeof previewResponse>;

/** `POST /api/wizards/{wizard}/apply`: the answer. */
export const applyResponse = z.object({
  wizard: wizardName,
  applied: z.array(
    z.object({ action: changeAction, kind: z.string(), namespace: z.string(), name: z.string(), resourceVersion: z.string().nullable() }),
  ),
});
export type ApplyResponse = z.infer<typeof applyResponse>;

/** A version of a service, from its workloads' `version` labels: the subset the wizards route to. */
export const serviceVersion = z.object({
  version: z.string(),
  /** The DestinationRule subset name for it (the version itself when it is a valid name). */
  subset: z.string(),
  workloads: z.array(z.string()),
  sidecar: z.boolean(),
});
export type ServiceVersion = z.infer<typeof serviceVersion>;

/**
 * `GET /api/wizards/context?namespace=&service=` (or `&workload=`): what the wizards start from: the
 * service's versions, the weights and rules now in force (from its VirtualService), the objects the
 * console manages for it, effective mTLS per workload, and the callers seen in the last 10 minutes
 * of telemetry (for the authorization wizard).
 */
export const wizardContext = z.object({
  target: wizardTarget,
  versions: z.array(serviceVersion),
  /** Current weights per version (from the VirtualService routing to this host), when there is one. */
  weights: z.array(z.object({ version: z.string(), weight: z.number() })).nullable(),
  /**
   * The weights in force before the last traffic shift (the VirtualService's
   * `meshscope.io/previous-weights` annotation): send them to roll back. Absent or `null` when unknown.
   */
  previousWeights: z.array(z.object({ version: z.string(), weight: z.number() })).nullable().optional(),
  /** The VirtualService and DestinationRule for this host, with who manages them. */
  objects: z.array(
    z.object({ kind: z.string(), name: z.string(), namespace: z.string(), resourceVersion: z.string(), managedByMeshscope: z.boolean() }),
  ),
  mtls: z.object({
    namespaceMode: z.enum(["STRICT", "PERMISSIVE", "DISABLE", "UNSET"]),
    workloads: z.array(z.object({ workload: z.string(), sidecar: z.boolean(), mode: z.enum(["STRICT", "PERMISSIVE", "DISABLE"]) })),
  }),
  callers: z.array(z.object({ namespace: z.string(), workload: z.string(), principal: z.string().nullable(), sidecar: z.boolean() })),
  /** Sources that failed while building the context (e.g. Prometheus for callers); the rest is still valid. */
  errors: z.array(z.object({ source: z.string(), message: z.string() })),
});
export type WizardContext = z.infer<typeof wizardContext>;

/** The label every object a wizard writes carries. */
export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
export const MANAGED_BY_VALUE = "meshscope";
