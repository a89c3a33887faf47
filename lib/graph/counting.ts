/**
 * The counting rule: which reporter's telemetry counts each request, so that none is counted twice.
 *
 * Istio reports a request from both ends when both have a proxy: the caller's (`reporter="source"`)
 * and the callee's (`reporter="destination"`). The graph queries return both reporters, and:
 *
 *  1. Destination reports always count: a destination proxy saw the request.
 *  2. A source report counts only for a request no destination proxy reported:
 *     a. its destination workload has no destination reports in the result, i.e. it has no sidecar,
 *        is a ServiceEntry host or is `unknown` (destination_workload="unknown"), which also covers the
 *        ingress gateway's calls to workloads without sidecars; or
 *     b. its response flags say the request never reached a destination proxy:
 *        {@link UNREACHED_FLAGS} (fault-injected abort, no route, connection failure, no healthy
 *        upstream, circuit breaker overflow, local rate limit).
 *
 * "Has destination reports" is decided per destination workload (namespace and name), over the
 * requests and TCP vectors together: a workload whose proxy reports does so for every caller. When both
 * reporters show a workload with zero rate only (idle), the destination's reports are used.
 *
 * Limits, by construction: a workload whose pods are only partly injected is counted from its injected
 * pods; a request the caller gave up on (`UT`) is counted as the destination saw it.
 */
import type { TelemetryRecord } from "./telemetry";

/**
 * Envoy response flags meaning the request never reached an upstream proxy
 * (https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage#config-access-log-format-response-flags).
 */
export const UNREACHED_FLAGS: ReadonlySet<string> = new Set(["FI", "NR", "UF", "UH", "UO", "RL"]);

/** True when Envoy's flags (comma-separated) include one of {@link UNREACHED_FLAGS}. */
export function neverReachedDestination(flags: string): boolean {
  return flags.split(",").some((f) => UNREACHED_FLAGS.has(f.trim()));
}

function destinationKey(r: TelemetryRecord): string | undefined {
  const d = r.destination;
  return d.workload && d.namespace ? `${d.namespace}/${d.workload}` : undefined;
}

/** The destination workloads whose own proxy reports their traffic, from all the graph's vectors. */
export function destinationReported(records: readonly TelemetryRecord[]): ReadonlySet<string> {
  const destAny = new Set<string>();
  const destPositive = new Set<string>();
  const sourcePositive = new Set<string>();
  for (const r of records) {
    const key = destinationKey(r);
    if (!key) continue;
    if (r.reporter === "destination") {
      destAny.add(key);
      if (r.value > 0) destPositive.add(key);
    } else if (r.value > 0) sourcePositive.add(key);
  }
  const out = new Set<string>(destPositive);
  for (const key of destAny) if (!sourcePositive.has(key)) out.add(key);
  return out;
}

/** Whether one record counts, given the set from {@link destinationReported}. */
export function counts(r: TelemetryRecord, reported: ReadonlySet<string>): boolean {
  if (r.reporter === "destination") return true;
  const key = destinationKey(r);
  return !key || !reported.has(key) || neverReachedDestination(r.flags);
}

/** The records that count, each request once. */
export function countedRecords(records: readonly TelemetryRecord[], reported: ReadonlySet<string>): TelemetryRecord[] {
  return records.filter((r) => counts(r, reported));
}
