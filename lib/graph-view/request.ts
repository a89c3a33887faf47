import type { GraphOptions } from "@/lib/graph/options";

/** What the graph page asks `GET /api/graph` for: the options that change the answer (no `time`). */
export type GraphRequest = Omit<GraphOptions, "time">;

/** The query string of `GET /api/graph` for a request; every option is explicit, in a fixed order. */
export function graphQueryString(r: GraphRequest): string {
  const p = new URLSearchParams({
    namespaces: r.namespaces.join(","),
    graphType: r.graphType,
    window: r.window,
    injectServiceNodes: String(r.injectServiceNodes),
    idleNodes: String(r.idleNodes),
    idleEdges: String(r.idleEdges),
    responseTime: r.responseTime,
    throughput: String(r.throughput),
  });
  return p.toString();
}
