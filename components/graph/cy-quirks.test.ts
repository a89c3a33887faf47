import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import { layerFits, pinNodeBackgrounding } from "./cy-quirks";

describe("pinNodeBackgrounding", () => {
  it("keeps Cytoscape's backgrounding flag false on every node, also on nodes added later", () => {
    const cy = cytoscape({ headless: true, elements: [{ data: { id: "a" } }] });
    pinNodeBackgrounding(cy);
    cy.add({ data: { id: "b" } });
    for (const id of ["a", "b"]) {
      const p = (cy.$id(id) as unknown as { _private: { backgrounding: boolean } })._private;
      p.backgrounding = true;
      expect(p.backgrounding).toBe(false);
      expect(cy.$id(id).is(":backgrounding")).toBe(false);
    }
    cy.destroy();
  });
});

describe("layerFits", () => {
  const graph = { w: 19_500, h: 13_300 };

  it("mirrors Cytoscape's layer limits at the zoom level it would pick", () => {
    // Whole graph in view (zoom ~0.07): level -3, 2,438 × 1,663 px.
    expect(layerFits(graph, 0.072, 1)).toBe(true);
    // Zoom 0.25: level -2, 4,875 × 3,325 px > 16 Mpx.
    expect(layerFits(graph, 0.25, 1)).toBe(false);
    expect(layerFits(graph, 1, 1)).toBe(false);
    // A small graph fits at zoom 1, and not at 2 on a 2× display.
    expect(layerFits({ w: 2_000, h: 1_500 }, 1, 1)).toBe(true);
    expect(layerFits({ w: 3_000, h: 2_000 }, 2, 2)).toBe(false);
    // Very far out, Cytoscape's lowest level (-4) sets the size.
    expect(layerFits({ w: 60_000, h: 1_000 }, 0.001, 1)).toBe(true);
  });
});
