/**
 * A fast hierarchical (left-to-right) layout for call graphs, grouped by namespace.
 *
 * Dagre's network-simplex ranker is what makes hierarchical layouts slow on big meshes (see
 * shared/PERF-NOTES.md: >150 s at 1,000 nodes); this pass stays linear-ish:
 *  1. cycles are broken by reversing the back edges of a depth-first search;
 *  2. ranks by longest path from the sources (a source that only calls deep nodes moves next to them);
 *  3. each namespace (compound parent) gets a horizontal band of its own, so namespace boxes never
 *     overlap, and bands are ordered so that namespaces that talk to each other are neighbours;
 *  4. within each (band, rank) cell, nodes are ordered by the barycenter of their neighbours in a few
 *     down and up sweeps (crossing reduction);
 *  5. coordinates: one column per rank (as wide as its widest node); within its band each node is
 *     pulled towards its neighbours' mean height, keeping its cell's order and gaps (least squares);
 *  6. when many namespaces make the stack of bands much taller than wide, the bands wrap into
 *     side-by-side columns (each keeping the rank columns), so the graph stays about 16:10.
 * Long edges get no dummy nodes: they may pass near nodes of the ranks they cross, a price paid for speed.
 * Deterministic: the same input (in the same order) always gives the same positions.
 */
import { compoundIds, DEFAULT_NODE_SIZE, type LayoutInput, type Positions } from "./layout-types";

export interface LayeredLayoutOptions {
  /** Horizontal gap between two ranks' columns, in px (room for edge labels). */
  rankSep?: number;
  /** Vertical gap between two nodes of one rank, in px (room for node labels). */
  nodeSep?: number;
  /** Vertical gap between two namespace bands, in px (room for the box's padding and label). */
  groupSep?: number;
  /** Crossing-reduction sweeps (each one down and one up). */
  sweeps?: number;
  /**
   * Width/height the graph should roughly have: when the stacked namespace bands are much taller than
   * that, they wrap into side-by-side columns.
   */
  aspect?: number;
}

const DEFAULTS: Required<LayeredLayoutOptions> = { rankSep: 120, nodeSep: 40, groupSep: 90, sweeps: 2, aspect: 1.6 };

interface Graph {
  ids: string[];
  width: number[];
  height: number[];
  group: number[];
  groupCount: number;
  out: number[][];
}

function readGraph(input: LayoutInput): Graph {
  const compounds = compoundIds(input.nodes);
  const index = new Map<string, number>();
  const groups = new Map<string, number>();
  const g: Graph = { ids: [], width: [], height: [], group: [], groupCount: 0, out: [] };
  for (const n of input.nodes) {
    if (compounds.has(n.id) || index.has(n.id)) continue;
    const key = n.parent ?? "";
    let gi = groups.get(key);
    if (gi === undefined) groups.set(key, (gi = groups.size));
    index.set(n.id, g.ids.length);
    g.ids.push(n.id);
    g.width.push(n.width ?? DEFAULT_NODE_SIZE);
    g.height.push(n.height ?? DEFAULT_NODE_SIZE);
    g.group.push(gi);
    g.out.push([]);
  }
  g.groupCount = groups.size;
  const n = g.ids.length;
  const seen = new Set<number>();
  for (const e of input.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    const key = s * n + t;
    if (seen.has(key)) continue;
    seen.add(key);
    g.out[s]!.push(t);
  }
  return g;
}

/** Splits the edges into an acyclic successor/predecessor structure, reversing DFS back edges. */
function acyclic(out: number[][]): { succ: number[][]; pred: number[][] } {
  const n = out.length;
  const succ: number[][] = Array.from({ length: n }, () => []);
  const pred: number[][] = Array.from({ length: n }, () => []);
  const state = new Uint8Array(n); // 0 new, 1 on the DFS stack, 2 done
  const stackNode: number[] = [];
  const stackNext: number[] = [];
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    state[root] = 1;
    stackNode.push(root);
    stackNext.push(0);
    while (stackNode.length > 0) {
      const top = stackNode.length - 1;
      const v = stackNode[top]!;
      const i = stackNext[top]!;
      const edges = out[v]!;
      if (i >= edges.length) {
        state[v] = 2;
        stackNode.pop();
        stackNext.pop();
        continue;
      }
      stackNext[top] = i + 1;
      const w = edges[i]!;
      if (state[w] === 1) {
        // A back edge closes a cycle: keep it, pointing the other way.
        succ[w]!.push(v);
        pred[v]!.push(w);
        continue;
      }
      succ[v]!.push(w);
      pred[w]!.push(v);
      if (state[w] === 0) {
        state[w] = 1;
        stackNode.push(w);
        stackNext.push(0);
      }
    }
  }
  return { succ, pred };
}

