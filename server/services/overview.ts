import "server-only";
import type { V1Namespace } from "@kubernetes/client-node";
import type { SourceError } from "@/lib/api/schemas";
import { indexPeerAuthentications, mtlsOf } from "@/lib/inventory/mtls";
import { buildOverview, type OverviewResponse } from "@/lib/inventory/overview";
import { toNamespaceSummaries } from "@/lib/inventory/workloads";
import { namespaceInboundQuery } from "@/lib/metrics/health-query";
import { axisTimestamps, rangeAxis } from "@/lib/metrics/window";
import type { PromSeries } from "@/lib/promql/types";
import type { TimeWindow } from "@/lib/url-state";
import type { RangeQueryOptions, RangeQueryResult } from "../prometheus/query";
import { isPrometheusOutage, round } from "./health";
import { readInventory, type InventoryDeps } from "./inventory";

export interface OverviewDeps extends InventoryDeps {
  range: (query: string, opts: RangeQueryOptions) => Promise<RangeQueryResult>;
}

/** Points per sparkline. */
const SPARK_POINTS = 30;

/**
 * The overview of `namespaces` (every namespace the caller may see when absent): per namespace its
 * counts, health summaries, mTLS mode and an inbound request-rate sparkline. Two Prometheus queries
 * whatever the number of namespaces: the health query (instant) and the sparkline query (range).
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

  const sparkStarted = performance.now();
  const everyNamespace = names.length === all.length && names.length >= 50;
  const spark = deps
    .range(namespaceInboundQuery(names, axis.rateWindow, { everyNamespace }), { start: axis.start, end: axis.end, step: axis.step, operation: "overview_inbound" })
    .then(
      (r): { series: PromSeries[]; ms: number; error?: SourceError } => ({ series: r.series, ms: r.ms }),
      (err: unknown) => {
        if (!isPrometheusOutage(err)) throw err;
        return { series: [], ms: performance.now() - sparkStarted, error: { source: "prometheus" as const, message: err.message } };
      },
    );
  const [r, s] = await Promise.all([readInventory(names, opts.window, deps), spark]);
  const peerAuths = indexPeerAuthentications(r.objects.istio.find((g) => g.kind === "PeerAuthentication")?.items ?? []);
  const errors = [...r.errors, ...(s.error && !r.errors.some((e) => e.source === "prometheus") ? [s.error] : [])];
  return {
    window: opts.window,
    timestamps,
    namespaces: buildOverview(namespaces, r.inventory, (ns) => mtlsOf(ns, peerAuths), s.series, { timestamps, step: axis.step }),
    ...(errors.length ? { errors } : {}),
    stats: {
      queries: [...r.stats.queries, { name: "inbound-sparkline", ms: round(s.ms), series: s.series.length }],
      inventoryMs: r.stats.inventoryMs,
      totalMs: round(performance.now() - started),
    },
  };
}
