import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { SpanStore } from "../tracing/span-store";
import { createPodLogBuffer, FakeClock, meshStateFromObjects, seedObjects, startMeshSimulator } from "./index";
import { createStaticMeshStateSource } from "./static-state-source";
import { createIstioMetrics } from "./telemetry/istio-metrics";
import { startMetricsServer } from "./telemetry/metrics-server";

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

describe("metrics server", () => {
  it("serves the registry in Prometheus text format on /stats/prometheus and /metrics", async () => {
    const metrics = createIstioMetrics();
    const server = await startMetricsServer({ registry: metrics.registry, port: 0 });
    try {
      for (const path of ["/stats/prometheus", "/metrics"]) {
        const res = await fetch(`${server.url}${path}`);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
        expect(await res.text()).toContain("# TYPE istio_requests_total counter");
      }
      expect((await fetch(`${server.url}/other`)).status).toBe(404);
      expect((await fetch(`${server.url}/metrics`, { method: "POST" })).status).toBe(405);
    } finally {
      await server.close();
    }
    expect(await canListen(server.port)).toBe(true);
  });
});

describe("startMeshSimulator", () => {
  it("waits for the source, generates traffic on its clock, serves it, and stop() frees timers and port", async () => {
    const source = createStaticMeshStateSource(meshStateFromObjects(seedObjects()));
    const clock = new FakeClock();
    const spans = new SpanStore();
    const logs = createPodLogBuffer();
    const sim = await startMeshSimulator({ source, spans, logs, clock, seed: 1, sampling: 1 });
    const port = Number(new URL(sim.metricsUrl).port);
    try {
      expect(sim.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/stats\/prometheus$/);
      expect(clock.activeTimers).toBe(1);
      clock.advance(2_000);
      const text = await (await fetch(sim.metricsUrl)).text();
      expect(text).toMatch(/istio_requests_total\{reporter="source",source_workload="istio-ingressgateway",/);
      expect(spans.services()).toContain("productpage.bookinfo");
      const pod = source.current().pods.find((p) => p.metadata.name.startsWith("productpage-v1"))!;
      expect(logs.lines("bookinfo", pod.metadata.name, "istio-proxy")!.length).toBeGreaterThan(6);
      expect(sim.registry.getSingleMetric("istio_requests_total")).toBeDefined();
    } finally {
      await sim.stop();
    }
    expect(clock.activeTimers).toBe(0);
    expect(await canListen(port)).toBe(true);
    await sim.stop();
  });

  it("rejects a sampling outside 0..1", async () => {
    const source = createStaticMeshStateSource(meshStateFromObjects([]));
    await expect(startMeshSimulator({ source, spans: new SpanStore(), logs: createPodLogBuffer(), sampling: 20 })).rejects.toThrow(RangeError);
  });
});
