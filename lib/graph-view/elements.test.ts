import { describe, expect, it } from "vitest";
import { buildGraph } from "@/lib/graph/builder";
import { vectorsFor } from "@/lib/graph/fixtures/istio-series";
import { BOOKINFO, INVENTORY } from "@/lib/graph/fixtures/meshes";
import type { GraphEdge } from "@/lib/graph/schema";
import { buildGraphModel, edgeLabel, layoutInput } from "./elements";
import { matches, parseExpression } from "./expression";
import { focusGraph } from "./focus";

const opts = {
  namespaces: ["bookinfo"],
  graphType: "versionedApp" as const,
  injectServiceNodes: false,
  idleNodes: false,
  idleEdges: false,
  responseTime: "p95" as const,
  throughput: false,
};
const bookinfo = buildGraph(vectorsFor(BOOKINFO, opts), INVENTORY, opts);
const withServices = buildGraph(vectorsFor(BOOKINFO, opts), INVENTORY, { ...opts, injectServiceNodes: true });

const V2 = "app:bookinfo:reviews:v2";
const V3 = "app:bookinfo:reviews:v3";
const RATINGS = "app:bookinfo:ratings:v1";

function find(model: ReturnType<typeof buildGraphModel>, expr: string): string[] {
  const r = parseExpression(expr);
  if (!r.ok) throw new Error(r.error);
  return [...model.facts].filter(([, f]) => matches(r.expr, f)).map(([id]) => id);
}

describe("buildGraphModel", () => {
  const model = buildGraphModel(bookinfo, "rate");

  it("puts nodes in namespace boxes, labels versions on a second line and shapes nodes by kind", () => {
    expect(model.groups.map((g) => g.id)).toEqual(["ns:bookinfo", "ns:istio-system"]);
    const v2 = model.nodeData.find((n) => n.id === V2)!;
    expect(v2).toMatchObject({ parent: "ns:bookinfo", label: "reviews\nv2", shape: "app" });
    expect(model.nodeData.find((n) => n.id === "unknown")).toMatchObject({ parent: undefined, shape: "unknown" });
    expect(model.nodeData.find((n) => n.id.startsWith("app:istio-system:"))?.shape).toBe("root");
  });

  it("judges health with the request-health rules: ratings' 500s degrade it and fail reviews v3's calls", () => {
    // reviews v3 → ratings: 0.5 of 4 req/s are 500s (12.5%): over the 10% failure threshold for 5xx;
    // ratings sees 0.5 of 6 req/s (8.3%): any 5xx degrades.
    expect(model.health.get(RATINGS)?.status).toBe("degraded");
    expect(model.health.get(V3)?.status).toBe("failure");
    expect(model.health.get(V2)?.status).toBe("healthy");
    const v3ratings = model.edgeData.find((e) => e.source === V3 && e.target === RATINGS)!;
    expect(v3ratings.health).toBe("failure");
    expect(model.edgeData.find((e) => e.source === V2 && e.target === RATINGS)!.health).toBe("healthy");
    expect(model.health.get(RATINGS)?.reasons).toEqual(["inbound HTTP 5xx 8.3% > 0% (degraded)"]);
    expect(model.health.get(V3)?.reasons).toEqual(["outbound HTTP 5xx 12.5% ≥ 10% (failure)"]);
  });

  it("marks mTLS edges and scales edge width with the rate", () => {
    const e = model.edgeData.find((x) => x.source === V2 && x.target === RATINGS)!;
    expect(e.mtls).toBe("full");
    expect(model.edgeData.find((x) => x.source === "unknown")!.mtls).toBe("none");
    const widths = model.edgeData.map((x) => x.width);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(1.5);
    expect(Math.max(...widths)).toBeLessThanOrEqual(6);
    const pp = model.edgeData.find((x) => x.target === "app:bookinfo:productpage:v1" && x.source !== "unknown")!;
    expect(pp.width).toBeGreaterThan(e.width);
  });

  it("gives find/hide expressions the facts they ask about", () => {
    expect(find(model, "version = v2")).toEqual([V2]);
    expect(find(model, "error > 10%").sort()).toEqual([V3].concat(model.edgeData.filter((e) => e.source === V3 && e.target === RATINGS).map((e) => e.id)).sort());
    expect(find(model, "!healthy and ns = bookinfo").sort()).toEqual([RATINGS, V3]);
    expect(find(model, "root")).toContain("unknown");
    expect(find(model, "latency > 1s")).toEqual([model.edgeData.find((e) => e.target === V3)!.id]);
    expect(find(model, "name = rev* and rps >= 3.9").sort()).toEqual(["app:bookinfo:reviews:v1", V3]);
  });

  it("labels edges by the picked statistic", () => {
    const edge = bookinfo.edges.find((e) => e.source === "app:bookinfo:productpage:v1" && e.target === V3)!;
    expect(edgeLabel(edge, "rate")).toBe("4 rps");
    expect(edgeLabel(edge, "latency")).toMatch(/^\d(\.\d)?s$/);
    expect(edgeLabel(edge, "errors")).toBe("");
    expect(edgeLabel(edge, "none")).toBe("");
    const failing = bookinfo.edges.find((e) => e.source === V3 && e.target === RATINGS)!;
    expect(edgeLabel(failing, "errors")).toBe("12.5%");
    const tcp: GraphEdge = { ...edge, protocol: "tcp", rate: 2048, tcp: { sent: 1024, received: 1024 } };
    expect(edgeLabel(tcp, "rate")).toBe("2 kB/s");
    expect(edgeLabel({ ...edge, idle: true, rate: 0 }, "rate")).toBe("idle");
  });

  it("feeds the layout every node in its box and every edge", () => {
    const input = layoutInput(model);
    expect(input.nodes.filter((n) => n.parent === "ns:bookinfo")).toHaveLength(6);
    expect(input.edges).toHaveLength(bookinfo.edges.length);
  });
});

describe("focusGraph", () => {
  it("keeps the node, its callers and its callees", () => {
    const f = focusGraph(bookinfo.nodes, bookinfo.edges, V2)!;
    expect(f.nodes.map((n) => n.id).sort()).toEqual(["app:bookinfo:productpage:v1", RATINGS, V2]);
    expect(f.edges.every((e) => e.source === V2 || e.target === V2)).toBe(true);
  });

  it("looks through service nodes to the real callers and callees", () => {
    const f = focusGraph(withServices.nodes, withServices.edges, V2)!;
    expect(f.nodes.map((n) => n.id).sort()).toEqual(["app:bookinfo:productpage:v1", RATINGS, V2, "service:bookinfo:ratings", "service:bookinfo:reviews"]);
    // Not every caller of the reviews service: v1 and v3 are its callees, not v2's neighbours.
    expect(f.nodes.some((n) => n.id === V3)).toBe(false);
  });

  it("answers undefined for a node that is not in the graph", () => {
    expect(focusGraph(bookinfo.nodes, bookinfo.edges, "app:bookinfo:nope")).toBeUndefined();
  });
});
