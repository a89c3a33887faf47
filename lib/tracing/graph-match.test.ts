import { describe, expect, it } from "vitest";
import type { GraphEdge, GraphNode } from "@/lib/graph/schema";
import type { TraceHop } from "./graph-hops";
import { describeEndpoint, endpointNodes, matchTracePath } from "./graph-match";

const traffic = { in: { http: 1, grpc: 0, errors: 0, tcp: 0 }, out: { http: 1, grpc: 0, errors: 0, tcp: 0 } };

function node(id: string, over: Partial<GraphNode>): GraphNode {
  return { id, type: "app", namespace: "bookinfo", root: false, outsideNamespaces: false, idle: false, traffic, health: { errorRatioIn: 0, errorRatioOut: 0 }, ...over };
}

function edge(source: string, target: string): GraphEdge {
  return {
    id: `${source}->${target}:http`,
    source,
    target,
    protocol: "http",
    rate: 1,
    responses: { "200": 1 },
    codeClasses: { "2xx": 1 },
    flags: {},
    errorRate: 0,
    errorRatio: 0,
    mtlsShare: 1,
    principals: { source: [], destination: [] },
    reporters: { destination: 1, source: 0 },
    idle: false,
  };
}

const app = (name: string, version?: string, ns = "bookinfo") =>
  node(version ? `app:${ns}:${name}:${version}` : `app:${ns}:${name}`, { namespace: ns, app: name, version, workloads: [version ? `${name}-${version}` : name] });
const wl = (name: string) => node(`workload:bookinfo:${name}`, { type: "workload", workload: name, app: name.replace(/-v\d$/, "") });
const svc = (name: string) => node(`service:bookinfo:${name}`, { type: "service", service: name });

// The hops of a trace: gateway → productpage → reviews v2 → ratings, productpage → details (no server span).
const GATEWAY = { namespace: "istio-system", app: "istio-ingressgateway", workload: "istio-ingressgateway" };
const PRODUCTPAGE = { namespace: "bookinfo", app: "productpage", version: "v1", workload: "productpage-v1" };
const REVIEWS = { namespace: "bookinfo", app: "reviews", version: "v2", workload: "reviews-v2" };
const RATINGS = { namespace: "bookinfo", app: "ratings", version: "v1", workload: "ratings-v1" };
const hop = (source: TraceHop["source"], destination: TraceHop["destination"]): TraceHop => ({ source, destination, count: 1, error: false, spanIds: [] });
const HOPS: TraceHop[] = [
  hop(GATEWAY, { ...PRODUCTPAGE, service: "productpage" }),
  hop(PRODUCTPAGE, { namespace: "bookinfo", service: "details" }),
  hop(PRODUCTPAGE, { ...REVIEWS, service: "reviews" }),
  hop(REVIEWS, { ...RATINGS, service: "ratings" }),
];

