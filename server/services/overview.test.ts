import type { KubernetesObject } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import type { ResourceKey } from "@/lib/kube/resource-kinds";
import type { PromSample } from "@/lib/promql/types";
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

function deps(n: number, opts: { prometheusDown?: boolean } = {}) {
  const queries: string[] = [];
  const down = () => new UpstreamUnavailableError("prometheus", "http://prom", "ECONNREFUSED");
  const d: OverviewDeps = {
    reader: fakeReader(cluster(n)),
    prometheus: {
      now: () => 1_000_000,
      query: async (query) => {
        queries.push(query);
        if (opts.prometheusDown) throw down();
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
      return { query, series: [{ metric: { destination_workload_namespace: "ns-0" }, points: [[o.end, 0.1]] }], ms: 1 };
    },
  };
  return { d, queries };
}

describe("getOverview", () => {
  it("issues the same two queries for 1 namespace and for 300", async () => {
    const one = deps(1);
    await getOverview({ window: "5m" }, one.d);
    const many = deps(300);
    const out = await getOverview({ window: "5m" }, many.d);
    expect(one.queries).toHaveLength(2);
    expect(many.queries).toHaveLength(2);
    // One namespace: a matcher naming it; all 300 (every namespace): no regex at all, which is cheaper.
    expect(one.queries.every((q) => q.includes('=~"ns-0"'))).toBe(true);
    expect(many.queries.some((q) => q.includes("=~"))).toBe(false);
    expect(out.namespaces).toHaveLength(300);
    expect(out.stats.queries.map((q) => q.name)).toEqual(["health", "inbound-sparkline"]);
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
