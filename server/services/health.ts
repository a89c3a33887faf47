import "server-only";
import type { SourceError } from "@/lib/api/schemas";
import type { QueryStats } from "@/lib/inventory/schemas";
import { healthTallyQueries, type ScopeOptions } from "@/lib/metrics/health-query";
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
  /** One entry per query (the health query's two parts). */
  stats: QueryStats["queries"];
}

/** True for the failures that mean "Prometheus is not there" rather than a bug. */
export function isPrometheusOutage(err: unknown): err is UpstreamUnavailableError | UpstreamNotConfiguredError {
  return (err instanceof UpstreamUnavailableError || err instanceof UpstreamNotConfiguredError) && err.upstream === "prometheus";
}

/**
 * Runs the health query (its two parts, in parallel, at one evaluation time, whatever the number of
 * namespaces) and indexes the answer by object. A Prometheus outage is returned as an `error`, so
 * lists still show replicas and config.
 */
export async function readTallies(namespaces: readonly string[], window: TimeWindow, deps: PrometheusDeps = prometheusDeps, scope: ScopeOptions = {}): Promise<TallyRead> {
  const started = performance.now();
  const queries = healthTallyQueries(namespaces, window, scope);
  const time = Math.round(deps.now() * 1000) / 1000;
  try {
    const answers = await Promise.all(queries.map((q) => deps.query(q.query, { time, operation: "inventory_health" })));
    return {
      tallies: indexTallies(answers.flatMap((a) => a.samples), namespaces, windowSeconds(window)),
      stats: answers.map((a, i) => ({ name: queries[i]?.name ?? "health", ms: round(a.ms), series: a.samples.length })),
    };
  } catch (err) {
    if (!isPrometheusOutage(err)) throw err;
    const ms = round(performance.now() - started);
    return { error: { source: "prometheus", message: err.message }, stats: queries.map((q) => ({ name: q.name, ms, series: 0 })) };
  }
}

export const round = (ms: number) => Math.round(ms * 10) / 10;
