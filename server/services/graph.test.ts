import type { KubernetesObject } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { callSeries, promResult } from "@/lib/graph/fixtures/istio-series";
import { BOOKINFO } from "@/lib/graph/fixtures/meshes";
import type { GraphOptions } from "@/lib/graph/options";
import { graphResponse } from "@/lib/graph/schema";
import type { GraphQueryName } from "@/lib/promql/graph-queries";
import type { ResourceKey } from "@/lib/kube/resource-kinds";
import { KubeStatusError, UpstreamUnavailableError } from "../http/errors";
import type { KubeReader } from "../kube/reader";
import type { InstantQueryOptions } from "../prometheus/query";
import { getGraph, type GraphDeps } from "./graph";

const OPTIONS: GraphOptions = {
  namespaces: ["bookinfo"],
  graphType: "versionedApp",
  window: "5m",
  injectServiceNodes: true,
  idleNodes: true,
  idleEdges: false,
  responseTime: "p95",
  throughput: false,
};

const deployment = (ns: string, name: string, app: string, version: string): KubernetesObject & Record<string, unknown> => ({
  metadata: { namespace: ns, name },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app, version } },
    template: { metadata: { labels: { app, version } }, spec: { containers: [{ name: app }, { name: "istio-proxy" }] } },
  },
});

const OBJECTS: Partial<Record<ResourceKey, KubernetesObject[]>> = {
  deployments: [deployment("bookinfo", "reviews-v1", "reviews", "v1"), deployment("bookinfo", "reviews-v4", "reviews", "v4")],
  pods: [],
  services: [{ metadata: { namespace: "bookinfo", name: "reviews" }, spec: { selector: { app: "reviews" } } } as KubernetesObject],
  serviceentries: [],
};

interface Fake extends GraphDeps {
  calls: Array<{ query: string; opts: InstantQueryOptions }>;
  lists: Array<{ key: ResourceKey; namespaces?: readonly string[] }>;
}

function fake(over: { query?: GraphDeps["query"]; list?: (key: ResourceKey) => Promise<KubernetesObject[]> } = {}): Fake {
  const calls: Fake["calls"] = [];
  const lists: Fake["lists"] = [];
  const raw = BOOKINFO.flatMap(callSeries);
  const reader: KubeReader = {
    async list<T extends KubernetesObject>(key: ResourceKey, namespaces?: readonly string[]) {
      lists.push({ key, namespaces });
      return (await (over.list ?? (async (k) => OBJECTS[k] ?? []))(key)) as T[];
    },
  };
  return {
    calls,
    lists,
    reader,
    now: () => 1_700_000_000.1234,
    query:
      over.query ??
      (async (query, opts) => {
        calls.push({ query, opts });
        const name = (opts.operation ?? "").replace(/^graph_/, "") as GraphQueryName;
        return { query, ms: 2, samples: promResult(name, raw, { namespaces: OPTIONS.namespaces, graphType: OPTIONS.graphType }) };
      }),
  };
}

