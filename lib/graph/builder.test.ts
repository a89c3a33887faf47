import { describe, expect, it } from "vitest";
import { buildGraph, type BuiltGraph } from "./builder";
import { callSeries, vectorsFor, type Call } from "./fixtures/istio-series";
import { BOOKINFO, INVENTORY, S, W } from "./fixtures/meshes";
import { EMPTY_INVENTORY, type GraphInventory } from "./inventory";
import type { GraphOptions } from "./options";
import type { Protocol } from "./schema";

type Opts = Omit<GraphOptions, "window" | "time">;

const BASE: Opts = {
  namespaces: ["bookinfo"],
  graphType: "workload",
  injectServiceNodes: false,
  idleNodes: false,
  idleEdges: false,
  responseTime: "p95",
  throughput: false,
};

function graph(calls: Call[], o: Partial<Opts> = {}, inventory: GraphInventory = INVENTORY): BuiltGraph {
  const opts = { ...BASE, ...o };
  return buildGraph(vectorsFor(calls, opts), inventory, opts);
}

function edge(g: BuiltGraph, from: string, to: string, protocol: Protocol = "http") {
  const e = g.edges.find((x) => x.source === from && x.target === to && x.protocol === protocol);
  if (!e) throw new Error(`no edge ${from} -> ${to} (${protocol}); edges: ${g.edges.map((x) => x.id).join(", ")}`);
  return e;
}

