import cytoscape from "cytoscape";
import { afterEach, describe, expect, it, vi } from "vitest";
import { HEALTH_COLOURS } from "./health";
import { FOUND_COLOUR, graphStylesheet, NODE_SHAPES } from "./styles";

const hexToRgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
};

function headless(manyNodes = false) {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: graphStylesheet({ manyNodes }),
    elements: [
      { data: { id: "ns:bookinfo", label: "bookinfo", group: true } },
      { data: { id: "a", parent: "ns:bookinfo", label: "productpage\nv1", shape: "app", health: "healthy", idle: false, outside: false, missingSidecar: false } },
      { data: { id: "s", parent: "ns:bookinfo", label: "reviews", shape: "service", health: "degraded", idle: false, outside: false, missingSidecar: false } },
      { data: { id: "x", label: "api.example.com", shape: "external", health: "no-data", idle: true, outside: false, missingSidecar: false } },
      { data: { id: "e1", source: "a", target: "s", label: "4 rps", health: "failure", protocol: "http", idle: false, mtls: "full", width: 3 } },
      { data: { id: "e2", source: "s", target: "x", label: "", health: "healthy", protocol: "tcp", idle: false, mtls: "none", width: 2 } },
    ],
  });
}

describe("graphStylesheet", () => {
  afterEach(() => vi.restoreAllMocks());

  it("is accepted by Cytoscape without warnings", () => {
    const warn = vi.spyOn(console, "warn");
    const cy = headless();
    cy.nodes().forEach((n) => void n.style("shape"));
    expect(warn).not.toHaveBeenCalled();
    cy.destroy();
  });

  it("shapes nodes by kind and colours borders and edges by health", () => {
    const cy = headless();
    expect(cy.$id("a").style("shape")).toBe(NODE_SHAPES.app);
    expect(cy.$id("s").style("shape")).toBe(NODE_SHAPES.service);
    expect(cy.$id("x").style("shape")).toBe(NODE_SHAPES.external);
    expect(cy.$id("a").style("border-color")).toBe(hexToRgb(HEALTH_COLOURS.healthy));
    expect(cy.$id("s").style("border-color")).toBe(hexToRgb(HEALTH_COLOURS.degraded));
    expect(cy.$id("x").style("border-style")).toBe("dashed");
    expect(cy.$id("e1").style("line-color")).toBe(hexToRgb(HEALTH_COLOURS.failure));
    expect(cy.$id("e2").style("line-color")).toBe(hexToRgb("#2563eb"));
    expect(cy.$id("ns:bookinfo").style("text-valign")).toBe("top");
    cy.destroy();
  });

  it("hides, highlights and raises the label zoom for many nodes", () => {
    const cy = headless();
    cy.$id("a").addClass("found");
    cy.$id("x").addClass("hidden");
    expect(cy.$id("a").style("underlay-color")).toBe(hexToRgb(FOUND_COLOUR));
    expect(cy.$id("x").style("display")).toBe("none");
    expect(parseFloat(cy.$id("a").style("min-zoomed-font-size"))).toBe(6);
    cy.destroy();
    const many = headless(true);
    expect(parseFloat(many.$id("a").style("min-zoomed-font-size"))).toBe(16);
    many.destroy();
  });
});
