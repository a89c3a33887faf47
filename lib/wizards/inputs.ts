import { z } from "zod";
import { objectName, type WizardName } from "./api";

/**
 * The input of each wizard, validated field by field so that a 422 names the field at fault
 * (`input.weights.1.weight`, `input.delay.percentage`, …). Shared by the UI (validation as you type)
 * and the routes.
 */

/** A duration in Istio's (protobuf Duration) syntax as the wizards accept it: `500ms`, `2s`, `1.5s`, `1m`. */
export const duration = z
  .string()
  .regex(/^(\d+(\.\d+)?)(ms|s|m|h)$/, "must be a duration such as 500ms, 2s or 1m")
  .refine((s) => durationMs(s) > 0, "must be longer than 0");

/** Milliseconds of a {@link duration}. */
export function durationMs(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(s);
  if (!m) return Number.NaN;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as "ms" | "s" | "m" | "h"];
  return Number(m[1]) * unit;
}

/** A percentage 0–100 (fractions allowed, as Istio's `Percent`). */
export const percentage = z.number({ error: "must be a number" }).min(0, "must be at least 0").max(100, "must be at most 100");

/** A weight 0–100, whole numbers (as VirtualService route weights). */
export const weight = z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must be at least 0").max(100, "must be at most 100");

const weightedVersions = z
  .array(z.object({ version: z.string().min(1, "is required"), weight }))
  .min(1, "name at least one version")
  .superRefine((ws, ctx) => {
    const total = ws.reduce((s, w) => s + w.weight, 0);
    if (total !== 100) ctx.addIssue({ code: "custom", message: `weights must sum to 100 (they sum to ${total})` });
    const seen = new Set<string>();
    ws.forEach((w, i) => {
      if (seen.has(w.version)) ctx.addIssue({ code: "custom", path: [i, "version"], message: `version ${w.version} is listed twice` });
      seen.add(w.version);
    });
  });

export const trafficShiftingInput = z.object({ weights: weightedVersions });
export type TrafficShiftingInput = z.infer<typeof trafficShiftingInput>;

export const stringMatchKind = z.enum(["exact", "prefix", "regex"]);
const stringMatch = z.object({ kind: stringMatchKind, value: z.string().min(1, "is required") });

/** HTTP header names are tokens; Istio wants them lowercase. */
const headerName = z.string().regex(/^[a-z0-9!#$%&'*+.^_`|~-]+$/, "must be a lowercase HTTP header name");

export const routeMatch = z.object({
  headers: z.array(z.object({ name: headerName, match: stringMatch })).default([]),
  uri: stringMatch.optional(),
  method: stringMatch.optional(),
});
export type RouteMatch = z.infer<typeof routeMatch>;

/**
 * Ordered rules: the first whose matches (any of them; a match needs all its conditions) fits the
 * request routes it. A rule with no matches catches everything, so it may only be the last one.
 */
export const requestRoutingInput = z.object({
  rules: z
    .array(z.object({ matches: z.array(routeMatch).default([]), routes: weightedVersions }))
    .min(1, "add at least one rule")
    .superRefine((rules, ctx) => {
      rules.forEach((r, i) => {
        if (r.matches.length === 0 && i < rules.length - 1) ctx.addIssue({ code: "custom", path: [i, "matches"], message: "a rule without matches catches every request: it must be the last" });
      });
    }),
});
export type RequestRoutingInput = z.infer<typeof requestRoutingInput>;

export const faultInjectionInput = z
  .object({
    delay: z.object({ fixedDelay: duration, percentage }).optional(),
    abort: z.object({ httpStatus: z.number().int("must be a whole number").min(200, "must be an HTTP status 200–599").max(599, "must be an HTTP status 200–599"), percentage }).optional(),
  })
  .refine((f) => f.delay !== undefined || f.abort !== undefined, { message: "set a delay, an abort or both" });
export type FaultInjectionInput = z.infer<typeof faultInjectionInput>;

/** Envoy's retry-on conditions that Istio accepts (plus gRPC status names). */
export const RETRY_ON = [
  "5xx",
  "gateway-error",
  "reset",
  "connect-failure",
  "retriable-4xx",
  "refused-stream",
  "retriable-status-codes",
  "retriable-headers",
  "cancelled",
  "deadline-exceeded",
  "internal",
  "resource-exhausted",
  "unavailable",
] as const;

export const timeoutsRetriesInput = z
  .object({
    timeout: duration.optional(),
    retries: z
      .object({
        attempts: z.number().int("must be a whole number").min(0, "must be at least 0").max(100, "must be at most 100"),
        perTryTimeout: duration.optional(),
        retryOn: z.array(z.enum(RETRY_ON)).default([]),
      })
      .optional(),
  })
  .refine((t) => t.timeout !== undefined || t.retries !== undefined, { message: "set a timeout, retries or both" });
export type TimeoutsRetriesInput = z.infer<typeof timeoutsRetriesInput>;

export const mtlsMode = z.enum(["STRICT", "PERMISSIVE", "DISABLE"]);
export type MtlsMode = z.infer<typeof mtlsMode>;

/** PeerAuthentication for the target namespace (or `target.workload`) and the matching DestinationRule TLS mode. */
export const mtlsInput = z.object({ mode: mtlsMode });
export type MtlsInput = z.infer<typeof mtlsInput>;

/** `spiffe`-less principal as Istio writes them: `cluster.local/ns/<ns>/sa/<sa>`, or `*`-patterns. */
const principal = z.string().regex(/^[A-Za-z0-9.*/_-]+$/, "must be a principal such as cluster.local/ns/bookinfo/sa/productpage");

export const authorizationInput = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("allow-callers"),
    principals: z.array(principal).default([]),
    namespaces: z.array(objectName).default([]),
  }).refine((a) => a.principals.length + a.namespaces.length > 0, { message: "allow at least one principal or namespace" }),
  z.object({ mode: z.literal("deny-all") }),
]);
export type AuthorizationInput = z.infer<typeof authorizationInput>;

export const removeRoutingInput = z.object({}).strict();
export type RemoveRoutingInput = z.infer<typeof removeRoutingInput>;

/** Each wizard's input schema. */
export const WIZARD_INPUTS = {
  "traffic-shifting": trafficShiftingInput,
  "request-routing": requestRoutingInput,
  "fault-injection": faultInjectionInput,
  "timeouts-retries": timeoutsRetriesInput,
  mtls: mtlsInput,
  authorization: authorizationInput,
  "remove-routing": removeRoutingInput,
} as const satisfies Record<WizardName, z.ZodType>;

export interface WizardInputs {
  "traffic-shifting": TrafficShiftingInput;
  "request-routing": RequestRoutingInput;
  "fault-injection": FaultInjectionInput;
  "timeouts-retries": TimeoutsRetriesInput;
  mtls: MtlsInput;
  authorization: AuthorizationInput;
  "remove-routing": RemoveRoutingInput;
}