/** Longest-path ranks (Kahn's order); sources move right next to their nearest callee. */
function rank(succ: number[][], pred: number[][]): Int32Array {
  const n = succ.length;
  const ranks = new Int32Array(n);
  const indeg = new Int32Array(n);
  const queue: number[] = [];
  for (let v = 0; v < n; v++) {
    indeg[v] = pred[v]!.length;
    if (indeg[v] === 0) queue.push(v);
  }
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const w of succ[v]!) {
      if (ranks[v]! + 1 > ranks[w]!) ranks[w] = ranks[v]! + 1;
      if (--indeg[w]! === 0) queue.push(w);
    }
  }
  for (let v = 0; v < n; v++) {
    if (pred[v]!.length > 0 || succ[v]!.length === 0) continue;
    let min = Infinity;
    for (const w of succ[v]!) min = Math.min(min, ranks[w]!);
    ranks[v] = Math.max(0, min - 1);
  }
  return ranks;
}

/** Orders bands: first by where they start, then twice by the barycenter of the bands they talk to. */
function orderGroups(g: Graph, ranks: Int32Array, succ: number[][]): number[] {
  const minRank = new Array<number>(g.groupCount).fill(Infinity);
  for (let v = 0; v < g.ids.length; v++) minRank[g.group[v]!] = Math.min(minRank[g.group[v]!]!, ranks[v]!);
  let order = Array.from({ length: g.groupCount }, (_, i) => i).sort((a, b) => minRank[a]! - minRank[b]! || a - b);
  const links = new Map<number, Map<number, number>>();
  for (let v = 0; v < g.ids.length; v++) {
    for (const w of succ[v]!) {
      const a = g.group[v]!;
      const b = g.group[w]!;
      if (a === b) continue;
      for (const [x, y] of [[a, b], [b, a]] as const) {
        const m = links.get(x) ?? new Map<number, number>();
        m.set(y, (m.get(y) ?? 0) + 1);
        links.set(x, m);
      }
    }
  }
  for (let iter = 0; iter < 2 && links.size > 0; iter++) {
    const pos = new Array<number>(g.groupCount);
    order.forEach((gi, i) => (pos[gi] = i));
    const key = order.map((gi) => {
      const m = links.get(gi);
      if (!m) return pos[gi]!;
      let sum = 0;
      let weight = 0;
      for (const [other, w] of m) {
        sum += pos[other]! * w;
        weight += w;
      }
      // Lean towards the current place so that bands do not jump past each other needlessly.
      return (sum + pos[gi]!) / (weight + 1);
    });
    const keyOf = new Map(order.map((gi, i) => [gi, key[i]!]));
    order = [...order].sort((a, b) => keyOf.get(a)! - keyOf.get(b)! || pos[a]! - pos[b]!);
  }
  return order;
}

/**
 * Moves the nodes of one cell (in their order) as close as possible, in least squares, to the mean y
 * of their neighbours, with at least `gap` between them and inside [top, bottom]. With `z = y - offset`
 * (offset: the minimum distance from the first node) the gaps become "z is non-decreasing", which the
 * pool-adjacent-violators algorithm solves exactly in linear time.
 */
function alignCell(cell: number[], neighbours: number[][], y: Float64Array, height: number[], gap: number, top: number, bottom: number): void {
  const k = cell.length;
  const offset = new Float64Array(k);
  for (let i = 1; i < k; i++) offset[i] = offset[i - 1]! + height[cell[i - 1]!]! / 2 + gap + height[cell[i]!]! / 2;
  const means: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < k; i++) {
    const v = cell[i]!;
    const ns = neighbours[v]!;
    let want = y[v]!;
    if (ns.length > 0) {
      want = 0;
      for (const w of ns) want += y[w]!;
      want /= ns.length;
    }
    means.push(want - offset[i]!);
    counts.push(1);
    while (means.length > 1 && means[means.length - 2]! > means[means.length - 1]!) {
      const c2 = counts.pop()!;
      const m2 = means.pop()!;
      const c1 = counts[counts.length - 1]!;
      means[means.length - 1] = (means[means.length - 1]! * c1 + m2 * c2) / (c1 + c2);
      counts[counts.length - 1] = c1 + c2;
    }
  }
  const lo = top + height[cell[0]!]! / 2;
  const hi = bottom - height[cell[k - 1]!]! / 2 - offset[k - 1]!;
  let i = 0;
  for (let b = 0; b < means.length; b++) {
    const z = Math.min(hi, Math.max(lo, means[b]!));
    for (let c = 0; c < counts[b]!; c++, i++) y[cell[i]!] = z + offset[i]!;
  }
}

/**
 * Places the nodes of a directed graph in left-to-right ranks, each compound parent (namespace) in a
 * band of its own. Returns the centre of every leaf node; compound parents are left out (Cytoscape
 * sizes them around their children). Handles cycles, self-loops, disconnected parts and isolated nodes.
 */
