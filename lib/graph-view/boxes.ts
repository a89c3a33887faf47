/**
 * Namespace boxes computed from node positions, for big graphs drawn without Cytoscape compound nodes
 * (the overlay draws them) and for exports. Same padding as the compound nodes' style.
 */
export interface BoxedNode {
  ns: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Room below a node for its label. */
export const LABEL_ROOM = 28;

/** The box around each namespace's nodes (and their labels), padded by `pad`. */
export function namespaceBounds(nodes: Iterable<BoxedNode>, pad = 24): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const n of nodes) {
    if (!n.ns) continue;
    const b = out.get(n.ns) ?? { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
    b.x1 = Math.min(b.x1, n.x - n.width / 2 - pad);
    b.x2 = Math.max(b.x2, n.x + n.width / 2 + pad);
    b.y1 = Math.min(b.y1, n.y - n.height / 2 - pad);
    b.y2 = Math.max(b.y2, n.y + n.height / 2 + LABEL_ROOM + pad);
    out.set(n.ns, b);
  }
  return out;
}
