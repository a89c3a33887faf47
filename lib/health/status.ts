import { z } from "zod";

/**
 * Health of one mesh object. `not-ready` means nothing is meant to run (desired replicas 0): it is
 * shown apart from `failure`. `no-data` means no requests in the window: not healthy, not failing.
 */
export const healthStatus = z.enum(["healthy", "degraded", "failure", "not-ready", "no-data"]);
export type HealthStatus = z.infer<typeof healthStatus>;

/** The statuses request traffic can have (traffic alone never makes an object `not-ready`). */
export const requestStatus = z.enum(["healthy", "degraded", "failure", "no-data"]);
export type RequestStatus = z.infer<typeof requestStatus>;

/** Every status, from least to most severe. */
export const HEALTH_STATUSES_BY_SEVERITY = ["no-data", "healthy", "not-ready", "degraded", "failure"] as const satisfies readonly HealthStatus[];

const SEVERITY: Record<HealthStatus, number> = { "no-data": 0, healthy: 1, "not-ready": 2, degraded: 3, failure: 4 };

/** Rank of a status: higher is worse. `no-data` ranks lowest, so it never worsens a combination. */
export function severity(status: HealthStatus): number {
  return SEVERITY[status];
}

/** The worse of two statuses: failure > degraded > not-ready > healthy > no-data. */
export function worst<S extends HealthStatus>(a: S, b: S): S {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/** The worst of any number of statuses; `no-data` when there are none. */
export function worstOf<S extends HealthStatus>(statuses: Iterable<S>): S | "no-data" {
  let out: S | "no-data" = "no-data";
  for (const s of statuses) out = worst<S | "no-data">(out, s);
  return out;
}
