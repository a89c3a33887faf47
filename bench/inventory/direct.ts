/**
 * The baseline: the very Prometheus queries the overview and the workloads list issue, sent straight
 * to Prometheus (fetch + JSON.parse, nothing else), in the same order and parallelism as the services
 * (health's two parts ∥ (sparkline → fallback when needed)). api / direct is the console's overhead.
 */
import { healthTallyQueries, namespaceInboundQuery } from "@/lib/metrics/health-query";
import { FALLBACK_NAMES_LIMIT, namespacesMissingPoints } from "@/lib/metrics/inbound";
import { axisTimestamps, rangeAxis } from "@/lib/metrics/window";

/** Same rule as server/prometheus/query.ts: longer query strings go in a POST body. */
const MAX_GET_QUERY = 6_000;

export interface DirectAnswer {
  ms: number;
  text: string;
  result: Array<{ metric: Record<string, string>; values?: unknown[] }>;
}

/** One query straight to Prometheus's HTTP API. */
export async function promQuery(url: string, endpoint: "query" | "query_range", params: Record<string, string>): Promise<DirectAnswer> {
  const body = new URLSearchParams(params);
  const qs = body.toString();
  const started = performance.now();
  const res = await (qs.length <= MAX_GET_QUERY
    ? fetch(`${url}/api/v1/${endpoint}?${qs}`, { headers: { accept: "application/json" } })
    : fetch(`${url}/api/v1/${endpoint}`, { method: "POST", body, headers: { accept: "application/json" } }));
  const text = await res.text();
  const parsed = JSON.parse(text) as { status: string; error?: string; data?: { result?: DirectAnswer["result"] } };
  const ms = performance.now() - started;
  if (!res.ok || parsed.status !== "success") throw new Error(`Prometheus: HTTP ${res.status} ${parsed.error ?? ""} for ${params.query?.slice(0, 120)}`);
  return { ms, text, result: parsed.data?.result ?? [] };
}

/** The health query as the services send it: its two parts, in parallel. */
export async function directHealth(url: string, names: readonly string[], everyNamespace: boolean, now: number): Promise<{ ms: number; parts: DirectAnswer[] }> {
  const started = performance.now();
  const time = String(Math.round(now * 1000) / 1000);
  const parts = await Promise.all(healthTallyQueries(names, "5m", { everyNamespace }).map((q) => promQuery(url, "query", { query: q.query, time })));
  return { ms: performance.now() - started, parts };
}

/** The overview's Prometheus work: the health query in parallel with the sparkline query and its fallback. */
export async function directOverview(url: string, names: readonly string[], everyNamespace: boolean, now: number): Promise<{ ms: number; queries: number }> {
  const started = performance.now();
  const axis = rangeAxis("5m", now, 30);
  const points = axisTimestamps(axis).length;
  const range = (query: string) => promQuery(url, "query_range", { query, start: String(axis.start), end: String(axis.end), step: String(axis.step) });
  const spark = (async () => {
    const dest = await range(namespaceInboundQuery(names, axis.rateWindow, { everyNamespace, reporter: "destination" }));
    const series = dest.result.map((r) => ({ metric: r.metric, points: (r.values ?? []).map((): [number, number] => [0, 0]) }));
    const missing = namespacesMissingPoints(series, names, points);
    if (missing.length === 0) return 1;
    await range(namespaceInboundQuery(missing, axis.rateWindow, { everyNamespace: everyNamespace && missing.length > FALLBACK_NAMES_LIMIT, reporter: "source" }));
    return 2;
  })();
  const [health, sparkQueries] = await Promise.all([directHealth(url, names, everyNamespace, now), spark]);
  return { ms: performance.now() - started, queries: health.parts.length + sparkQueries };
}
