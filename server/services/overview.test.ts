import type { KubernetesObject } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import type { ResourceKey } from "@/lib/kube/resource-kinds";
import type { PromSample } from "@/lib/promql/types";
import { axisTimestamps } from "@/lib/metrics/window";
import { UpstreamUnavailableError } from "../http/errors";
import type { KubeReader } from "../kube/reader";
import type { OverviewDeps } from "./overview";
import { getOverview } from "./overview";

/** A cluster of `n` namespaces with one deployment (one ready pod) and one service each. */
function cluster(n: number): Partial<Record<ResourceKey, KubernetesObject[]>> {
  const names = Array.from({ length: n }, (_, i) => `ns-${i}`);
  const labels = { app: "web", version: "v1" };
  return {
    namespaces: names.map((name) => ({ metadata: { name, labels: { "istio-injection": "enabled" } } })),
    deployments: names.map((namespace) => ({
      metadata: { namespace, name: "web-v1" },
      spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "web" }, { name: "istio-proxy" }] } } },
      status: { availableReplicas: 1, readyReplicas: 1 },
    })) as KubernetesObject[],
    pods: names.map((namespace) => ({
      metadata: { namespace, name: "web-v1-abc", labels },
      spec: { containers: [{ name: "web" }, { name: "istio-proxy" }] },
      status: { conditions: [{ type: "Ready", status: "True" }] },
    })) as KubernetesObject[],
    services: names.map((namespace) => ({ metadata: { namespace, name: "web" }, spec: { selector: { app: "web" } } })) as KubernetesObject[],
    peerauthentications: [{ metadata: { namespace: "ns-0", name: "strict" }, spec: { mtls: { mode: "STRICT" } } } as KubernetesObject],
  };
}

function fakeReader(objects: Partial<Record<ResourceKey, KubernetesObject[]>>): KubeReader {
  return {
    async list<T extends KubernetesObject>(key: ResourceKey, namespaces?: readonly string[]) {
      const all = objects[key] ?? [];
      return (namespaces ? all.filter((o) => namespaces.includes(o.metadata?.namespace ?? "")) : all) as T[];
    },
  };
}

/** The namespaces a sparkline query selects: those of its regex, or every one of the cluster. */
function selectedBy(query: string, n: number): string[] {
  const m = /destination_workload_namespace=~"([^"]*)"/.exec(query);
  return m ? (m[1] ?? "").split("|") : Array.from({ length: n }, (_, i) => `ns-${i}`);
}

/** `noSidecar`: namespaces whose workloads report nothing themselves (callers' reports: 0.5 rps). */
function deps(n: number, opts: { prometheusDown?: boolean; noSidecar?: readonly string[] } = {}) {
  const queries: string[] = [];
  const down = () => new UpstreamUnavailableError("prometheus", "http://prom", "ECONNREFUSED");
  const d: OverviewDeps = {
    reader: fakeReader(cluster(n)),
    prometheus: {
      now: () => 1_000_000,
      query: async (query) => {
        queries.push(query);
        if (opts.prometheusDown) throw down();
        // The health query's destination part answers the destination's report; the source part nothing.
        if (!query.includes('reporter="destination"')) return { query, samples: [], ms: 1 };
        const samples: PromSample[] = [
          {
            metric: { reporter: "destination", destination_workload_namespace: "ns-0", destination_workload: "web-v1", destination_app: "web", destination_service_namespace: "ns-0", destination_service_name: "web", source_workload: "unknown", request_protocol: "http", response_code: "500" },
            value: 30,
          },
        ];
        return { query, samples, ms: 1 };
      },
    },
    range: async (query, o) => {
      queries.push(query);
      if (opts.prometheusDown) throw down();
      const bySource = query.includes('reporter="source"');
      const nss = selectedBy(query, n).filter((ns) => bySource || !opts.noSidecar?.includes(ns));
      const points = axisTimestamps(o).map((t): [number, number] => [t, bySource ? 0.5 : 0.1]);
      return { query, series: nss.map((ns) => ({ metric: { destination_workload_namespace: ns }, points })), ms: 1 };
    },
  };
  return { d, queries };
}

