import { NextResponse } from "next/server";
import { searchParamsObject } from "@/lib/api/params";
import { durationSeconds } from "@/lib/graph/options";
import { ratioSeries, seriesParams, type GraphSeriesResponse, type SeriesPoints } from "@/lib/graph-view/series-schema";
import { seriesQueries, seriesRange, type ParsedNodeId } from "@/lib/graph-view/series-queries";
import { validationError } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { resolveIdentity } from "@/server/kube/identity";
import { kubeReader } from "@/server/kube/reader";
import { rangeQuery } from "@/server/prometheus/query";

export const dynamic = "force-dynamic";

function namespacesOf(nodes: ParsedNodeId[]): string[] {
  return [...new Set(nodes.flatMap((n) => ("namespace" in n ? [n.namespace] : [])))];
}

/**
 * Rate, error ratio and latency percentiles of one graph node or edge over the window (range queries),
 * for the graph's side panel. `?node=<id>` or `?source=<id>&target=<id>&protocol=http|grpc|tcp`, with
 * `window` (default 5m) and `time` (end, unix seconds). See docs/graph-api.md for node ids.
 */
export const GET = route("/api/graph/series", async (req) => {
  const parsed = seriesParams.safeParse(searchParamsObject(req.nextUrl.searchParams));
  if (!parsed.success) return validationError(parsed.error);
  const { target, window, time } = parsed.data;

  // A user's token must be able to read the namespaces whose traffic it asks for (403 passes through).
  const identity = resolveIdentity(req.headers);
  const namespaces = namespacesOf(target.kind === "node" ? [target.node] : [target.source, target.target]);
  if (identity.kind === "user" && namespaces.length > 0) await kubeReader(identity).list("deployments", namespaces);

  const range = seriesRange(durationSeconds(window)!, time ?? Date.now() / 1000);
  const queries = seriesQueries(target, range.rateWindow);
  const results = await Promise.all(
    queries.map((q) => rangeQuery(q.query, { start: range.start, end: range.end, step: range.step, operation: `graph_series_${q.name}` })),
  );
  const series: Record<string, SeriesPoints> = {};
  queries.forEach((q, i) => {
    const points = results[i]!.series[0]?.points ?? [];
    series[q.name] = points.map(([t, v]) => [t, Number.isFinite(v) ? v : null]);
  });
  if (series.rateIn) series.errorRatioIn = ratioSeries(series.errorsIn, series.rateIn);
  const body: GraphSeriesResponse = {
    ...range,
    series,
    queries: queries.map((q, i) => ({ name: q.name, query: q.query, ms: Math.round(results[i]!.ms * 10) / 10 })),
  };
  return NextResponse.json(body);
});
