/**
 * Health of graph nodes and edges from the graph response, judged by the console's request-health
 * rules (lib/health, docs/health.md): each edge's requests by response code (or gRPC status) become
 * request tallies — inbound for the edge's target, outbound for its source — and
 * `computeRequestHealth` gives the status (healthy, degraded, failure, or no-data without requests).
 * Rates stand in for counts: the rules judge ratios, which are the same.
 */
import type { GraphEdge } from "@/lib/graph/schema";
import { computeRequestHealth, type RequestHealth } from "@/lib/health/requests";
import { resolveRateRules, type RateRuleSet } from "@/lib/health/resolve";
import type { RequestStatus } from "@/lib/health/status";
import type { RequestTally, TrafficDirection } from "@/lib/health/tally";

/** Tallies of one edge's requests, seen from one side. TCP edges carry no requests. */
export function edgeTallies(e: GraphEdge, direction: TrafficDirection): RequestTally[] {
  if (e.protocol === "tcp" || e.idle) return [];
  const out: RequestTally[] = [];
  if (e.protocol === "grpc" && e.grpcStatuses && Object.keys(e.grpcStatuses).length > 0) {
    for (const [status, count] of Object.entries(e.grpcStatuses)) out.push({ direction, protocol: "grpc", code: "200", grpcStatus: status, count });
    return out;
  }
  for (const [code, count] of Object.entries(e.responses)) {
    out.push({ direction, protocol: e.protocol, code: code === "-" ? "0" : code, count });
  }
  return out;
}

export interface GraphHealth {
  nodes: Map<string, RequestHealth>;
  edges: Map<string, RequestHealth>;
}

/** Request health of every node (from its in- and outbound edges) and of every edge. */
export function graphHealth(nodeIds: readonly string[], edges: readonly GraphEdge[], rules: RateRuleSet = resolveRateRules()): GraphHealth {
  const tallies = new Map<string, RequestTally[]>(nodeIds.map((id) => [id, []]));
  const result: GraphHealth = { nodes: new Map(), edges: new Map() };
  for (const e of edges) {
    const inbound = edgeTallies(e, "inbound");
    result.edges.set(e.id, computeRequestHealth(inbound, rules));
    tallies.get(e.target)?.push(...inbound);
    tallies.get(e.source)?.push(...edgeTallies(e, "outbound"));
  }
  for (const [id, t] of tallies) result.nodes.set(id, computeRequestHealth(t, rules));
  return result;
}

/** The colours health is drawn with (the same in the graph, its legend and its exports). */
export const HEALTH_COLOURS: Record<RequestStatus, string> = {
  healthy: "#3f9c35",
  degraded: "#ec7a08",
  failure: "#c9190b",
  "no-data": "#8a8d90",
};

export const HEALTH_TEXT: Record<RequestStatus, string> = {
  healthy: "Healthy",
  degraded: "Degraded",
  failure: "Failure",
  "no-data": "No requests",
};