describe("getOverview", () => {
  it("issues the same three queries for 1 namespace and for 300", async () => {
    const one = deps(1);
    await getOverview({ window: "5m" }, one.d);
    const many = deps(300);
    const out = await getOverview({ window: "5m" }, many.d);
    expect(one.queries).toHaveLength(3);
    expect(many.queries).toHaveLength(3);
    // One namespace: a matcher naming it; all 300 (every namespace): no regex at all, which is cheaper.
    expect(one.queries.every((q) => q.includes('=~"ns-0"'))).toBe(true);
    expect(many.queries.some((q) => q.includes("namespace=~"))).toBe(false);
    expect(out.namespaces).toHaveLength(300);
    expect(out.stats.queries.map((q) => q.name)).toEqual(["health-destination", "health-source", "inbound-sparkline"]);
  });

  it("reads callers' reports only for the namespaces without their own, in one more query", async () => {
    const d = deps(300, { noSidecar: ["ns-7", "ns-250"] });
    const out = await getOverview({ window: "5m" }, d.d);
    expect(d.queries).toHaveLength(4);
    expect(d.queries.at(-1)).toContain('reporter="source",destination_workload_namespace=~"ns-250|ns-7"');
    expect(out.stats.queries.map((q) => q.name)).toEqual(["health-destination", "health-source", "inbound-sparkline", "inbound-sparkline-fallback"]);
    const points = (ns: string) => out.namespaces.find((x) => x.name === ns)?.inbound.points;
    expect(new Set(points("ns-7"))).toEqual(new Set([0.5]));
    expect(new Set(points("ns-8"))).toEqual(new Set([0.1]));
  });

  it("reads every namespace's callers' reports when many lack their own", async () => {
    const d = deps(300, { noSidecar: Array.from({ length: 60 }, (_, i) => `ns-${i}`) });
    const out = await getOverview({ window: "5m" }, d.d);
    expect(d.queries.at(-1)).toContain('reporter="source",destination_workload_namespace!=""');
    expect(new Set(out.namespaces.find((x) => x.name === "ns-59")?.inbound.points)).toEqual(new Set([0.5]));
    expect(new Set(out.namespaces.find((x) => x.name === "ns-60")?.inbound.points)).toEqual(new Set([0.1]));
  });

  it("keeps the namespace matchers for a large selection that is not every namespace", async () => {
    const d = deps(300);
    await getOverview({ window: "5m", namespaces: Array.from({ length: 299 }, (_, i) => `ns-${i}`) }, d.d);
    expect(d.queries.every((q) => q.includes("=~"))).toBe(true);
  });

  it("summarizes each namespace: failing requests, mTLS from its policy, the sparkline's last point", async () => {
    const out = await getOverview({ window: "5m", namespaces: ["ns-0", "ns-1"] }, deps(3).d);
    expect(out.namespaces.map((n) => n.name)).toEqual(["ns-0", "ns-1"]);
    const [a, b] = out.namespaces;
    expect(a?.health.workloads.worst).toBe("failure");
    expect(a?.mtls).toMatchObject({ mode: "strict", source: "namespace" });
    expect(a?.inbound.rps).toBeCloseTo(0.1);
    expect(a?.inbound.points.at(-1)).toBe(0.1);
    expect(b?.health.workloads.worst).toBe("healthy");
    expect(b?.mtls.mode).toBe("permissive");
  });

  it("keeps the inventory when Prometheus is down, and names it", async () => {
    const out = await getOverview({ window: "5m" }, deps(2, { prometheusDown: true }).d);
    expect(out.errors).toEqual([{ source: "prometheus", message: expect.stringContaining("ECONNREFUSED") }]);
    expect(out.namespaces.map((n) => n.counts.workloads)).toEqual([1, 1]);
    expect(out.namespaces[0]?.health.workloads.worst).toBe("healthy");
  });

  it("asks nothing of Prometheus when no namespace is visible", async () => {
    const d = deps(0);
    expect((await getOverview({ window: "5m" }, d.d)).namespaces).toEqual([]);
    expect(d.queries).toEqual([]);
  });
});
