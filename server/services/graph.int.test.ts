import { describe, expect, inject, it } from "vitest";
import { graphResponse, type GraphEdge, type GraphResponse } from "@/lib/graph/schema";
import type { GraphOptions } from "@/lib/graph/options";
import { eventually } from "@/test/demo-env";
import { CONSOLE_IDENTITY } from "../kube/identity";

const demo = inject("demo");

const BASE: GraphOptions = {
  namespaces: ["bookinfo"],
  graphType: "workload",
  window: "1m",
  injectServiceNodes: false,
  idleNodes: false,
  idleEdges: false,
  responseTime: "p95",
  throughput: false,
};

async function graph(o: Partial<GraphOptions>): Promise<GraphResponse> {
  const { getGraph } = await import("./graph");
  return getGraph(CONSOLE_IDENTITY, { ...BASE, ...o });
}

const find = (g: GraphResponse, source: string, target: string, protocol = "http"): GraphEdge | undefined =>
  g.edges.find((e) => e.source === source && e.target === target && e.protocol === protocol);

/** One number from Prometheus, at an evaluation time. */
async function promScalar(query: string, time: number): Promise<number> {
  const url = `${demo.prometheusUrl}/api/v1/query?${new URLSearchParams({ query, time: String(time) })}`;
  const body = (await (await fetch(url)).json()) as { status: string; data: { result: Array<{ value: [number, string] }> } };
  expect(body.status).toBe("success");
  return Number(body.data.result[0]?.value[1] ?? "0");
}

const wl = (ns: string, name: string) => `workload:${ns}:${name}`;

/** Waits until the demo's traffic has produced the edges a test needs. */
async function graphWith(o: Partial<GraphOptions>, edges: Array<[string, string]>): Promise<GraphResponse> {
  return eventually(
    async () => {
      const g = await graph(o);
      return edges.every(([s, t]) => (find(g, s, t)?.rate ?? 0) > 0) ? g : undefined;
    },
    90_000,
    1_000,
  );
}

describe("the graph of the demo mesh", () => {
  it("shows Bookinfo's calls: productpage → reviews v1/v2/v3 → ratings, each request counted once", async () => {
    const g = await graphWith({ graphType: "versionedApp" }, [
      ["app:bookinfo:productpage:v1", "app:bookinfo:reviews:v1"],
      ["app:bookinfo:productpage:v1", "app:bookinfo:reviews:v2"],
      ["app:bookinfo:productpage:v1", "app:bookinfo:reviews:v3"],
      ["app:bookinfo:reviews:v2", "app:bookinfo:ratings:v1"],
      ["app:bookinfo:reviews:v3", "app:bookinfo:ratings:v1"],
      ["app:bookinfo:productpage:v1", "app:bookinfo:details:v1"],
    ]);
    graphResponse.parse(JSON.parse(JSON.stringify(g)));
    // reviews v1 does not call ratings.
    expect(find(g, "app:bookinfo:reviews:v1", "app:bookinfo:ratings:v1")).toBeUndefined();
    // Both proxies are sidecars: only the destination's reports count.
    const e = find(g, "app:bookinfo:productpage:v1", "app:bookinfo:reviews:v1");
    expect(e?.reporters.source).toBe(0);
    expect(e?.mtlsShare).toBeGreaterThan(0.99);
    // The ingress gateway is where traffic enters; it lives outside the selected namespace.
    const gw = g.nodes.find((n) => n.gateway === "ingress");
    expect(gw).toMatchObject({ root: true, outsideNamespaces: true });
    expect(g.stats.queries.map((q) => q.name)).toEqual(["requests", "tcp", "latency"]);
  });

  it("agrees with direct PromQL over the same window within 5%", async () => {
    const edges: Array<[string, string]> = [
      [wl("bookinfo", "productpage-v1"), wl("bookinfo", "reviews-v1")],
      [wl("bookinfo", "productpage-v1"), wl("bookinfo", "reviews-v2")],
      [wl("bookinfo", "productpage-v1"), wl("bookinfo", "reviews-v3")],
      [wl("bookinfo", "reviews-v2"), wl("bookinfo", "ratings-v1")],
      [wl("bookinfo", "reviews-v3"), wl("bookinfo", "ratings-v1")],
    ];
    const settled = await graphWith({}, edges);
    // Evaluate the graph and the direct queries at one instant, over the same window.
    const g = await graph({ time: settled.timestamp });
    for (const [s, t] of edges) {
      const [, , src] = s.split(":");
      const [, , dst] = t.split(":");
      const direct = await promScalar(
        `sum(rate(istio_requests_total{reporter="destination",source_workload_namespace="bookinfo",source_workload="${src}",destination_workload_namespace="bookinfo",destination_workload="${dst}"}[1m]))`,
        g.timestamp,
      );
      const edge = find(g, s, t);
      expect(direct, `${s} -> ${t}`).toBeGreaterThan(0);
      expect(Math.abs((edge?.rate ?? 0) - direct) / direct, `${s} -> ${t}: graph ${edge?.rate} vs PromQL ${direct}`).toBeLessThan(0.05);
    }
  });

  it("counts calls to a workload without sidecar from the caller, and keeps the cross-namespace node", async () => {
    const shipping = wl("shop", "shipping-v1");
    const legacy = wl("legacy", "legacy-api-v1");
    const settled = await graphWith({ namespaces: ["shop"] }, [[shipping, legacy]]);
    const g = await graph({ namespaces: ["shop"], time: settled.timestamp });
    const edge = find(g, shipping, legacy);
    const direct = await promScalar(
      'sum(rate(istio_requests_total{reporter="source",source_workload="shipping-v1",destination_workload="legacy-api-v1"}[1m]))',
      g.timestamp,
    );
    expect(edge?.reporters.destination).toBe(0);
    expect(Math.abs((edge?.rate ?? 0) - direct) / direct).toBeLessThan(0.05);
    expect(g.nodes.find((n) => n.id === legacy)).toMatchObject({ outsideNamespaces: true, missingSidecar: true });
  });

  it("issues as many queries for many namespaces as for one", async () => {
    const one = await graph({});
    const many = await graph({ namespaces: ["bookinfo", "shop", "legacy", "istio-system"], throughput: false });
    expect(many.stats.queries).toHaveLength(one.stats.queries.length);
  });
});
