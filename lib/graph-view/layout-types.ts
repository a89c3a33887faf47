/** Inputs and outputs shared by the graph view's layouts (layered and force), which are pure and run in a worker. */

/** A node to place. `parent` is the compound node (namespace box) it belongs to; sizes in pixels. */
export interface LayoutNode {
  id: string;
  parent?: string;
  width?: number;
  height?: number;
}

/** A directed edge between two nodes; edges touching unknown or compound nodes are ignored. */
export interface LayoutEdge {
  source: string;
  target: string;
}

export interface LayoutInput {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export interface Point {
  x: number;
  y: number;
}

/** Positions (centres) of the leaf nodes; compound parents are sized by their children and left out. */
export type Positions = Map<string, Point>;

/** Default node size when the input does not say. */
export const DEFAULT_NODE_SIZE = 40;

/** The ids that are parents of other nodes: compound boxes, which layouts do not place themselves. */
export function compoundIds(nodes: readonly LayoutNode[]): Set<string> {
  const out = new Set<string>();
  for (const n of nodes) if (n.parent !== undefined) out.add(n.parent);
  return out;
}
