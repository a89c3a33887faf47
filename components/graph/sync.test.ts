import cytoscape from "cytoscape";
import { describe, expect, it } from "vitest";
import { buildGraph } from "@/lib/graph/builder";
import { vectorsFor } from "@/lib/graph/fixtures/istio-series";
import { BOOKINFO, INVENTORY } from "@/lib/graph/fixtures/meshes";
import type { GraphResponse } from "@/lib/graph/schema";
import { buildGraphModel } from "@/lib/graph-view/elements";
import { parseExpression, type Expr } from "@/lib/graph-view/expression";
import { applyClasses, applyHighlight, namespaceBoxes, overlayEdges, syncElements, toDefinitions } from "./sync";

const opts = { namespaces: ["bookinfo"], graphType: "versionedApp" as const, injectServiceNodes: false, idleNodes: false, idleEdges: false, responseTime: "p95" as const, throughput: false };
const graph = buildGraph(vectorsFor(BOOKINFO, opts), INVENTORY, opts);
const V1 = "app:bookinfo:reviews:v1";
const V2 = "app:bookinfo:reviews:v2";
const RATINGS = "app:bookinfo:ratings:v1";

function headless(g: Pick<GraphResponse, "nodes" | "edges">, compound = true) {
  const defs = toDefinitions(buildGraphModel(g, "rate"), compound);
  let i = 0;
  return cytoscape({ headless: true, elements: defs.map((d) => (d.group === "nodes" && !d.data.group ? { ...d, position: { x: 100 * i++, y: 0 } } : d)) });
}

const expr = (s: string): Expr => {
  const r = parseExpression(s);
  if (!r.ok) throw new Error(r.error);
  return r.expr;
};

describe("syncElements (refresh in place)", () => {
  it("keeps positions, updates data, removes what went and puts new nodes next to their neighbours", () => {
    // Before: no reviews v1 (and no edge to it); after: v1 is back, v2 → ratings is gone.
    const before = { nodes: graph.nodes.filter((n) => n.id !== V1), edges: graph.edges.filter((e) => e.target !== V1) };
    const cy = headless(before);
    const kept = { ...cy.getElementById(V2).position() };
    const after = {
      nodes: graph.nodes,
      edges: graph.edges.filter((e) => !(e.source === V2 && e.target === RATINGS)).map((e) => ({ ...e, rate: e.rate * 2 })),
    };
    syncElements(cy, toDefinitions(buildGraphModel(after, "rate")));

    expect(cy.getElementById(V2).position()).toEqual(kept);
    expect(cy.edges().filter((e) => e.source().id() === V2 && e.target().id() === RATINGS).length).toBe(0);
    const productpage = cy.getElementById("app:bookinfo:productpage:v1").position();
    const v1 = cy.getElementById(V1);
    expect(v1.nonempty()).toBe(true);
    expect(v1.data("parent")).toBe("ns:bookinfo");
    // Right of its only caller, productpage.
    expect(v1.position().x).toBe(productpage.x + 160);
    const edge = cy.edges().filter((e) => e.target().id() === V2)[0]!;
    expect(edge.data("label")).toBe(`${after.edges.find((e) => e.target === V2)!.rate} rps`);
    expect(cy.nodes().filter((n) => !n.isParent()).length).toBe(graph.nodes.length);
  });

  it("draws without compound nodes when asked (big graphs)", () => {
    const cy = headless(graph, false);
    expect(cy.nodes().filter((n) => n.isParent()).length).toBe(0);
    expect(cy.getElementById(V2).data("ns")).toBe("bookinfo");
  });
});

describe("applyClasses", () => {
  it("marks found and hidden elements, hides the edges of hidden nodes and empty namespace boxes", () => {
    const model = buildGraphModel(graph, "rate");
    const cy = headless(graph);
    let m = applyClasses(cy, model, expr("version = v2"), expr("ns = istio-system"), V2);
    expect([...m.found]).toEqual([V2]);
    expect(cy.getElementById(V2).hasClass("found")).toBe(true);
    expect(cy.getElementById(V2).hasClass("focus")).toBe(true);
    const gateway = graph.nodes.find((n) => n.namespace === "istio-system")!.id;
    expect(m.hidden.has(gateway)).toBe(true);
    expect(cy.getElementById(gateway).hasClass("hidden")).toBe(true);
    const gatewayEdges = cy.edges().filter((e) => e.source().id() === gateway);
    expect(gatewayEdges.length).toBeGreaterThan(0);
    expect(gatewayEdges.filter(".hidden").length).toBe(gatewayEdges.length);
    expect(cy.getElementById("ns:istio-system").hasClass("hidden")).toBe(true);
    expect(cy.getElementById("ns:bookinfo").hasClass("hidden")).toBe(false);

    // Clearing the expressions clears the classes; hide wins over find.
    m = applyClasses(cy, model, expr("name = reviews"), expr("version = v1"), null);
    expect([...m.found].sort()).toEqual([V2, "app:bookinfo:reviews:v3"]);
    expect(cy.getElementById(gateway).hasClass("hidden")).toBe(false);
    expect(cy.getElementById(V2).hasClass("focus")).toBe(false);
    m = applyClasses(cy, model, null, null, null);
    expect(cy.elements(".found, .hidden").length).toBe(0);
  });

  it("gives the overlay every edge's traffic and mTLS", () => {
    const model = buildGraphModel(graph, "rate");
    const edges = overlayEdges(model);
    expect(edges.size).toBe(graph.edges.length);
    const unknown = [...edges].find(([id]) => id.startsWith("unknown->"))![1];
    expect(unknown.mtls).toBe("none");
    expect(unknown.params.dots).toBeGreaterThan(0);
  });

  it("highlights a trace's path, dims the rest but not the namespace boxes, and clears both", () => {
    const cy = headless(graph);
    const edge = graph.edges.find((e) => e.source === V2 && e.target === RATINGS)!;
    applyHighlight(cy, { nodes: new Set([V2, RATINGS]), edges: new Set([edge.id]) });
    expect(cy.elements(".trace-path").map((e) => e.id()).sort()).toEqual([edge.id, RATINGS, V2].sort());
    expect(cy.getElementById(V1).hasClass("trace-dim")).toBe(true);
    expect(cy.getElementById(V2).hasClass("trace-dim")).toBe(false);
    expect(cy.getElementById("ns:bookinfo").hasClass("trace-dim")).toBe(false);
    expect(cy.elements(".trace-dim").length).toBe(cy.elements().length - 3 - cy.nodes(":parent").length);
    applyHighlight(cy, null);
    expect(cy.elements(".trace-path, .trace-dim").length).toBe(0);
  });

  it("lists each namespace's nodes for the overlay's boxes", () => {
    const boxes = namespaceBoxes(buildGraphModel(graph, "rate"));
    expect(boxes.get("bookinfo")).toContain(V2);
    expect([...boxes.values()].flat().length).toBe(graph.nodes.filter((n) => n.namespace).length);
  });
});
