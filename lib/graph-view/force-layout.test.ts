import { describe, expect, it } from "vitest";
import { syntheticMesh } from "./fixtures/synthetic-mesh";
import { forceLayout } from "./force-layout";
import type { LayoutInput, Positions } from "./layout-types";

const dist = (p: Positions, a: string, b: string) => {
  const u = p.get(a)!;
  const v = p.get(b)!;
  return Math.hypot(u.x - v.x, u.y - v.y);
};

describe("forceLayout", () => {
  it("is deterministic and places every leaf but not the compound parents", () => {
    const input = syntheticMesh(200, 2);
    const a = forceLayout(input);
    const b = forceLayout(structuredClone(input));
    expect([...a.entries()]).toEqual([...b.entries()]);
    expect(a.size).toBe(200);
    expect(a.has("ns:ns-0")).toBe(false);
  });

  it("keeps linked nodes closer than unlinked ones and keeps nodes apart", () => {
    // Two triangles joined by one edge.
    const input: LayoutInput = {
      nodes: ["a", "b", "c", "x", "y", "z"].map((id) => ({ id })),
      edges: [
        { source: "a", target: "b" },
        { source: "b", target: "c" },
        { source: "c", target: "a" },
        { source: "x", target: "y" },
        { source: "y", target: "z" },
        { source: "z", target: "x" },
        { source: "c", target: "x" },
      ],
    };
    const p = forceLayout(input);
    const within = (dist(p, "a", "b") + dist(p, "x", "y")) / 2;
    const across = (dist(p, "a", "z") + dist(p, "b", "y")) / 2;
    expect(within).toBeLessThan(across);
    const ids = [...p.keys()];
    for (const u of ids) for (const v of ids) if (u < v) expect(dist(p, u, v)).toBeGreaterThan(20);
  });

  it("keeps a namespace's nodes together", () => {
    const input: LayoutInput = { nodes: [], edges: [] };
    for (const ns of ["a", "b"]) {
      input.nodes.push({ id: `ns:${ns}` });
      for (let i = 0; i < 8; i++) input.nodes.push({ id: `${ns}${i}`, parent: `ns:${ns}` });
      for (let i = 1; i < 8; i++) input.edges.push({ source: `${ns}0`, target: `${ns}${i}` });
    }
    const p = forceLayout(input);
    const centre = (ns: string) => {
      const pts = [...p.entries()].filter(([id]) => id.startsWith(ns)).map(([, v]) => v);
      return { x: pts.reduce((s, v) => s + v.x, 0) / pts.length, y: pts.reduce((s, v) => s + v.y, 0) / pts.length };
    };
    const ca = centre("a");
    const cb = centre("b");
    for (const [id, v] of p) {
      const own = id.startsWith("a") ? ca : cb;
      const other = id.startsWith("a") ? cb : ca;
      expect(Math.hypot(v.x - own.x, v.y - own.y)).toBeLessThan(Math.hypot(v.x - other.x, v.y - other.y));
    }
  });

  it("starts from given positions", () => {
    const input: LayoutInput = { nodes: [{ id: "a" }, { id: "b" }], edges: [{ source: "a", target: "b" }] };
    const p = forceLayout(input, { iterations: 0, initial: new Map([["a", { x: 5, y: 7 }]]) });
    expect(p.get("a")).toEqual({ x: 5, y: 7 });
  });

  it("lays out 5,000 nodes in a few seconds", () => {
    const input = syntheticMesh(5_000, 11);
    const started = performance.now();
    const p = forceLayout(input);
    const ms = performance.now() - started;
    console.log(`forceLayout: 5000 nodes, ${input.edges.length} edges in ${ms.toFixed(0)} ms`);
    expect(p.size).toBe(5_000);
    for (const v of p.values()) expect(Number.isFinite(v.x) && Number.isFinite(v.y)).toBe(true);
    expect(ms).toBeLessThan(5_000);
  });
});
