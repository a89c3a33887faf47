import { describe, expect, it } from "vitest";
import { syntheticMesh } from "./fixtures/synthetic-mesh";
import { layeredLayout } from "./layered-layout";
import { computeLayout, packPositions, unpackPositions } from "./layout-run";

describe("layout requests (the worker's protocol)", () => {
  it("packs positions into flat arrays and back", () => {
    const p = new Map([
      ["a", { x: 1, y: 2 }],
      ["b", { x: -3.5, y: 4 }],
    ]);
    const packed = packPositions(p);
    expect(packed.ids).toEqual(["a", "b"]);
    expect([...packed.xy]).toEqual([1, 2, -3.5, 4]);
    expect(unpackPositions(packed.ids, packed.xy)).toEqual(p);
  });

  it("runs the requested layout and answers with its id and time", () => {
    const input = syntheticMesh(50, 4);
    const layered = computeLayout({ id: 7, layout: "layered", input });
    expect(layered.id).toBe(7);
    expect(unpackPositions(layered.ids, layered.xy)).toEqual(layeredLayout(input));
    expect(layered.ms).toBeGreaterThanOrEqual(0);
    const start = packPositions(new Map([["w-0", { x: 1234, y: 5678 }]]));
    const force = computeLayout({ id: 8, layout: "force", input, initial: start });
    expect(force.ids).toHaveLength(50);
    expect(force.id).toBe(8);
  });
});

describe("syntheticGraphResponse", () => {
  it("is a valid graph response of the asked size", async () => {
    const { graphResponse } = await import("@/lib/graph/schema");
    const { syntheticGraphResponse } = await import("./fixtures/synthetic-graph");
    const g = syntheticGraphResponse(300, 2);
    expect(graphResponse.parse(g)).toEqual(g);
    expect(g.nodes).toHaveLength(300);
    expect(g.edges.length).toBeGreaterThan(400);
  });
});