describe("getGraph", () => {
  it("issues the same number of Prometheus queries for 1 and for 50 namespaces", async () => {
    const one = fake();
    await getGraph({ kind: "console" }, OPTIONS, one);
    const fifty = fake();
    await getGraph({ kind: "console" }, { ...OPTIONS, namespaces: Array.from({ length: 50 }, (_, i) => `ns-${i}`) }, fifty);
    expect(one.calls).toHaveLength(3);
    expect(fifty.calls).toHaveLength(3);
    const withThroughput = fake();
    await getGraph({ kind: "console" }, { ...OPTIONS, namespaces: Array.from({ length: 50 }, (_, i) => `ns-${i}`), throughput: true }, withThroughput);
    expect(withThroughput.calls).toHaveLength(4);
  });

  it("runs the queries in parallel, all at one evaluation time, and reports each one", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const deps = fake();
    const inner = deps.query;
    deps.query = async (q, o) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return inner(q, o);
    };
    const g = await getGraph({ kind: "console" }, OPTIONS, deps);
    expect(maxInFlight).toBe(3);
    expect(new Set(deps.calls.map((c) => c.opts.time))).toEqual(new Set([1_700_000_000.123]));
    // The graph's own timeout (MESHSCOPE_GRAPH_QUERY_TIMEOUT_MS), not the 10 s of other upstream calls.
    expect(new Set(deps.calls.map((c) => c.opts.timeoutMs))).toEqual(new Set([60_000]));
    expect(g.timestamp).toBe(1_700_000_000.123);
    expect(g.stats.queries.map((q) => q.name)).toEqual(["requests", "tcp", "latency"]);
    expect(g.stats.queries[0]).toMatchObject({ ms: 2, query: deps.calls[0]?.query });
    expect(g.stats.queries[0]?.series).toBeGreaterThan(0);
    expect(g.stats.totalMs).toBeGreaterThanOrEqual(0);
  });

  it("builds the graph from the vectors and the inventory of the selected namespaces", async () => {
    const deps = fake();
    const g = await getGraph({ kind: "console" }, { ...OPTIONS, time: 1_700_000_100 }, deps);
    expect(deps.calls[0]?.opts.time).toBe(1_700_000_100);
    expect(deps.lists.map((l) => l.key).sort()).toEqual(["deployments", "pods", "serviceentries", "services"]);
    expect(deps.lists.every((l) => l.namespaces?.join() === "bookinfo")).toBe(true);
    const edge = g.edges.find((e) => e.source === "service:bookinfo:reviews" && e.target === "app:bookinfo:reviews:v1");
    expect(edge?.rate).toBeCloseTo(4, 10);
    // Idle node from the inventory.
    expect(g.nodes.find((n) => n.id === "app:bookinfo:reviews:v4")).toMatchObject({ idle: true, missingSidecar: false });
    expect(g.errors).toBeUndefined();
    // What the client will validate: the response matches its schema, and survives JSON.
    expect(graphResponse.parse(JSON.parse(JSON.stringify(g)))).toEqual(JSON.parse(JSON.stringify(g)));
  });

  it("throws Prometheus's failure, naming it", async () => {
    const deps = fake({
      query: async () => {
        throw new UpstreamUnavailableError("prometheus", "http://prom/api/v1/query", "ECONNREFUSED");
      },
    });
    await expect(getGraph({ kind: "console" }, OPTIONS, deps)).rejects.toMatchObject({ upstream: "prometheus" });
  });

  it("refuses the graph when the caller may not read the namespace", async () => {
    const deps = fake({
      list: async () => {
        throw new KubeStatusError(403, "Forbidden", 'pods is forbidden: User "jane" cannot list resource "pods" in namespace "bookinfo"');
      },
    });
    await expect(getGraph({ kind: "user", token: "t" }, OPTIONS, deps)).rejects.toMatchObject({ code: 403 });
  });

  it("builds from telemetry alone when the console's Kubernetes access is down, and says so", async () => {
    const deps = fake({
      list: async () => {
        throw new UpstreamUnavailableError("kubernetes", "https://kube:6443", "ECONNREFUSED");
      },
    });
    const g = await getGraph({ kind: "console" }, OPTIONS, deps);
    expect(g.edges.length).toBeGreaterThan(0);
    expect(g.errors?.[0]).toMatchObject({ source: "kubernetes" });
    expect(g.nodes.some((n) => n.id === "app:bookinfo:reviews:v4")).toBe(false);
  });

  it("treats missing ServiceEntry support as no ServiceEntries", async () => {
    const deps = fake({
      list: async (key) => {
        if (key === "serviceentries") throw new KubeStatusError(404, "NotFound", "the server could not find the requested resource");
        return OBJECTS[key] ?? [];
      },
    });
    const g = await getGraph({ kind: "user", token: "t" }, OPTIONS, deps);
    expect(g.edges.length).toBeGreaterThan(0);
  });
});
