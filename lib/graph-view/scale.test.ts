import { describe, expect, it } from "vitest";
import {
  COMPOUND_NODE_LIMIT,
  DETAIL_MIN_ZOOM,
  drawingPlan,
  LABEL_MIN_ZOOM,
  LABEL_NODE_THRESHOLD,
  lodInView,
  MAX_DETAILED_IN_VIEW,
  MAX_LABELLED_IN_VIEW,
  type PlacedNode,
} from "./scale";

describe("drawingPlan", () => {
  it("draws small graphs in full and big ones without compound boxes, curves or labels everywhere", () => {
    expect(drawingPlan(50)).toEqual({ compound: true, labels: "all", edges: "bezier", large: false });
    expect(drawingPlan(LABEL_NODE_THRESHOLD + 1)).toEqual({ compound: true, labels: "in-view", edges: "bezier", large: false });
    expect(drawingPlan(COMPOUND_NODE_LIMIT)).toMatchObject({ compound: true, large: false });
    expect(drawingPlan(COMPOUND_NODE_LIMIT + 1)).toEqual({ compound: false, labels: "in-view", edges: "lod", large: true });
  });

  it("labels everything again when hiding leaves few nodes visible", () => {
    expect(drawingPlan(5_000, 120)).toMatchObject({ compound: false, labels: "all" });
  });
});

describe("lodInView", () => {
  // 30 × 30 nodes, 100 apart.
  const grid: PlacedNode[] = Array.from({ length: 900 }, (_, i) => ({ id: `n${i}`, x: (i % 30) * 100, y: Math.floor(i / 30) * 100 }));
  const sorted = (s: Set<string>) => [...s].sort();

  it("labels the nodes in view (with a margin) once zoomed in", () => {
    const v = lodInView(grid, { x1: 0, y1: 0, x2: 250, y2: 150 }, 1);
    expect(sorted(v.labels)).toEqual(["n0", "n1", "n2", "n30", "n31", "n32"]);
    expect(v.detail).toEqual(v.labels);
    expect(lodInView(grid, { x1: 85, y1: -200, x2: 90, y2: -150 }, 1).labels.size).toBe(0);
    expect(lodInView(grid, { x1: 81, y1: -10, x2: 90, y2: 10 }, 1).labels).toEqual(new Set(["n1"]));
  });

  it("draws arrows before labels: at a middle zoom, or with more nodes in view than get labels", () => {
    const mid = lodInView(grid, { x1: 0, y1: 0, x2: 250, y2: 150 }, LABEL_MIN_ZOOM - 0.01);
    expect(mid.detail.size).toBe(6);
    expect(mid.labels.size).toBe(0);
    // 20 × 10 = 200 nodes in view: more than get labels, few enough for arrows.
    const wide = lodInView(grid, { x1: 0, y1: 0, x2: 1_950, y2: 950 }, 1);
    expect(wide.detail.size).toBe(200);
    expect(wide.detail.size).toBeGreaterThan(MAX_LABELLED_IN_VIEW);
    expect(wide.labels.size).toBe(0);
  });

  it("draws neither when zoomed out, or when too many nodes are in view", () => {
    expect(lodInView(grid, { x1: 0, y1: 0, x2: 250, y2: 150 }, DETAIL_MIN_ZOOM - 0.01)).toEqual({ detail: new Set(), labels: new Set() });
    const all = lodInView(grid, { x1: 0, y1: 0, x2: 3_000, y2: 3_000 }, 2);
    expect(grid.length).toBeGreaterThan(MAX_DETAILED_IN_VIEW);
    expect(all).toEqual({ detail: new Set(), labels: new Set() });
  });
});
