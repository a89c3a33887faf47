import "server-only";
import type { V1Namespace } from "@kubernetes/client-node";
import type { SourceError } from "@/lib/api/schemas";
import { indexPeerAuthentications, mtlsOf } from "@/lib/inventory/mtls";
import { buildOverview, type OverviewResponse } from "@/lib/inventory/overview";
import type { QueryStats } from "@/lib/inventory/schemas";
import { toNamespaceSummaries } from "@/lib/inventory/workloads";
import { namespaceInboundQuery } from "@/lib/metrics/health-query";
import { FALLBACK_NAMES_LIMIT, mergeInbound, namespacesMissingPoints } from "@/lib/metrics/inbound";
import { axisTimestamps, rangeAxis, type RangeAxis } from "@/lib/metrics/window";
import type { PromSeries } from "@/lib/promql/types";
import type { TimeWindow } from "@/lib/url-state";
import type { RangeQueryOptions, RangeQueryResult } from "../prometheus/query";
import { isPrometheusOutage, round } from "./health";
import { coversEveryNamespace, readInventory, type InventoryDeps } from "./inventory";

export interface OverviewDeps extends InventoryDeps {
  range: (query: string, opts: RangeQueryOptions) => Promise<RangeQueryResult>;
}

/** Points per sparkline. */
const SPARK_POINTS = 30;

interface Sparklines {
  series: PromSeries[];
  stats: QueryStats["queries"];
  error?: SourceError;
}

/**
 * Requests per second received by each namespace over the axis (see lib/metrics/inbound.ts): the
 * destinations' reports, then their callers' reports for the namespaces lacking points. One query, or
 * two when some namespace has no sidecars or no traffic: never more, whatever the number of namespaces.
 */
async function readSparklines(names: readonly string[], everyNamespace: boolean, axis: RangeAxis, points: number, deps: OverviewDeps): Promise<Sparklines> {
  const started = performance.now();
  const range = (query: string, operation: string) => deps.range(query, { start: axis.start, end: axis.end, step: axis.step, operation });
  const stats: QueryStats["queries"] = [];
  try {
    const dest = await range(namespaceInboundQuery(names, axis.rateWindow, { everyNamespace, reporter: "destination" }), "overview_inbound");
    stats.push({ name: "inbound-sparkline", ms: round(dest.ms), series: dest.series.length });
    const missing = namespacesMissingPoints(dest.series, names, points);
    if (missing.length === 0) return { series: dest.series, stats };
    const broad = everyNamespace && missing.length > FALLBACK_NAMES_LIMIT;
    const src = await range(namespaceInboundQuery(missing, axis.rateWindow, { everyNamespace: broad, reporter: "source" }), "overview_inbound_fallback");
    stats.push({ name: "inbound-sparkline-fallback", ms: round(src.ms), series: src.series.length });
    return { series: mergeInbound(dest.series, src.series, missing), stats };
  } catch (err) {
    if (!isPrometheusOutage(err)) throw err;
    stats.push({ name: "inbound-sparkline", ms: round(performance.now() - started), series: 0 });
    return { series: [], stats, error: { source: "prometheus", message: err.message } };
  }
}

/**
 * The overview of `namespaces` (every namespace the caller may see when absent): per namespace its
 * counts, health summaries, mTLS mode and an inbound request-rate sparkline. Two or three Prometheus
 * queries whatever the number of namespaces: the health query (instant) and the sparkline queries
 * (range), all started before the Kubernetes objects are read and prepared.
 */
export async function getOverview(opts: { namespaces?: readonly string[]; window: TimeWindow }, deps: OverviewDeps): Promise<OverviewResponse> {
  const started = performance.now();
  const all = toNamespaceSummaries(await deps.reader.list<V1Namespace>("namespaces"));
  const wanted = opts.namespaces ? new Set(opts.namespaces) : undefined;
  const namespaces = wanted ? all.filter((n) => wanted.has(n.name)) : all;
  const names = namespaces.map((n) => n.name);
  const axis = rangeAxis(opts.window, deps.prometheus.now(), SPARK_POINTS);
  const timestamps = axisTimestamps(axis);
  if (names.length === 0) {
    return { window: opts.window, timestamps, namespaces: [], stats: { queries: [], inventoryMs: 0, totalMs: round(performance.now() - started) } };
  }

  const everyNamespace = await coversEveryNamespace(names, deps.reader);
  const spark = readSparklines(names, everyNamespace, axis, timestamps.length, deps);
  // Awaited below; until then a failure must not count as an unhandled rejection.
  spark.catch(() => undefined);
  const r = await readInventory(names, opts.window, deps, { apps: true, services: true }, { everyNamespace });
  const s = await spark;
  const peerAuths = indexPeerAuthentications(r.objects.istio.find((g) => g.kind === "PeerAuthentication")?.items ?? []);
  const errors = [...r.errors, ...(s.error && !r.errors.some((e) => e.source === "prometheus") ? [s.error] : [])];
  return {
    window: opts.window,
    timestamps,
    namespaces: buildOverview(namespaces, r.inventory, (ns) => mtlsOf(ns, peerAuths), s.series, { timestamps, step: axis.step }),
    ...(errors.length ? { errors } : {}),
    stats: {
      queries: [...r.stats.queries, ...s.stats],
      inventoryMs: r.stats.inventoryMs,
      totalMs: round(performance.now() - started),
    },
  };
}