function node(g: BuiltGraph, id: string) {
  const n = g.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}; nodes: ${g.nodes.map((x) => x.id).join(", ")}`);
  return n;
}

const wlId = (w: { namespace: string; workload: string }) => `workload:${w.namespace}:${w.workload}`;

describe("counting each request once", () => {
  it("uses the destination's report when both proxies reported the request", () => {
    const vectors = vectorsFor(BOOKINFO, { ...BASE });
    // The fixture really holds both reporters for the same requests.
    const reporters = vectors.requests.filter((s) => s.metric.destination_workload === "reviews-v1").map((s) => s.metric.reporter);
    expect(reporters.sort()).toEqual(["destination", "source"]);

    const g = graph(BOOKINFO);
    const e = edge(g, wlId(W.productpage), wlId(W.reviewsV1));
    expect(e.rate).toBeCloseTo(4, 10);
    expect(e.reporters).toEqual({ destination: 4, source: 0 });
    expect(node(g, wlId(W.productpage)).traffic.out.http).toBeCloseTo(20, 10);
    expect(node(g, wlId(W.ratings)).traffic.in.http).toBeCloseTo(6, 10);
    const total = g.edges.reduce((s, x) => s + x.rate, 0);
    // gateway 10 + unknown 1 + details 10 + reviews 10 + ratings 6
    expect(total).toBeCloseTo(37, 10);
  });

  it("counts requests to a destination without sidecar from the caller's report", () => {
    const calls: Call[] = [{ from: W.shipping, to: W.legacyApi, via: S.legacyApi, rate: 3, reporters: ["source"] }];
    const g = graph(calls, { namespaces: ["shop"] });
    const e = edge(g, wlId(W.shipping), wlId(W.legacyApi));
    expect(e.rate).toBe(3);
    expect(e.reporters).toEqual({ destination: 0, source: 3 });
    // A source proxy cannot know the server's security policy.
    expect(e.mtlsShare).toBeNull();
    expect(node(g, wlId(W.legacyApi))).toMatchObject({ outsideNamespaces: true, missingSidecar: true });
  });

  it("infers a missing sidecar from telemetry when the inventory does not know the workload", () => {
    const calls: Call[] = [{ from: W.shipping, to: W.legacyApi, via: S.legacyApi, rate: 3, reporters: ["source"] }];
    const g = graph(calls, { namespaces: ["shop"] }, EMPTY_INVENTORY);
    expect(node(g, wlId(W.legacyApi)).missingSidecar).toBe(true);
    expect(node(g, wlId(W.shipping)).missingSidecar).toBeUndefined();
  });

  it("counts the ingress gateway's calls to a workload without sidecar, and marks the gateway a root", () => {
    const calls: Call[] = [{ from: W.gateway, to: W.legacyApi, via: S.legacyApi, rate: 2, reporters: ["source"] }];
    const g = graph(calls, { namespaces: ["legacy"] });
    expect(edge(g, wlId(W.gateway), wlId(W.legacyApi)).rate).toBe(2);
    expect(node(g, wlId(W.gateway))).toMatchObject({ gateway: "ingress", root: true, outsideNamespaces: true });
  });

  it("counts calls to an external ServiceEntry host, also from callers outside the selection", () => {
    const billing = { namespace: "billing", workload: "invoicer", app: "invoicer", version: "v1" };
    const calls: Call[] = [
      { from: W.payment, to: "unknown", via: S.stripe, rate: 2 },
      { from: billing, to: "unknown", via: S.stripe, rate: 1 },
    ];
    const g = graph(calls, { namespaces: ["shop"] });
    const se = node(g, "serviceEntry:shop:api.stripe.com");
    expect(se).toMatchObject({ type: "serviceEntry", namespace: "shop", service: "api.stripe.com", serviceEntry: { name: "stripe", external: true } });
    expect(edge(g, wlId(W.payment), se.id).rate).toBe(2);
    expect(edge(g, wlId(billing), se.id).rate).toBe(1);
    expect(node(g, wlId(billing)).outsideNamespaces).toBe(true);
    expect(se.traffic.in.http).toBe(3);
  });

  it("shows an undeclared host as an external node", () => {
    const calls: Call[] = [{ from: W.payment, to: "unknown", via: { namespace: "unknown", name: "PassthroughCluster" }, rate: 1 }];
    const g = graph(calls, { namespaces: ["shop"] });
    expect(node(g, "external:PassthroughCluster")).toMatchObject({ type: "external", outsideNamespaces: false });
  });

  it("adds caller-reported failures that never reached the destination, not those it saw", () => {
    const calls: Call[] = [
      { from: W.productpage, to: W.reviewsV2, via: S.reviews, rate: 2 },
      { from: W.productpage, to: W.reviewsV2, via: S.reviews, rate: 0.5, code: "503", flags: "UF", reporters: ["source"] },
      { from: W.productpage, to: W.reviewsV2, via: S.reviews, rate: 0.25, code: "504", flags: "UT", reporters: ["source"] },
    ];
    const e = edge(graph(calls), wlId(W.productpage), wlId(W.reviewsV2));
    expect(e.rate).toBeCloseTo(2.5, 10);
    expect(e.reporters).toEqual({ destination: 2, source: 0.5 });
    expect(e.flags).toEqual({ UF: 0.5 });
    expect(e.codeClasses).toEqual({ "2xx": 2, "5xx": 0.5 });
  });
});

describe("sources and namespaces", () => {
  it("shows traffic from outside the mesh as an unknown root node", () => {
    const g = graph(BOOKINFO);
    const unknown = node(g, "unknown");
    expect(unknown).toMatchObject({ type: "unknown", root: true, outsideNamespaces: false });
    expect(edge(g, "unknown", wlId(W.productpage)).rate).toBe(1);
  });

  it("keeps cross-namespace edges and marks the nodes outside the selection", () => {
    const calls: Call[] = [
      { from: W.frontend, to: W.productpage, via: S.productpage, rate: 1.5 },
      { from: W.checkout, to: W.legacyApi, via: S.legacyApi, rate: 0.5, reporters: ["source"] },
      // Not touching the selection: not returned by the queries at all.
      { from: W.productpage, to: W.details, via: S.details, rate: 10 },
    ];
    const g = graph(calls, { namespaces: ["shop"] });
    expect(edge(g, wlId(W.frontend), wlId(W.productpage)).rate).toBe(1.5);
    expect(node(g, wlId(W.productpage))).toMatchObject({ outsideNamespaces: true });
    expect(node(g, wlId(W.frontend))).toMatchObject({ outsideNamespaces: false, root: true });
    expect(node(g, wlId(W.legacyApi)).outsideNamespaces).toBe(true);
    expect(g.nodes.map((n) => n.id)).not.toContain(wlId(W.details));
  });

  it("sees the same cross-namespace edge from either side's namespace", () => {
    const calls: Call[] = [{ from: W.frontend, to: W.productpage, via: S.productpage, rate: 1.5 }];
    const fromShop = edge(graph(calls, { namespaces: ["shop"] }), wlId(W.frontend), wlId(W.productpage));
    const fromBookinfo = edge(graph(calls, { namespaces: ["bookinfo"] }), wlId(W.frontend), wlId(W.productpage));
    const fromBoth = edge(graph(calls, { namespaces: ["bookinfo", "shop"] }), wlId(W.frontend), wlId(W.productpage));
    expect([fromShop.rate, fromBookinfo.rate, fromBoth.rate]).toEqual([1.5, 1.5, 1.5]);
  });
});

describe("protocols and responses", () => {
  it("reads TCP bytes both ways, once", () => {
    const calls: Call[] = [{ from: W.catalog, to: W.postgres, via: S.postgres, rate: 0, protocol: "tcp", tcp: { sent: 2400, received: 160 } }];
    const g = graph(calls, { namespaces: ["shop"] });
    const e = edge(g, wlId(W.catalog), wlId(W.postgres), "tcp");
    expect(e).toMatchObject({ rate: 2560, tcp: { sent: 2400, received: 160 }, mtlsShare: 1, errorRatio: null, responses: {} });
    expect(e.latency).toBeUndefined();
    expect(node(g, wlId(W.postgres)).traffic.in).toEqual({ http: 0, grpc: 0, errors: 0, tcp: 2560 });
  });

  it("reads gRPC statuses and counts non-OK statuses as errors", () => {
    const calls: Call[] = [
      { from: W.frontend, to: W.catalog, via: S.catalog, rate: 9, protocol: "grpc", grpcStatus: "0" },
      { from: W.frontend, to: W.catalog, via: S.catalog, rate: 1, protocol: "grpc", grpcStatus: "14" },
    ];
    const g = graph(calls, { namespaces: ["shop"] });
    const e = edge(g, wlId(W.frontend), wlId(W.catalog), "grpc");
    expect(e.grpcStatuses).toEqual({ "0": 9, "14": 1 });
    expect(e.codeClasses).toEqual({ "2xx": 10 });
    expect(e.errorRate).toBe(1);
    expect(e.errorRatio).toBeCloseTo(0.1, 10);
    expect(node(g, wlId(W.catalog)).traffic.in).toMatchObject({ grpc: 10, http: 0, errors: 1 });
    expect(node(g, wlId(W.catalog)).health.errorRatioIn).toBeCloseTo(0.1, 10);
  });

  it("breaks responses down by code and code class, `-` for no response", () => {
    const calls: Call[] = [
      { from: W.productpage, to: W.details, via: S.details, rate: 8 },
      { from: W.productpage, to: W.details, via: S.details, rate: 1, code: "404" },
      { from: W.productpage, to: W.details, via: S.details, rate: 0.5, code: "503" },
      { from: W.productpage, to: W.details, via: S.details, rate: 0.5, code: "0", flags: "DC" },
      // A code seen earlier but not in the window: no zero entries in the breakdowns.
      { from: W.productpage, to: W.details, via: S.details, rate: 0, code: "302" },
    ];
    const g = graph(calls);
    const e = edge(g, wlId(W.productpage), wlId(W.details));
    expect(e.responses).toEqual({ "-": 0.5, "200": 8, "404": 1, "503": 0.5 });
    expect(e.codeClasses).toEqual({ "-": 0.5, "2xx": 8, "4xx": 1, "5xx": 0.5 });
    expect(e.flags).toEqual({ DC: 0.5 });
    expect(e.errorRate).toBe(2);
    expect(e.errorRatio).toBeCloseTo(0.2, 10);
    expect(node(g, wlId(W.productpage)).health).toEqual({ errorRatioIn: null, errorRatioOut: 0.2 });
  });

  it("computes the mTLS share over traffic whose policy is known, and lists principals", () => {
    const calls: Call[] = [
      { from: W.productpage, to: W.details, via: S.details, rate: 3, mtls: true },
      { from: W.productpage, to: W.details, via: S.details, rate: 1, mtls: false, code: "201" },
    ];
    const e = edge(graph(calls), wlId(W.productpage), wlId(W.details));
    expect(e.mtlsShare).toBeCloseTo(0.75, 10);
    expect(e.principals).toEqual({
      source: ["spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage"],
      destination: ["spiffe://cluster.local/ns/bookinfo/sa/bookinfo-details"],
    });
  });

  it("maps the duration histogram to p50/p95/p99, the average and the chosen response time", () => {
    // reviews-v3: 90% of requests take 8 ms, 10% take 2.5 s.
    const calls = BOOKINFO.filter((c) => c.to === W.reviewsV3);
    const e = edge(graph(calls), wlId(W.productpage), wlId(W.reviewsV3));
    expect(e.latency?.p50).toBeCloseTo(5 + 5 * (0.5 / 0.9), 10);
    expect(e.latency?.p95).toBeCloseTo(1750, 10);
    expect(e.latency?.p99).toBeCloseTo(2350, 10);
    expect(e.latency?.avg).toBeCloseTo(257.2, 10);
    expect(e.responseTimeMs).toBeCloseTo(1750, 10);
    expect(edge(graph(calls, { responseTime: "avg" }), wlId(W.productpage), wlId(W.reviewsV3)).responseTimeMs).toBeCloseTo(257.2, 10);
    expect(edge(graph(calls, { responseTime: "p50" }), wlId(W.productpage), wlId(W.reviewsV3)).responseTimeMs).toBeCloseTo(7.7778, 3);
  });

  it("aggregates histograms before taking quantiles when nodes merge workloads", () => {
    // reviews as one app: 4 req/s at 3 ms, 2 at 6 ms, 4 at the v3 mix; p50 over all 10 req/s.
    const g = graph(BOOKINFO, { graphType: "app" });
    const e = edge(g, "app:bookinfo:productpage", "app:bookinfo:reviews");
    // Cumulative: le=1 → 0, le=5 → 4, le=10 → 4+2+3.6 = 9.6: rank 5 falls in (5, 10].
    expect(e.latency?.p50).toBeCloseTo(5 + 5 * (1 / 5.6), 10);
    expect(e.latency?.avg).toBeCloseTo((4 * 3 + 2 * 6 + 4 * 257.2) / 10, 10);
  });

  it("reports request and response bytes per second only when throughput is asked", () => {
    const calls = BOOKINFO.filter((c) => c.to === W.details);
    expect(edge(graph(calls), wlId(W.productpage), wlId(W.details)).throughput).toBeUndefined();
    const e = edge(graph(calls, { throughput: true }), wlId(W.productpage), wlId(W.details));
    expect(e.throughput?.request).toBeCloseTo(3000, 10);
    expect(e.throughput?.response).toBeCloseTo(1780, 10);
  });
});

describe("idle nodes and edges", () => {
  const cache = { namespace: "bookinfo", workload: "memcached", app: "memcached", version: "v1" };
  const withIdle: Call[] = [...BOOKINFO, { from: W.details, to: cache, via: { namespace: "bookinfo", name: "memcached" }, rate: 0 }];

  it("adds inventory workloads without traffic as idle nodes only when asked", () => {
    expect(graph(BOOKINFO).nodes.map((n) => n.id)).not.toContain("workload:bookinfo:reviews-v4");
    const g = graph(BOOKINFO, { idleNodes: true });
    expect(node(g, "workload:bookinfo:reviews-v4")).toMatchObject({ idle: true, root: false, missingSidecar: false });
    expect(node(g, wlId(W.productpage)).idle).toBe(false);
    // Idle nodes come from the selected namespaces only.
    expect(g.nodes.map((n) => n.id)).not.toContain(wlId(W.frontend));
  });

  it("keeps zero-rate edges only when idle edges are asked", () => {
    const without = graph(withIdle);
    expect(without.edges.some((e) => e.target === wlId(cache))).toBe(false);
    expect(without.nodes.map((n) => n.id)).not.toContain(wlId(cache));
    const g = graph(withIdle, { idleEdges: true });
    expect(edge(g, wlId(W.details), wlId(cache))).toMatchObject({ rate: 0, idle: true, errorRatio: null });
    expect(node(g, wlId(cache)).idle).toBe(true);
    expect(node(g, wlId(W.details)).idle).toBe(false);
    // Idle nodes without idle edges: the node is shown, its edge is not.
    const nodesOnly = graph(withIdle, { idleNodes: true });
    expect(node(nodesOnly, wlId(cache)).idle).toBe(true);
    expect(nodesOnly.edges.some((e) => e.target === wlId(cache))).toBe(false);
  });
});

describe("graph types and service nodes", () => {
  const ids = (g: BuiltGraph) => g.nodes.map((n) => n.id).sort();

  it("workload graph: one node per workload", () => {
    expect(ids(graph(BOOKINFO))).toEqual(
      ["unknown", wlId(W.gateway), wlId(W.productpage), wlId(W.details), wlId(W.reviewsV1), wlId(W.reviewsV2), wlId(W.reviewsV3), wlId(W.ratings)].sort(),
    );
  });

  it("app graph: versions merge into one app node", () => {
    const g = graph(BOOKINFO, { graphType: "app" });
    expect(ids(g)).toEqual(
      ["unknown", "app:istio-system:istio-ingressgateway", "app:bookinfo:productpage", "app:bookinfo:details", "app:bookinfo:reviews", "app:bookinfo:ratings"].sort(),
    );
    expect(edge(g, "app:bookinfo:productpage", "app:bookinfo:reviews").rate).toBeCloseTo(10, 10);
    expect(edge(g, "app:bookinfo:reviews", "app:bookinfo:ratings").rate).toBeCloseTo(6, 10);
    expect(node(g, "app:bookinfo:reviews").workloads).toEqual(["reviews-v1", "reviews-v2", "reviews-v3", "reviews-v4"]);
    expect(node(g, "app:istio-system:istio-ingressgateway")).toMatchObject({ gateway: "ingress", root: true });
  });

  it("versionedApp graph: one node per app version", () => {
    const g = graph(BOOKINFO, { graphType: "versionedApp" });
    for (const v of ["v1", "v2", "v3"]) expect(node(g, `app:bookinfo:reviews:${v}`)).toMatchObject({ app: "reviews", version: v });
    expect(edge(g, "app:bookinfo:reviews:v3", "app:bookinfo:ratings:v1").errorRatio).toBeCloseTo(0.5 / 4, 10);
  });

  it("injects service nodes between callers and the workloads behind the service", () => {
    const g = graph(BOOKINFO, { graphType: "versionedApp", injectServiceNodes: true });
    expect(edge(g, "app:bookinfo:productpage:v1", "service:bookinfo:reviews").rate).toBeCloseTo(10, 10);
    expect(edge(g, "service:bookinfo:reviews", "app:bookinfo:reviews:v1").rate).toBeCloseTo(4, 10);
    expect(edge(g, "service:bookinfo:reviews", "app:bookinfo:reviews:v2").rate).toBeCloseTo(2, 10);
    expect(edge(g, "service:bookinfo:reviews", "app:bookinfo:reviews:v3").rate).toBeCloseTo(4, 10);
    expect(g.edges.some((e) => e.source === "app:bookinfo:productpage:v1" && e.target.startsWith("app:bookinfo:reviews"))).toBe(false);
    expect(node(g, "service:bookinfo:reviews")).toMatchObject({ type: "service", traffic: { in: { http: 10 }, out: { http: 10 } } });
    // The unknown source goes through the service too.
    expect(edge(g, "unknown", "service:bookinfo:productpage").rate).toBe(1);
  });

  it("service graph: services call services; roots that serve nothing stay workloads", () => {
    const g = graph(BOOKINFO, { graphType: "service" });
    expect(ids(g)).toEqual(["unknown", wlId(W.gateway), "service:bookinfo:productpage", "service:bookinfo:details", "service:bookinfo:reviews", "service:bookinfo:ratings"].sort());
    expect(edge(g, wlId(W.gateway), "service:bookinfo:productpage").rate).toBe(10);
    expect(edge(g, "service:bookinfo:productpage", "service:bookinfo:reviews").rate).toBeCloseTo(10, 10);
    expect(edge(g, "service:bookinfo:reviews", "service:bookinfo:ratings").rate).toBeCloseTo(6, 10);
  });

  it("service graph: splits a workload serving two services by their inbound traffic, without counting twice", () => {
    const cart = { namespace: "shop", workload: "cart-v1", app: "cart", version: "v1" };
    const redis = { namespace: "shop", workload: "redis", app: "redis", version: "v7" };
    const calls: Call[] = [
      { from: W.frontend, to: cart, via: { namespace: "shop", name: "cart", host: "cart.shop.svc.cluster.local" }, rate: 3 },
      { from: W.checkout, to: cart, via: { namespace: "shop", name: "cart-legacy", host: "cart-legacy.shop.svc.cluster.local" }, rate: 1 },
      { from: cart, to: redis, via: { namespace: "shop", name: "redis", host: "redis.shop.svc.cluster.local" }, rate: 8 },
    ];
    const g = graph(calls, { graphType: "service", namespaces: ["shop"] });
    expect(edge(g, "service:shop:cart", "service:shop:redis").rate).toBeCloseTo(6, 10);
    expect(edge(g, "service:shop:cart-legacy", "service:shop:redis").rate).toBeCloseTo(2, 10);
    expect(node(g, "service:shop:redis").traffic.in.http).toBeCloseTo(8, 10);
  });

  it("all four graph types count the same traffic into ratings", () => {
    for (const graphType of ["app", "versionedApp", "workload", "service"] as const) {
      const g = graph(BOOKINFO, { graphType });
      const ratings = g.nodes.find((n) => n.namespace === "bookinfo" && (n.app === "ratings" || n.service === "ratings"));
      expect(ratings?.traffic.in.http, graphType).toBeCloseTo(6, 10);
      expect(ratings?.traffic.in.errors, graphType).toBeCloseTo(0.5, 10);
    }
  });
});

describe("output", () => {
  it("is valid JSON without NaN and sorted for stable rendering", () => {
    const g = graph([...BOOKINFO, { from: W.productpage, to: W.details, via: S.details, rate: 0 }], { idleEdges: true, idleNodes: true });
    const json = JSON.stringify(g);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(g.nodes.map((n) => n.id)).toEqual([...g.nodes.map((n) => n.id)].sort());
    expect(g.edges.map((e) => e.id)).toEqual([...g.edges.map((e) => e.id)].sort((a, b) => a.localeCompare(b)));
  });

  it("produces the raw series the fixtures claim (25 Istio labels on requests)", () => {
    const series = callSeries(BOOKINFO[0]!).filter((s) => s.name === "istio_requests_total");
    expect(series).toHaveLength(2);
    expect(Object.keys(series[0]!.labels)).toHaveLength(25);
  });
});
