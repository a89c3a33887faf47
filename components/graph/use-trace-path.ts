"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { GraphEdge, GraphNode } from "@/lib/graph/schema";
import { queries } from "@/lib/queries";
import { traceHops } from "@/lib/tracing/graph-hops";
import { matchTracePath } from "@/lib/tracing/graph-match";

/**
 * The trace named by the graph's `?trace=` (fetched like the trace view does) and its path on the graph
 * shown: hops matched to the nodes and edges, recomputed as the graph refreshes.
 */
export function useTracePath(traceId: string | null, graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] } | null | undefined) {
  const query = useQuery(queries.trace(traceId ?? ""));
  const trace = traceId ? query.data?.trace : undefined;
  const hops = useMemo(() => (trace ? traceHops(trace) : null), [trace]);
  const path = useMemo(() => (hops && graph ? matchTracePath(hops, graph) : null), [hops, graph]);
  return { trace, hops, path, error: traceId ? query.error : null, loading: traceId !== null && query.isPending };
}
