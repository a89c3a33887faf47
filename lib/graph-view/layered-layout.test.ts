import { describe, expect, it } from "vitest";
import { syntheticMesh } from "./fixtures/synthetic-mesh";
import { layeredLayout } from "./layered-layout";
import type { LayoutInput, Positions } from "./layout-types";

const SIZE = 40;

function at(p: Positions, id: string) {
  const v = p.get(id);
  if (!v) throw new Error(`no position for ${id}`);
  return v;
}

/** Every pair of nodes in one column is at least a node height apart: no overlaps within a rank. */
function expectNoOverlaps(p: Positions) {
  const columns = new Map<number, number[]>();
  for (const { x, y } of p.values()) columns.set(x, [...(columns.get(x) ?? []), y]);
  for (const ys of columns.values()) {
    ys.sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(SIZE);
  }
}

interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** Bounding boxes of each parent's children, to check that namespace boxes do not overlap. */
function groupBoxes(input: LayoutInput, p: Positions): Box[] {
  const boxes = new Map<string, Box>();
  for (const n of input.nodes) {
    const pos = p.get(n.id);
    if (!pos || !n.parent) continue;
    const b = boxes.get(n.parent) ?? { x1: Infinity, x2: -Infinity, y1: Infinity, y2: -Infinity };
    boxes.set(n.parent, {
      x1: Math.min(b.x1, pos.x - SIZE / 2),
      x2: Math.max(b.x2, pos.x + SIZE / 2),
      y1: Math.min(b.y1, pos.y - SIZE / 2),
      y2: Math.max(b.y2, pos.y + SIZE / 2),
    });
  }
  return [...boxes.values()];
}

function expectNoBoxOverlaps(boxes: Box[]) {
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap = a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
      expect(overlap, `boxes ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`).toBe(false);
    }
  }
}

function extent(p: Positions) {
  const xs = [...p.values()].map((v) => v.x);
  const ys = [...p.values()].map((v) => v.y);
  return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

const bookinfo: LayoutInput = {
  nodes: [
    { id: "ns:bookinfo" },
    { id: "productpage", parent: "ns:bookinfo" },
    { id: "details", parent: "ns:bookinfo" },
    { id: "reviews-v1", parent: "ns:bookinfo" },
    { id: "reviews-v2", parent: "ns:bookinfo" },
    { id: "reviews-v3", parent: "ns:bookinfo" },
    { id: "ratings", parent: "ns:bookinfo" },
    { id: "unknown" },
  ],
  edges: [
    { source: "unknown", target: "productpage" },
    { source: "productpage", target: "details" },
    { source: "productpage", target: "reviews-v1" },
    { source: "productpage", target: "reviews-v2" },
    { source: "productpage", target: "reviews-v3" },
    { source: "reviews-v2", target: "ratings" },
    { source: "reviews-v3", target: "ratings" },
  ],
};

describe("layeredLayout", () => {
  it("ranks callers left of callees and places every leaf (not the namespace boxes)", () => {
    const p = layeredLayout(bookinfo);
    expect([...p.keys()].sort()).toEqual(["details", "productpage", "ratings", "reviews-v1", "reviews-v2", "reviews-v3", "unknown"]);
    expect(at(p, "unknown").x).toBeLessThan(at(p, "productpage").x);
    expect(at(p, "productpage").x).toBeLessThan(at(p, "reviews-v2").x);
    expect(at(p, "reviews-v1").x).toBe(at(p, "reviews-v2").x);
    expect(at(p, "reviews-v2").x).toBeLessThan(at(p, "ratings").x);
    expect(at(p, "details").x).toBe(at(p, "reviews-v3").x);
    expectNoOverlaps(p);
  });

  it("orders a rank to avoid crossings: ratings sits beside the reviews that call it", () => {
    const p = layeredLayout(bookinfo);
    const v2 = at(p, "reviews-v2").y;
    const v3 = at(p, "reviews-v3").y;
    expect(at(p, "ratings").y).toBeCloseTo((v2 + v3) / 2, 5);
    // v2 and v3 are adjacent in their column (both call ratings), v1 and details are not between them.
    for (const other of ["reviews-v1", "details"]) {
      const y = at(p, other).y;
      expect(y < Math.min(v2, v3) || y > Math.max(v2, v3)).toBe(true);
    }
  });

  it("is deterministic", () => {
    const input = syntheticMesh(300, 3);
    const a = layeredLayout(input);
    const b = layeredLayout(structuredClone(input));
    expect([...a.entries()]).toEqual([...b.entries()]);
  });

  it("handles cycles and self-loops without giving up or stacking nodes", () => {
    const p = layeredLayout({
      nodes: [{ id: "a" }, { id: "b" }, { id: "c" }],
      edges: [
        { source: "a", target: "b" },
        { source: "b", target: "c" },
        { source: "c", target: "a" },
        { source: "b", target: "b" },
      ],
    });
    const xs = ["a", "b", "c"].map((id) => at(p, id).x);
    expect(new Set(xs).size).toBe(3);
    expect(at(p, "a").x).toBeLessThan(at(p, "b").x);
    expect(at(p, "b").x).toBeLessThan(at(p, "c").x);
  });

  it("places disconnected parts, isolated nodes and edges to unknown ids", () => {
    const p = layeredLayout({
      nodes: [{ id: "a" }, { id: "b" }, { id: "lonely" }, { id: "x" }, { id: "y" }],
      edges: [
        { source: "a", target: "b" },
        { source: "x", target: "y" },
        { source: "y", target: "nowhere" },
      ],
    });
    expect(p.size).toBe(5);
    for (const v of p.values()) expect(Number.isFinite(v.x) && Number.isFinite(v.y)).toBe(true);
    expect(at(p, "lonely").x).toBe(at(p, "a").x);
    expectNoOverlaps(p);
  });

  it("gives each namespace a band of its own, so namespace boxes never overlap", () => {
    const input = syntheticMesh(60, 5);
    const p = layeredLayout(input);
    const boxes = groupBoxes(input, p);
    expect(new Set(boxes.map((b) => b.x1)).size).toBeLessThan(boxes.length);
    expectNoBoxOverlaps(boxes);
    expectNoOverlaps(p);
  });

  it("wraps many namespaces into columns so that the graph stays about 16:10, boxes still apart", () => {
    const input = syntheticMesh(1_500, 5);
    const p = layeredLayout(input);
    const { width, height } = extent(p);
    expect(width / height).toBeGreaterThan(0.8);
    expect(width / height).toBeLessThan(3.2);
    expectNoBoxOverlaps(groupBoxes(input, p));
    expectNoOverlaps(p);
  });

  it("uses node sizes: a wide column pushes the next one right", () => {
    const p = layeredLayout({ nodes: [{ id: "a", width: 300 }, { id: "b" }], edges: [{ source: "a", target: "b" }] }, { rankSep: 100 });
    expect(at(p, "b").x - at(p, "a").x).toBe(150 + 100 + 20);
  });

  it.each([1_000, 5_000])("lays out %i nodes quickly", (count) => {
    const input = syntheticMesh(count, 11);
    const started = performance.now();
    const p = layeredLayout(input);
    const ms = performance.now() - started;
    console.log(`layeredLayout: ${count} nodes, ${input.edges.length} edges in ${ms.toFixed(0)} ms`);
    expect(p.size).toBe(count);
    expectNoOverlaps(p);
    // Targets are 1 s at 1,000 and 3 s at 5,000 in the browser; the test machine is shared, so leave room.
    expect(ms).toBeLessThan(count === 1_000 ? 1_000 : 3_000);
  });
});