describe("matchTracePath", () => {
  it("finds the path on a versioned app graph without service nodes", () => {
    const nodes = [app("istio-ingressgateway", undefined, "istio-system"), app("productpage", "v1"), app("details", "v1"), app("reviews", "v1"), app("reviews", "v2"), app("ratings", "v1")];
    const [gw, pp, details, , r2, ratings] = nodes.map((n) => n.id) as [string, string, string, string, string, string];
    const edges = [edge(gw, pp), edge(pp, details), edge(pp, "app:bookinfo:reviews:v1"), edge(pp, r2), edge(r2, ratings)];
    const path = matchTracePath(HOPS, { nodes, edges });
    expect([...path.nodes].sort()).toEqual([gw, pp, details, r2, ratings].sort());
    expect([...path.edges].sort()).toEqual([`${gw}->${pp}:http`, `${pp}->${details}:http`, `${pp}->${r2}:http`, `${r2}->${ratings}:http`].sort());
    expect(path.missing).toEqual([]);
  });

  it("goes through service nodes when the graph has them", () => {
    const nodes = [app("productpage", "v1"), svc("reviews"), app("reviews", "v2"), app("reviews", "v3"), svc("ratings"), app("ratings", "v1"), svc("details")];
    const edges = [
      edge("app:bookinfo:productpage:v1", "service:bookinfo:reviews"),
      edge("service:bookinfo:reviews", "app:bookinfo:reviews:v2"),
      edge("service:bookinfo:reviews", "app:bookinfo:reviews:v3"),
      edge("app:bookinfo:reviews:v2", "service:bookinfo:ratings"),
      edge("service:bookinfo:ratings", "app:bookinfo:ratings:v1"),
      edge("app:bookinfo:productpage:v1", "service:bookinfo:details"),
    ];
    const path = matchTracePath(HOPS.slice(1), { nodes, edges });
    expect(path.edges).toEqual(
      new Set([
        "app:bookinfo:productpage:v1->service:bookinfo:details:http",
        "app:bookinfo:productpage:v1->service:bookinfo:reviews:http",
        "service:bookinfo:reviews->app:bookinfo:reviews:v2:http",
        "app:bookinfo:reviews:v2->service:bookinfo:ratings:http",
        "service:bookinfo:ratings->app:bookinfo:ratings:v1:http",
      ]),
    );
    expect(path.nodes.has("app:bookinfo:reviews:v3")).toBe(false);
    expect(path.missing).toEqual([]);
  });

  it("matches workload graphs", () => {
    const nodes = [wl("productpage-v1"), wl("reviews-v2"), wl("ratings-v1")];
    const edges = [edge("workload:bookinfo:productpage-v1", "workload:bookinfo:reviews-v2"), edge("workload:bookinfo:reviews-v2", "workload:bookinfo:ratings-v1")];
    const path = matchTracePath(HOPS.slice(2), { nodes, edges });
    expect(path.edges.size).toBe(2);
    expect(path.nodes).toEqual(new Set(nodes.map((n) => n.id)));
  });

  it("says which hops the graph lacks: a missing end, or an edge without traffic in the window", () => {
    const nodes = [app("productpage", "v1"), app("reviews", "v2")];
    const path = matchTracePath(HOPS, { nodes, edges: [] });
    expect(path.missing.map((m) => [describeEndpoint(m.hop.source), describeEndpoint(m.hop.destination), m.reason])).toEqual([
      ["istio-ingressgateway (istio-system)", "productpage v1 (bookinfo)", "source"],
      ["productpage v1 (bookinfo)", "details service (bookinfo)", "destination"],
      ["productpage v1 (bookinfo)", "reviews v2 (bookinfo)", "edge"],
      ["reviews v2 (bookinfo)", "ratings v1 (bookinfo)", "destination"],
    ]);
    // What is there is still highlighted.
    expect(path.nodes).toEqual(new Set(["app:bookinfo:productpage:v1", "app:bookinfo:reviews:v2"]));
  });

  it("starts at the unknown node for requests from outside the mesh, and needs none", () => {
    const outside = [hop(null, { ...PRODUCTPAGE, service: "productpage" })];
    const pp = app("productpage", "v1");
    const unknown = node("unknown", { type: "unknown", namespace: "" });
    expect(matchTracePath(outside, { nodes: [unknown, pp], edges: [edge("unknown", pp.id)] })).toEqual({ nodes: new Set(["unknown", pp.id]), edges: new Set([`unknown->${pp.id}:http`]), missing: [] });
    expect(matchTracePath(outside, { nodes: [pp], edges: [] })).toEqual({ nodes: new Set([pp.id]), edges: new Set(), missing: [] });
  });
});

describe("endpointNodes", () => {
  it("matches an unversioned span (a gateway) to the versions that hold its workload, else every version", () => {
    const v1 = node("app:bookinfo:reviews:v1", { app: "reviews", version: "v1", workloads: ["reviews-v1"] });
    const v2 = node("app:bookinfo:reviews:v2", { app: "reviews", version: "v2", workloads: ["reviews-v2"] });
    expect(endpointNodes({ namespace: "bookinfo", app: "reviews", workload: "reviews-v2" }, [v1, v2])).toEqual([v2]);
    expect(endpointNodes({ namespace: "bookinfo", app: "reviews" }, [v1, v2])).toEqual([v1, v2]);
    expect(endpointNodes({ namespace: "bookinfo", app: "reviews", version: "v9" }, [v1, v2])).toEqual([]);
    expect(endpointNodes({ namespace: "other", app: "reviews" }, [v1, v2])).toEqual([]);
  });
});