export function layeredLayout(input: LayoutInput, options: LayeredLayoutOptions = {}): Positions {
  const opts = { ...DEFAULTS, ...options };
  const g = readGraph(input);
  const n = g.ids.length;
  const { succ, pred } = acyclic(g.out);
  const ranks = rank(succ, pred);
  let maxRank = 0;
  for (let v = 0; v < n; v++) maxRank = Math.max(maxRank, ranks[v]!);
  const R = maxRank + 1;

  // Cells: the nodes of one band in one rank, in input order to start with.
  const cells: number[][] = Array.from({ length: g.groupCount * R }, () => []);
  for (let v = 0; v < n; v++) cells[g.group[v]! * R + ranks[v]!]!.push(v);
  const cellHeight = (cell: number[]) => cell.reduce((s, v) => s + g.height[v]!, 0) + opts.nodeSep * Math.max(0, cell.length - 1);

  const bandHeight = new Array<number>(g.groupCount).fill(0);
  for (let gi = 0; gi < g.groupCount; gi++) {
    for (let r = 0; r < R; r++) bandHeight[gi] = Math.max(bandHeight[gi]!, cellHeight(cells[gi * R + r]!));
  }
  const bandTop = new Array<number>(g.groupCount).fill(0);
  let top = 0;
  const bandOrder = orderGroups(g, ranks, succ);
  for (const gi of bandOrder) {
    bandTop[gi] = top;
    top += bandHeight[gi]! + opts.groupSep;
  }

  const y = new Float64Array(n);
  const placeCell = (gi: number, cell: number[]) => {
    let cursor = bandTop[gi]! + (bandHeight[gi]! - cellHeight(cell)) / 2;
    for (const v of cell) {
      y[v] = cursor + g.height[v]! / 2;
      cursor += g.height[v]! + opts.nodeSep;
    }
  };
  for (let gi = 0; gi < g.groupCount; gi++) for (let r = 0; r < R; r++) placeCell(gi, cells[gi * R + r]!);

  const key = new Float64Array(n);
  const sweepRank = (r: number, neighbours: number[][]) => {
    for (let gi = 0; gi < g.groupCount; gi++) {
      const cell = cells[gi * R + r]!;
      if (cell.length < 2) continue;
      for (const v of cell) {
        const ns = neighbours[v]!;
        if (ns.length === 0) {
          key[v] = y[v]!;
          continue;
        }
        let sum = 0;
        for (const w of ns) sum += y[w]!;
        key[v] = sum / ns.length;
      }
      const before = new Map(cell.map((v, i) => [v, i]));
      cell.sort((a, b) => key[a]! - key[b]! || before.get(a)! - before.get(b)!);
      placeCell(gi, cell);
    }
  };
  for (let s = 0; s < opts.sweeps; s++) {
    for (let r = 1; r < R; r++) sweepRank(r, pred);
    for (let r = R - 2; r >= 0; r--) sweepRank(r, succ);
  }

  // Coordinates: pull each node towards its neighbours, keeping the order and the gaps of its cell.
  const both = Array.from({ length: n }, (_, v) => [...pred[v]!, ...succ[v]!]);
  const straighten = (r: number) => {
    for (let gi = 0; gi < g.groupCount; gi++) {
      const cell = cells[gi * R + r]!;
      if (cell.length > 0) alignCell(cell, both, y, g.height, opts.nodeSep, bandTop[gi]!, bandTop[gi]! + bandHeight[gi]!);
    }
  };
  for (let s = 0; s < opts.sweeps; s++) {
    for (let r = 0; r < R; r++) straighten(r);
    for (let r = R - 1; r >= 0; r--) straighten(r);
  }

  const columnWidth = new Array<number>(R).fill(0);
  for (let v = 0; v < n; v++) columnWidth[ranks[v]!] = Math.max(columnWidth[ranks[v]!]!, g.width[v]!);
  const columnX = new Array<number>(R).fill(0);
  let left = 0;
  for (let r = 0; r < R; r++) {
    columnX[r] = left + columnWidth[r]! / 2;
    left += columnWidth[r]! + opts.rankSep;
  }

  const shift = wrapBands(bandOrder, bandTop, bandHeight, left - opts.rankSep, top - opts.groupSep, opts);
  const positions: Positions = new Map();
  for (let v = 0; v < n; v++) {
    const gi = g.group[v]!;
    positions.set(g.ids[v]!, { x: columnX[ranks[v]!]! + shift.x[gi]!, y: y[v]! + shift.y[gi]! });
  }
  return positions;
}

/**
 * Many namespaces stack into a tall, narrow graph. Wraps the bands (in their order, so that namespaces
 * that talk stay close) into side-by-side columns of about equal height, as many as bring the whole
 * to about `aspect` (width / height). Returns each band's shift.
 */
function wrapBands(
  order: number[],
  bandTop: number[],
  bandHeight: number[],
  width: number,
  height: number,
  opts: Required<LayeredLayoutOptions>,
): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(bandTop.length);
  const y = new Float64Array(bandTop.length);
  // With c columns: width ≈ c·W, height ≈ H/c, so c = √(aspect·H/W).
  const columns = Math.min(order.length, Math.floor(Math.sqrt((opts.aspect * height) / Math.max(width, 1))));
  if (columns < 2) return { x, y };
  const target = height / columns;
  let column = 0;
  let cursor = 0;
  for (const gi of order) {
    const h = bandHeight[gi]!;
    if (cursor > 0 && cursor + h / 2 > target && column < columns - 1) {
      column++;
      cursor = 0;
    }
    x[gi] = column * (width + 2 * opts.rankSep);
    y[gi] = cursor - bandTop[gi]!;
    cursor += h + opts.groupSep;
  }
  return { x, y };
}
