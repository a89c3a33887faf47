/**
 * Reshapes the detail queries' range answers (detail-queries.ts) into charts: request volume, success
 * ratio, latency (avg, p50, p95, p99 — quantiles computed here from the histogram buckets, as
 * `histogram_quantile` would), request and response sizes, TCP bytes; per direction, one series per
 * group of the split (peer, response code, or the total).
 */
import { z } from "zod";
import { sourceError } from "@/lib/api/schemas";
import { histogramQuantile, parseLe } from "@/lib/graph/quantile";
import type { PromSeries } from "@/lib/promql/types";
import { isServerError } from "./tallies";
import { DIR_LABEL, PART_LABEL, peerLabels, type Direction, type MetricsSplit } from "./detail-queries";
import { alignPoints } from "./window";

export const chartUnit = z.enum(["rps", "percent", "ms", "bytes", "Bps"]);
export type ChartUnit = z.infer<typeof chartUnit>;

export const metricChart = z.object({
  id: z.string(),
  title: z.string(),
  unit: chartUnit,
  series: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })),
});
export type MetricChart = z.infer<typeof metricChart>;

export const metricsResponse = z.object({
  timestamps: z.array(z.number()),
  step: z.number(),
  rateWindow: z.string(),
  split: z.enum(["none", "peer", "code"]),
  reporters: z.object({ inbound: z.enum(["source", "destination"]).optional(), outbound: z.enum(["source", "destination"]).optional() }),
  inbound: z.array(metricChart).optional(),
  outbound: z.array(metricChart).optional(),
  /** Groups beyond the busiest ones were left out of split charts. */
  truncated: z.boolean(),
  errors: z.array(sourceError).optional(),
  stats: z.object({ queries: z.array(z.object({ name: z.string(), ms: z.number(), series: z.number() })), totalMs: z.number() }),
});
export type MetricsResponse = z.infer<typeof metricsResponse>;

/** The answers of the four detail queries. */
export interface DetailSeries {
  requests: readonly PromSeries[];
  latency: readonly PromSeries[];
  sizes: readonly PromSeries[];
  tcp: readonly PromSeries[];
}

export interface ChartAxis {
  timestamps: readonly number[];
  step: number;
}

/** Series shown per split chart at most; the quietest groups beyond are dropped. */
export const MAX_GROUPS = 10;
const TOTAL = "total";

/** The group a series belongs to under `split`: `namespace/peer`, the response code, or `total`. */
export function groupOf(metric: Record<string, string>, split: MetricsSplit, direction: Direction, http: boolean): string {
  if (split === "peer") {
    const [nsLabel = "", nameLabel = ""] = peerLabels(direction);
    const name = metric[nameLabel];
    return !name || name === "unknown" ? "unknown" : `${metric[nsLabel] ?? ""}/${name}`;
  }
  if (split === "code" && http) return metric.response_code || "-";
  return TOTAL;
}

type Values = Array<number | null>;

function addInto(target: Values, values: Values): void {
  values.forEach((v, i) => {
    if (v === null) return;
    target[i] = (target[i] ?? 0) + v;
  });
}

function sumBy(series: readonly PromSeries[], key: (m: Record<string, string>) => string | undefined, axis: ChartAxis): Map<string, Values> {
  const out = new Map<string, Values>();
  for (const s of series) {
    const k = key(s.metric);
    if (k === undefined) continue;
    let acc = out.get(k);
    if (!acc) out.set(k, (acc = axis.timestamps.map(() => null)));
    addInto(acc, alignPoints(s.points, axis.timestamps, axis.step));
  }
  return out;
}

const total = (v: Values) => v.reduce<number>((s, x) => s + (x ?? 0), 0);
const toSeries = (m: Map<string, Values>, keep: (name: string) => boolean) =>
  [...m.entries()].filter(([k]) => keep(k)).map(([name, values]) => ({ name, values })).sort((a, b) => total(b.values) - total(a.values) || a.name.localeCompare(b.name));

