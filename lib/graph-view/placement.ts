/**
 * Where new nodes go when a refresh adds them to a graph already on screen: next to the nodes they are
 * connected with (right of their callers, left of their callees), so that the rest of the graph does
 * not move. Nodes connected only to other new nodes are placed once those are; nodes connected to
 * nothing on screen go below the graph.
 */
import type { LayoutEdge, Point, Positions } from "./layout-types";

const STEP_X = 160;
const STEP_Y = 80;

/** Positions for `newIds`, given the positions of the nodes already placed. */
export function placeNewNodes(newIds: readonly string[], edges: readonly LayoutEdge[], placed: Positions): Positions {
  const known = new Map(placed);
  const out: Positions = new Map();
  const taken = new Set([...known.values()].map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
  const free = (p: Point): Point => {
    // Step down until the spot is free, so that two new nodes never land on each other.
    let q = p;
    while (taken.has(`${Math.round(q.x)},${Math.round(q.y)}`)) q = { x: q.x, y: q.y + STEP_Y };
    taken.add(`${Math.round(q.x)},${Math.round(q.y)}`);
    return q;
  };
  const links = new Map<string, Array<{ other: string; outgoing: boolean }>>(newIds.map((id) => [id, []]));
  for (const e of edges) {
    if (e.source === e.target) continue;
    links.get(e.source)?.push({ other: e.target, outgoing: true });
    links.get(e.target)?.push({ other: e.source, outgoing: false });
  }
  let todo = [...newIds];
  while (todo.length > 0) {
    const left: string[] = [];
    for (const id of todo) {
      let sx = 0;
      let sy = 0;
      let count = 0;
      for (const { other, outgoing } of links.get(id) ?? []) {
        const p = known.get(other);
        if (!p) continue;
        // Callers sit left of their callees: a new callee goes right of its caller, a new caller left.
        sx += p.x + (outgoing ? -STEP_X : STEP_X);
        sy += p.y;
        count++;
      }
      if (count === 0) {
        left.push(id);
        continue;
      }
      const p = free({ x: sx / count, y: sy / count });
      known.set(id, p);
      out.set(id, p);
    }
    if (left.length === todo.length) {
      // Nothing on screen connects to these: put them in a row under the graph.
      let minX = Infinity;
      let maxY = -Infinity;
      for (const p of known.values()) {
        minX = Math.min(minX, p.x);
        maxY = Math.max(maxY, p.y);
      }
      if (!Number.isFinite(minX)) [minX, maxY] = [0, -STEP_Y];
      left.forEach((id, i) => {
        const p = free({ x: minX + i * STEP_X, y: maxY + STEP_Y * 1.5 });
        known.set(id, p);
        out.set(id, p);
      });
      break;
    }
    todo = left;
  }
  return out;
}
