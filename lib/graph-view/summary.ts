/** Figures of one node drawn from its edges, for the side panel. */
import type { GraphEdge } from "@/lib/graph/schema";

export interface NodeSummary {
  /** Inbound edges, busiest first. */
  callers: GraphEdge[];
  /** Outbound edges, busiest first. */
  callees: GraphEdge[];
  /** Rate-weighted mTLS share of the inbound requests whose security policy is known; null if none is. */
  mtlsShareIn: number | null;
  /** The node's own SPIFFE identities: destination principals of its callers' requests, source ones of its calls. */
  principals: string[];
}

export function nodeSummary(nodeId: string, edges: Iterable<GraphEdge>): NodeSummary {
  const callers: GraphEdge[] = [];
  const callees: GraphEdge[] = [];
  const principals = new Set<string>();
  let weighted = 0;
  let weight = 0;
  for (const e of edges) {
    if (e.target === nodeId) {
      callers.push(e);
      e.principals.destination.forEach((p) => principals.add(p));
      if (e.mtlsShare !== null) {
        weighted += e.mtlsShare * e.rate;
        weight += e.rate;
      }
    }
    if (e.source === nodeId) {
      callees.push(e);
      e.principals.source.forEach((p) => principals.add(p));
    }
  }
  const byRate = (a: GraphEdge, b: GraphEdge) => b.rate - a.rate || a.id.localeCompare(b.id);
  return {
    callers: callers.sort(byRate),
    callees: callees.sort(byRate),
    mtlsShareIn: weight > 0 ? weighted / weight : null,
    principals: [...principals].sort(),
  };
}
