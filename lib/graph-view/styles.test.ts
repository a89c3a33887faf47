import cytoscape from "cytoscape";
import { afterEach, describe, expect, it, vi } from "vitest";
import { HEALTH_COLOURS } from "./health";
import { FOUND_COLOUR, graphStylesheet, NODE_SHAPES, TRACE_COLOUR } from "./styles";

const hexToRgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
};

function headless(opts: Parameters<typeof graphStylesheet>[0] = {}) {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: graphStylesheet(opts),
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

  it("hides, highlights found elements and a trace's path, dimming the rest", () => {
    const cy = headless();
    cy.$id("a").addClass("found");
    cy.$id("x").addClass("hidden");
    expect(cy.$id("a").style("underlay-color")).toBe(hexToRgb(FOUND_COLOUR));
    expect(cy.$id("x").style("display")).toBe("none");
    cy.$id("a").addClass("trace-path");
    cy.$id("e1").addClass("trace-path");
    cy.$id("s").addClass("trace-dim");
    expect(cy.$id("e1").style("underlay-color")).toBe(hexToRgb(TRACE_COLOUR));
    expect(parseFloat(cy.$id("s").style("opacity"))).toBeLessThan(0.5);
    expect(parseFloat(cy.$id("a").style("opacity"))).toBe(1);
    cy.destroy();
  });

  it("labels every element of small graphs; on big graphs labels and arrows only where the level of detail says", () => {
    const small = headless();
    expect(small.$id("a").style("label")).toBe("productpage\nv1");
    expect(small.$id("e1").style("label")).toBe("4 rps");
    expect(small.$id("a").style("text-wrap")).toBe("wrap");
    expect(small.$id("e1").style("curve-style")).toBe("bezier");
    small.destroy();

    const big = headless({ labels: "in-view", edges: "lod" });
    expect(big.$id("a").style("label")).toBe("");
    expect(big.$id("a").style("text-wrap")).toBe("none");
    expect(big.$id("a").style("text-background-opacity")).toBe("0");
    expect(big.$id("e1").style("label")).toBe("");
    expect(big.$id("e1").style("curve-style")).toBe("haystack");
    expect(big.$id("e1").style("target-arrow-shape")).toBe("none");
    big.$id("e1").addClass("lod-detail");
    expect(big.$id("e1").style("curve-style")).toBe("straight");
    expect(big.$id("e1").style("target-arrow-shape")).toBe("triangle");
    big.$id("a").addClass("lod-label");
    big.$id("e1").addClass("lod-label");
    expect(big.$id("a").style("label")).toBe("productpage\nv1");
    expect(big.$id("a").style("text-wrap")).toBe("wrap");
    expect(big.$id("e1").style("label")).toBe("4 rps");
    // Namespace boxes keep their titles.
    expect(big.$id("ns:bookinfo").style("label")).toBe("bookinfo");
    big.destroy();
  });
});
