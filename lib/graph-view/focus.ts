/**
 * A graph focused on one node: the node, its callers and its callees. A service node between a caller
 * and the focused node (or between it and a callee) is looked through, so that focusing a workload
 * still shows who calls it and what it calls, not just the services in between.
 */
interface FocusNode {
  id: string;
  type: string;
}

interface FocusEdge {
  source: string;
  target: string;
}

/** The focused subgraph, or undefined when the node is not in the graph. */
export function focusGraph<N extends FocusNode, E extends FocusEdge>(nodes: readonly N[], edges: readonly E[], focusId: string): { nodes: N[]; edges: E[] } | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const focus = byId.get(focusId);
  if (!focus) return undefined;
  const into = new Map<string, E[]>();
  const outOf = new Map<string, E[]>();
  for (const e of edges) {
    if (into.has(e.target)) into.get(e.target)!.push(e);
    else into.set(e.target, [e]);
    if (outOf.has(e.source)) outOf.get(e.source)!.push(e);
    else outOf.set(e.source, [e]);
  }
  const keptNodes = new Set([focusId]);
  const keptEdges = new Set<E>();
  const walk = (from: string, next: Map<string, E[]>, end: (e: E) => string, depth: number) => {
    for (const e of next.get(from) ?? []) {
      const other = end(e);
      keptEdges.add(e);
      const seen = keptNodes.has(other);
      keptNodes.add(other);
      // Look through a service node (one hop) unless the focus is a service itself.
      if (!seen && depth === 0 && focus.type !== "service" && byId.get(other)?.type === "service") walk(other, next, end, depth + 1);
    }
  };
  walk(focusId, into, (e) => e.source, 0);
  walk(focusId, outOf, (e) => e.target, 0);
  return { nodes: nodes.filter((n) => keptNodes.has(n.id)), edges: edges.filter((e) => keptEdges.has(e)) };
}
