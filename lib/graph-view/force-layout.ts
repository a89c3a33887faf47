/**
 * A draft-quality force-directed layout (Fruchterman–Reingold) that stays fast on big graphs:
 * repulsion only between nodes in neighbouring cells of a uniform grid (O(n) per iteration instead of
 * O(n²)), springs along edges, a pull of each node towards its namespace's centre (so namespace boxes
 * stay compact) and a weak pull towards the origin (so disconnected parts stay in view). Quality
 * layouts (fcose, cose-bilkent) cost seconds to minutes at a few thousand nodes (shared/PERF-NOTES.md).
 * Deterministic for a given seed.
 */
import { compoundIds, DEFAULT_NODE_SIZE, type LayoutInput, type Positions } from "./layout-types";
import { prng } from "./prng";

const NEIGHBOURS = [
  [1, -1],
  [1, 0],
  [1, 1],
  [0, 1],
] as const;

export interface ForceLayoutOptions {
  /** Length an edge's spring rests at, in px. */
  edgeLength?: number;
  /** Iterations; by default fewer as the graph grows (about 1 s of work at 5,000 nodes). */
  iterations?: number;
  seed?: number;
  /** Start positions (e.g. the current ones); nodes without one start near their namespace. */
  initial?: Positions;
}

/** Force-directed positions of the leaf nodes (compound parents are left out, as in the layered layout). */
export function forceLayout(input: LayoutInput, options: ForceLayoutOptions = {}): Positions {
  const compounds = compoundIds(input.nodes);
  const seen = new Set<string>();
  const leaves = input.nodes.filter((l) => !compounds.has(l.id) && !seen.has(l.id) && Boolean(seen.add(l.id)));
  const n = leaves.length;
  const k = options.edgeLength ?? 110;
  const iterations = options.iterations ?? Math.round(Math.min(300, Math.max(50, 60_000 / Math.max(1, n))));
  const rand = prng(options.seed ?? 42);
  const index = new Map(leaves.map((l, i) => [l.id, i]));
  const size = leaves.map((l) => Math.max(l.width ?? DEFAULT_NODE_SIZE, l.height ?? DEFAULT_NODE_SIZE));

  const groupIds = new Map<string, number>();
  const group = leaves.map((l) => {
    const key = l.parent ?? "";
    let g = groupIds.get(key);
    if (g === undefined) groupIds.set(key, (g = groupIds.size));
    return g;
  });
  const groupSize = new Array<number>(groupIds.size).fill(0);
  for (const g of group) groupSize[g]!++;

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  // Namespaces start on a grid, each in a square sized to its node count.
  const cols = Math.ceil(Math.sqrt(groupIds.size));
  const span = Math.sqrt(Math.max(...groupSize, 1)) * k * 1.5;
  for (let i = 0; i < n; i++) {
    const start = options.initial?.get(leaves[i]!.id);
    if (start) {
      x[i] = start.x;
      y[i] = start.y;
      continue;
    }
    const g = group[i]!;
    const radius = Math.sqrt(groupSize[g]!) * k * 0.5;
    x[i] = (g % cols) * span + (rand() - 0.5) * 2 * radius;
    y[i] = Math.floor(g / cols) * span + (rand() - 0.5) * 2 * radius;
  }

  const edges: Array<[number, number]> = [];
  for (const e of input.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined && s !== t) edges.push([s, t]);
  }

  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const cell = 2 * k;
  const gx = new Float64Array(groupIds.size);
  const gy = new Float64Array(groupIds.size);
  let temperature = k * 2;
  const cooling = temperature / (iterations + 1);

  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    // Repulsion through a grid: only pairs closer than 2 cells feel each other.
    const grid = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const key = `${Math.floor(x[i]! / cell)},${Math.floor(y[i]! / cell)}`;
      const list = grid.get(key);
      if (list) list.push(i);
      else grid.set(key, [i]);
    }
    for (const [key, members] of grid) {
      const [cx, cy] = key.split(",").map(Number) as [number, number];
      for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) repel(members[a]!, members[b]!);
      // Each pair of neighbouring cells once: the half of the 8 neighbours "after" this cell.
      for (const [ox, oy] of NEIGHBOURS) {
        const other = grid.get(`${cx + ox},${cy + oy}`);
        if (other) for (const i of members) for (const j of other) repel(i, j);
      }
    }
    function repel(i: number, j: number) {
      let ddx = x[i]! - x[j]!;
      let ddy = y[i]! - y[j]!;
      let d2 = ddx * ddx + ddy * ddy;
      if (d2 < 0.01) {
        ddx = rand() - 0.5;
        ddy = rand() - 0.5;
        d2 = ddx * ddx + ddy * ddy;
      }
      const d = Math.sqrt(d2);
      if (d > cell) return;
      const min = (size[i]! + size[j]!) / 2;
      // k²/d, stronger still when the two would overlap.
      const f = ((k * k) / d) * (d < min ? 4 : 1) * 0.5;
      dx[i] = dx[i]! + (ddx / d) * f;
      dy[i] = dy[i]! + (ddy / d) * f;
      dx[j] = dx[j]! - (ddx / d) * f;
      dy[j] = dy[j]! - (ddy / d) * f;
    }
    for (const [s, t] of edges) {
      const ddx = x[s]! - x[t]!;
      const ddy = y[s]! - y[t]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 0.01;
      const f = (d * d) / k;
      dx[s] = dx[s]! - (ddx / d) * f;
      dy[s] = dy[s]! - (ddy / d) * f;
      dx[t] = dx[t]! + (ddx / d) * f;
      dy[t] = dy[t]! + (ddy / d) * f;
    }
    gx.fill(0);
    gy.fill(0);
    for (let i = 0; i < n; i++) {
      gx[group[i]!] = gx[group[i]!]! + x[i]!;
      gy[group[i]!] = gy[group[i]!]! + y[i]!;
    }
    for (let i = 0; i < n; i++) {
      const g = group[i]!;
      dx[i] = dx[i]! + (gx[g]! / groupSize[g]! - x[i]!) * 0.3 - x[i]! * 0.01;
      dy[i] = dy[i]! + (gy[g]! / groupSize[g]! - y[i]!) * 0.3 - y[i]! * 0.01;
      const d = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!);
      if (d > 0) {
        const step = Math.min(d, temperature);
        x[i] = x[i]! + (dx[i]! / d) * step;
        y[i] = y[i]! + (dy[i]! / d) * step;
      }
    }
    temperature -= cooling;
  }

  const out: Positions = new Map();
  for (let i = 0; i < n; i++) out.set(leaves[i]!.id, { x: x[i]!, y: y[i]! });
  return out;
}
