import "server-only";
import type { V1Deployment, V1Pod, V1Service } from "@kubernetes/client-node";
import { toWorkloadSummaries, matchesSelector } from "@/lib/inventory/workloads";
import { chartsFor, type DetailSeries, type MetricsResponse } from "@/lib/metrics/charts";
import { detailQueries, type Direction, type DirectionSpec, type MetricsQueryParams, type Reporter } from "@/lib/metrics/detail-queries";
import { axisTimestamps, rangeAxis } from "@/lib/metrics/window";
import type { Identity } from "../kube/identity";
import { kubeReader, type KubeReader } from "../kube/reader";
import { rangeQuery, type RangeQueryOptions, type RangeQueryResult } from "../prometheus/query";
import { round } from "./health";

export interface MetricsDeps {
  reader: KubeReader;
  range: (query: string, opts: RangeQueryOptions) => Promise<RangeQueryResult>;
  /** Unix seconds. */
  now: () => number;
}

export function metricsDeps(identity: Identity): MetricsDeps {
  return { reader: kubeReader(identity), range: rangeQuery, now: () => Date.now() / 1000 };
}

/**
 * Whether the object's pods run a sidecar: its own proxy then reports its traffic. Unknown objects
 * (deleted, or not visible) are assumed to, which is the common case in a mesh.
 */
async function hasSidecar(p: MetricsQueryParams, reader: KubeReader): Promise<boolean> {
  const [deployments, pods] = await Promise.all([reader.list<V1Deployment>("deployments", [p.namespace]), reader.list<V1Pod>("pods", [p.namespace])]);
  const workloads = toWorkloadSummaries(deployments, pods);
  let mine = workloads.filter((w) => (p.kind === "workload" ? w.name === p.name : w.app === p.name));
  if (p.kind === "service") {
    const svc = (await reader.list<V1Service>("services", [p.namespace])).find((s) => s.metadata?.name === p.name);
    mine = workloads.filter((w) => matchesSelector(svc?.spec?.selector, w.labels));
  }
  return mine.length === 0 || mine.some((w) => w.sidecar !== "missing");
}

function reporterFor(direction: Direction, p: MetricsQueryParams, sidecar: boolean): Reporter {
  if (p.reporter !== "auto") return p.reporter;
  const own: Reporter = direction === "inbound" ? "destination" : "source";
  const peer: Reporter = direction === "inbound" ? "source" : "destination";
  return sidecar ? own : peer;
}

/**
 * Inbound and outbound metrics of one app, workload or service over the window: four range queries
 * (requests, latency histogram, sizes, TCP bytes) covering both directions, reshaped into charts split
 * by peer or response code on demand. Services have inbound traffic only.
 */
export async function getMetrics(p: MetricsQueryParams, deps: MetricsDeps): Promise<MetricsResponse> {
  const started = performance.now();
  const directions: Direction[] = (p.direction === "both" ? (["inbound", "outbound"] as const) : [p.direction]).filter(
    (d) => !(p.kind === "service" && d === "outbound"),
  );
  const sidecar = p.reporter === "auto" ? await hasSidecar(p, deps.reader) : true;
  const specs: DirectionSpec[] = directions.map((direction) => ({ direction, reporter: reporterFor(direction, p, sidecar) }));
  const axis = rangeAxis(p.window, deps.now());
  const queries = detailQueries({ kind: p.kind, namespace: p.namespace, name: p.name, directions: specs, split: p.split, rateWindow: axis.rateWindow });
  const results = await Promise.all(
    queries.map((q) => deps.range(q.query, { start: axis.start, end: axis.end, step: axis.step, operation: `metrics_${q.name}` })),
  );
  const byName = new Map(queries.map((q, i) => [q.name, results[i]?.series ?? []]));
  const series: DetailSeries = {
    requests: byName.get("requests") ?? [],
    latency: byName.get("latency") ?? [],
    sizes: byName.get("sizes") ?? [],
    tcp: byName.get("tcp") ?? [],
  };
  const timestamps = axisTimestamps(axis);
  const { charts, truncated } = chartsFor(directions, series, p.split, { timestamps, step: axis.step });
  const reporters = Object.fromEntries(specs.map((s) => [s.direction, s.reporter]));
  return {
    timestamps,
    step: axis.step,
    rateWindow: axis.rateWindow,
    split: p.split,
    reporters,
    ...charts,
    truncated,
    stats: {
      queries: queries.map((q, i) => ({ name: q.name, ms: round(results[i]?.ms ?? 0), series: results[i]?.series.length ?? 0 })),
      totalMs: round(performance.now() - started),
    },
  };
}
