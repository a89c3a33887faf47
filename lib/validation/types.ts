/**
 * What validation produces: findings, each about one object (and a path inside it), with a stable
 * code from the registry. The zod schemas let the API and the UI share the shape.
 */
import { z } from "zod";

export const severity = z.enum(["error", "warning", "info"]);
/** `error`: traffic or policy is broken; `warning`: probably not what was meant; `info`: worth knowing. */
export type Severity = z.infer<typeof severity>;

/** The kinds validation reads rules for: Istio's configuration kinds and Kubernetes Services. */
export const configKind = z.enum([
  "VirtualService",
  "DestinationRule",
  "Gateway",
  "ServiceEntry",
  "Sidecar",
  "PeerAuthentication",
  "AuthorizationPolicy",
  "RequestAuthentication",
  "Service",
]);
export type ConfigKind = z.infer<typeof configKind>;

export const objectRef = z.object({ kind: configKind, namespace: z.string(), name: z.string() });
/** Which object a finding is about, or which other object it involves. */
export type ObjectRef = z.infer<typeof objectRef>;

export const finding = z.object({
  /** Stable identifier, e.g. `VS001`; see `VALIDATION_RULES` and docs/validations.md. */
  code: z.string(),
  severity,
  message: z.string(),
  /** Where in the object, e.g. `spec.http[0].route[1].weight` (see `formatPath`/`parsePath`). */
  path: z.string(),
  object: objectRef,
  /** Other objects involved (the other VirtualService for the same host, the PeerAuthentication…). */
  related: z.array(objectRef).optional(),
});
export type Finding = z.infer<typeof finding>;

/** Orders object references by kind, namespace, name. */
export function compareRefs(a: ObjectRef, b: ObjectRef): number {
  return cmp(a.kind, b.kind) || cmp(a.namespace, b.namespace) || cmp(a.name, b.name);
}

/** Locale-independent string order, so findings sort the same everywhere. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `Kind namespace/name`, for messages. */
export function refLabel(r: ObjectRef): string {
  return `${r.kind} ${r.namespace}/${r.name}`;
}
