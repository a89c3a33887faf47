import "server-only";
import type { SourceError } from "@/lib/api/schemas";
import type { QueryStats } from "@/lib/inventory/schemas";
import { healthTallyQuery, type ScopeOptions } from "@/lib/metrics/health-query";
import { indexTallies, type TallyIndex } from "@/lib/metrics/tallies";
import { windowSeconds } from "@/lib/metrics/window";
import type { TimeWindow } from "@/lib/url-state";
import { UpstreamNotConfiguredError, UpstreamUnavailableError } from "../http/errors";
import { instantQuery, type InstantQueryOptions, type InstantQueryResult } from "../prometheus/query";

/** How the services reach Prometheus; tests pass fakes. */
export interface PrometheusDeps {
  query: (query: string, opts: InstantQueryOptions) => Promise<InstantQueryResult>;
  /** Unix seconds. */
  now: () => number;
}

export const prometheusDeps: PrometheusDeps = { query: instantQuery, now: () => Date.now() / 1000 };

/** The request tallies of the selection, or why there are none. */
export interface TallyRead {
  tallies?: TallyIndex;
  error?: SourceError;
  stat: QueryStats["queries"][number];
}

/** True for the failures that mean "Prometheus is not there" rather than a bug. */
export function isPrometheusOutage(err: unknown): err is UpstreamUnavailableError | UpstreamNotConfiguredError {
  return (err instanceof UpstreamUnavailableError || err instanceof UpstreamNotConfiguredError) && err.upstream === "prometheus";
}

/**
 * Runs the health query (one instant query, whatever the number of namespaces) and indexes its answer
 * by object. A Prometheus outage is returned as an `error`, so lists still show replicas and config.
 */
export async function readTallies(namespaces: readonly string[], window: TimeWindow, deps: PrometheusDeps = prometheusDeps, scope: ScopeOptions = {}): Promise<TallyRead> {
  const started = performance.now();
  try {
    const res = await deps.query(healthTallyQuery(namespaces, window, scope), { time: Math.round(deps.now() * 1000) / 1000, operation: "inventory_health" });
    return {
      tallies: indexTallies(res.samples, namespaces, windowSeconds(window)),
      stat: { name: "health", ms: round(res.ms), series: res.samples.length },
    };
  } catch (err) {
    if (!isPrometheusOutage(err)) throw err;
    return { error: { source: "prometheus", message: err.message }, stat: { name: "health", ms: round(performance.now() - started), series: 0 } };
  }
}

export const round = (ms: number) => Math.round(ms * 10) / 10;
