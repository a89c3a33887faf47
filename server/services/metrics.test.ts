import type { KubernetesObject } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { metricsQueryParams } from "@/lib/metrics/detail-queries";
import type { ResourceKey } from "@/lib/kube/resource-kinds";
import type { KubeReader } from "../kube/reader";
import { getMetrics, type MetricsDeps } from "./metrics";

const labels = { app: "legacy-api", version: "v1" };
const objects: Partial<Record<ResourceKey, KubernetesObject[]>> = {
  deployments: [{ metadata: { namespace: "legacy", name: "legacy-api-v1" }, spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "api" }] } } } } as KubernetesObject],
  pods: [],
  services: [{ metadata: { namespace: "legacy", name: "legacy-api" }, spec: { selector: { app: "legacy-api" } } } as KubernetesObject],
};
const reader: KubeReader = { list: async <T extends KubernetesObject>(key: ResourceKey) => (objects[key] ?? []) as T[] };

function deps() {
  const queries: string[] = [];
  const d: MetricsDeps = {
    reader,
    now: () => 1_000_000,
    range: async (query, o) => {
      queries.push(query);
      expect(o.end - o.start).toBe(300);
      return { query, series: [], ms: 1 };
    },
  };
  return { d, queries };
}

describe("getMetrics", () => {
  it("reads a workload without sidecar from its peers' reports, in four range queries", async () => {
    const { d, queries } = deps();
    const r = await getMetrics(metricsQueryParams.parse({ kind: "workload", namespace: "legacy", name: "legacy-api-v1" }), d);
    expect(queries).toHaveLength(4);
    expect(r.reporters).toEqual({ inbound: "source", outbound: "destination" });
    expect(queries[0]).toContain('reporter="source",destination_workload_namespace="legacy",destination_workload="legacy-api-v1"');
    expect(r.inbound?.map((c) => c.id)).toEqual(["requests", "success", "latency", "request_size", "response_size", "tcp_received", "tcp_sent"]);
  });

  it("charts services inbound only, and honours an explicit reporter", async () => {
    const { d, queries } = deps();
    const r = await getMetrics(metricsQueryParams.parse({ kind: "service", namespace: "legacy", name: "legacy-api", reporter: "destination" }), d);
    expect(r.outbound).toBeUndefined();
    expect(r.reporters).toEqual({ inbound: "destination" });
    expect(queries.every((q) => !q.includes('"outbound"'))).toBe(true);
  });
});
