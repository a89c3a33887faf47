import { afterEach, describe, expect, it, vi } from "vitest";
import type { KubeReader } from "../../kube/reader";

vi.mock("server-only", () => ({}));
const instantQuery = vi.fn();
vi.mock("../../prometheus/query", () => ({ instantQuery: (...args: unknown[]) => instantQuery(...args) }));

const { loadCallers } = await import("./callers");

const pod = (ns: string, name: string, labels: Record<string, string>, sidecar: boolean) => ({
  metadata: { namespace: ns, name, labels },
  spec: { containers: [{ name: "app" }, ...(sidecar ? [{ name: "istio-proxy" }] : [])] },
});
const deployment = (ns: string, name: string, labels: Record<string, string>) => ({
  metadata: { namespace: ns, name },
  spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "app" }] } } },
});

/** A reader over fixed lists, recording which namespaces were asked for. */
function reader(asked: string[][]): KubeReader {
  const data: Record<string, unknown[]> = {
    deployments: [deployment("shop", "web", { app: "web" })],
    pods: [pod("shop", "web-1", { app: "web" }, true)],
  };
  return {
    list: async <T,>(key: string, namespaces?: readonly string[]) => {
      asked.push([key, ...(namespaces ?? [])]);
      return (data[key] ?? []) as T[];
    },
  } as KubeReader;
}

describe("loadCallers", () => {
  afterEach(() => instantQuery.mockReset());

  it("runs one query for the service and looks up the sidecar of plaintext callers in their pods", async () => {
    instantQuery.mockResolvedValue({
      samples: [{ metric: { source_workload: "web", source_workload_namespace: "shop", source_principal: "unknown", connection_security_policy: "none", destination_workload: "reviews-v1" }, value: 2 }],
    });
    const asked: string[][] = [];
    const r = await loadCallers(reader(asked), { namespace: "bookinfo", service: "reviews" }, { namespace: "bookinfo", name: "reviews", selector: { app: "reviews" } });
    expect(instantQuery).toHaveBeenCalledTimes(1);
    expect(instantQuery.mock.calls[0]?.[0]).toContain('destination_service="reviews.bookinfo.svc.cluster.local"');
    expect(r).toEqual({ ok: true, callers: [{ namespace: "shop", workload: "web", principal: null, sidecar: true, destinations: ["reviews-v1"] }] });
    expect(asked).toEqual([
      ["deployments", "shop"],
      ["pods", "shop"],
    ]);
  });

  it("turns a Prometheus failure into a message instead of failing", async () => {
    instantQuery.mockRejectedValue(new Error("prometheus (http://p:9090): connection refused"));
    const r = await loadCallers(reader([]), { namespace: "bookinfo" }, undefined);
    expect(r).toEqual({ ok: false, message: "prometheus (http://p:9090): connection refused" });
  });
});
