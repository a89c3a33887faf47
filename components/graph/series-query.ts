import { queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/api-client";
import { graphSeriesResponse } from "@/lib/graph-view/series-schema";

/** What a chart asks for: a node id, or an edge's ends and protocol, over the graph window. */
export type SeriesRequest = { node: string; window: string } | { source: string; target: string; protocol: string; window: string };

/** `GET /api/graph/series` for the side panel's charts. */
export function graphSeriesQuery(req: SeriesRequest) {
  const params = new URLSearchParams(req as Record<string, string>);
  return queryOptions({
    queryKey: ["graph-series", req],
    queryFn: ({ signal }) => getJson(`/api/graph/series?${params.toString()}`, graphSeriesResponse, signal),
  });
}
