import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

describe("server configuration", () => {
  it("reads the upstream URLs and kubeconfig", () => {
    const c = parseConfig({ KUBECONFIG: "/tmp/kc", PROMETHEUS_URL: "http://prom:9090/", JAEGER_URL: "http://jaeger:16686" });
    expect(c.kube).toEqual({ kubeconfigPath: "/tmp/kc", context: undefined, inCluster: false });
    expect(c.prometheusUrl).toBe("http://prom:9090");
    expect(c.jaegerUrl).toBe("http://jaeger:16686");
    expect(c.readOnly).toBe(false);
  });

  it("uses the in-cluster service account when in a pod without a kubeconfig", () => {
    expect(parseConfig({ KUBERNETES_SERVICE_HOST: "10.0.0.1" }).kube.inCluster).toBe(true);
  });

  it("treats empty variables as unset", () => {
    const c = parseConfig({ PROMETHEUS_URL: "  ", JAEGER_URL: "" });
    expect(c.prometheusUrl).toBeUndefined();
    expect(c.jaegerUrl).toBeUndefined();
  });

  it("gives the graph's Prometheus queries their own, longer timeout, never below the upstream one", () => {
    expect(parseConfig({})).toMatchObject({ upstreamTimeoutMs: 10_000, graphQueryTimeoutMs: 60_000 });
    expect(parseConfig({ MESHSCOPE_UPSTREAM_TIMEOUT_MS: "90000" }).graphQueryTimeoutMs).toBe(90_000);
    expect(parseConfig({ MESHSCOPE_UPSTREAM_TIMEOUT_MS: "90000", MESHSCOPE_GRAPH_QUERY_TIMEOUT_MS: "5000" }).graphQueryTimeoutMs).toBe(5_000);
    expect(() => parseConfig({ MESHSCOPE_GRAPH_QUERY_TIMEOUT_MS: "10m" })).toThrow(/MESHSCOPE_GRAPH_QUERY_TIMEOUT_MS/);
  });

  it("names each bad variable", () => {
    try {
      parseConfig({ PROMETHEUS_URL: "prom:9090", MESHSCOPE_READ_ONLY: "maybe" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join("\n");
      expect(problems).toMatch(/PROMETHEUS_URL/);
      expect(problems).toMatch(/MESHSCOPE_READ_ONLY/);
    }
  });
});
