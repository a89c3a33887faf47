import { HEALTH_STATUSES_BY_SEVERITY, type HealthStatus, worstOf } from "./status";

/** How many objects (e.g. of a namespace, for the overview) are in each status. */
export interface HealthSummary {
  total: number;
  counts: Record<HealthStatus, number>;
  /** The worst status among them; `no-data` when there are none. */
  worst: HealthStatus;
}

/** Counts statuses, e.g. of every app in a namespace; every status appears in `counts`, even at 0. */
export function summarizeHealth(statuses: Iterable<HealthStatus>): HealthSummary {
  const counts = Object.fromEntries(HEALTH_STATUSES_BY_SEVERITY.map((s) => [s, 0])) as Record<HealthStatus, number>;
  const all = [...statuses];
  for (const s of all) counts[s] += 1;
  return { total: all.length, counts, worst: worstOf(all) };
}