/** Charts of one direction. `keep` limits split groups to the busiest (see {@link chartsFor}). */
function directionCharts(direction: Direction, s: DetailSeries, split: MetricsSplit, axis: ChartAxis, keep: (g: string) => boolean): MetricChart[] {
  const mine = (list: readonly PromSeries[]) => list.filter((x) => x.metric[DIR_LABEL] === direction);
  const group = (m: Record<string, string>, http = true) => groupOf(m, split, direction, http);

  const requests = mine(s.requests);
  const volume = sumBy(requests, (m) => group(m), axis);
  // Success: requests without a server-side failure (5xx, no response, gRPC status 1–16), per group; a
  // ratio per response code means nothing, so the code split shows the total.
  const ratioGroup = (m: Record<string, string>) => (split === "code" ? TOTAL : group(m));
  const all = sumBy(requests, ratioGroup, axis);
  const ok = sumBy(requests, (m) => (isServerError({ protocol: m.request_protocol === "grpc" ? "grpc" : "http", code: m.response_code ?? "", grpcStatus: m.grpc_response_status }) ? undefined : ratioGroup(m)), axis);
  const success = new Map([...all.entries()].map(([k, v]) => [k, v.map((x, i) => (x === null || x <= 0 ? null : ((ok.get(k)?.[i] ?? 0) * 100) / x))]));

  const latency = mine(s.latency);
  const buckets = new Map<string, Map<number, Values>>();
  for (const x of latency.filter((l) => l.metric[PART_LABEL] === "bucket")) {
    const le = parseLe(x.metric.le ?? "");
    if (le === undefined) continue;
    const g = group(x.metric);
    const byLe = buckets.get(g) ?? new Map<number, Values>();
    buckets.set(g, byLe);
    const acc = byLe.get(le) ?? axis.timestamps.map(() => null);
    addInto(acc, alignPoints(x.points, axis.timestamps, axis.step));
    byLe.set(le, acc);
  }
  const sums = sumBy(latency.filter((l) => l.metric[PART_LABEL] === "sum"), (m) => group(m), axis);
  const stat = (g: string, q: number | "avg"): Values =>
    axis.timestamps.map((_, i) => {
      const byLe = buckets.get(g);
      if (!byLe) return null;
      const count = byLe.get(Infinity)?.[i] ?? null;
      if (q === "avg") {
        const sum = sums.get(g)?.[i] ?? null;
        return count && sum !== null ? sum / count : null;
      }
      const v = histogramQuantile(q, [...byLe.entries()].flatMap(([le, vals]) => (vals[i] === null || vals[i] === undefined ? [] : [{ le, count: vals[i] }])));
      return Number.isFinite(v) ? v : null;
    });
  const stats = [
    ["avg", "avg"],
    ["p50", 0.5],
    ["p95", 0.95],
    ["p99", 0.99],
  ] as const;
  const latencyCharts: MetricChart[] =
    split === "none"
      ? [{ id: "latency", title: "Latency", unit: "ms", series: buckets.has(TOTAL) ? stats.map(([name, q]) => ({ name, values: stat(TOTAL, q) })) : [] }]
      : stats.map(([name, q]) => ({
          id: `latency_${name}`,
          title: `Latency ${name}`,
          unit: "ms" as const,
          series: toSeries(new Map([...buckets.keys()].map((g) => [g, stat(g, q)])), keep),
        }));

  const sizes = mine(s.sizes);
  const size = (p: string) => sumBy(sizes.filter((x) => x.metric[PART_LABEL] === p), (m) => group(m), axis);
  const tcp = mine(s.tcp);
  const bytes = (p: string) => sumBy(tcp.filter((x) => x.metric[PART_LABEL] === p), (m) => group(m, false), axis);

  return [
    { id: "requests", title: "Request volume", unit: "rps", series: toSeries(volume, keep) },
    { id: "success", title: "Success ratio (no 5xx, no reset)", unit: "percent", series: toSeries(success, keep) },
    ...latencyCharts,
    { id: "request_size", title: "Request size (avg)", unit: "bytes", series: toSeries(size("request"), keep) },
    { id: "response_size", title: "Response size (avg)", unit: "bytes", series: toSeries(size("response"), keep) },
    { id: "tcp_received", title: "TCP received", unit: "Bps", series: toSeries(bytes("received"), keep) },
    { id: "tcp_sent", title: "TCP sent", unit: "Bps", series: toSeries(bytes("sent"), keep) },
  ];
}

/**
 * Charts per direction. With a split, only the {@link MAX_GROUPS} busiest groups (by request volume,
 * then TCP bytes) are kept in every chart, so that colours and legends stay readable.
 */
export function chartsFor(directions: readonly Direction[], s: DetailSeries, split: MetricsSplit, axis: ChartAxis): { charts: Partial<Record<Direction, MetricChart[]>>; truncated: boolean } {
  const charts: Partial<Record<Direction, MetricChart[]>> = {};
  let truncated = false;
  const rank = (list: readonly PromSeries[], d: Direction, http: boolean) => {
    const weight = new Map<string, number>();
    for (const x of list) {
      if (x.metric[DIR_LABEL] !== d) continue;
      const g = groupOf(x.metric, split, d, http);
      weight.set(g, (weight.get(g) ?? 0) + x.points.reduce((sum, [, v]) => sum + (Number.isFinite(v) ? v : 0), 0));
    }
    return [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([g]) => g);
  };
  for (const d of directions) {
    // Busiest by requests first, then TCP-only peers by bytes (the units differ: never mix them).
    const ranked = [...new Set([...rank(s.requests, d, true), ...rank(s.tcp, d, false)])];
    const kept = new Set(ranked.slice(0, MAX_GROUPS));
    if (ranked.length > MAX_GROUPS) truncated = true;
    charts[d] = directionCharts(d, s, split, axis, (g) => split === "none" || g === TOTAL || kept.has(g));
  }
  return { charts, truncated };
}
