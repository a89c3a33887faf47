import { describe, expect, it } from "vitest";
import type { SimSpan } from "../../tracing/span-store";
import { seedObjects } from "../topology/seed";
import { createHarness } from "../testing/harness";
import { FROM_CLIENT, miniMesh } from "../testing/mini-mesh";

const GATEWAY = { namespace: "istio-system", workload: "istio-ingressgateway" };

function byId(spans: SimSpan[]): Map<string, SimSpan> {
  return new Map(spans.map((s) => [s.spanId, s]));
}

describe("spans", () => {
  it("records a client and a server span per proxy hop, parented and nested in time", () => {
    const h = createHarness(seedObjects(), { seed: 3 });
    const r = h.sim.send({ from: GATEWAY, host: "bookinfo.example.com", port: 80, path: "/productpage", headers: { "end-user": "jason" }, sampled: true });
    expect(r?.status).toBe(200);
    const spans = h.spans.getTrace(r!.traceId)!;
    // gateway→productpage, productpage→details, productpage→reviews(v2 for jason), reviews→ratings: 4 hops.
    expect(spans).toHaveLength(8);
    const ids = byId(spans);
    const roots = spans.filter((s) => !s.parentSpanId);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ kind: "client", serviceName: "istio-ingressgateway.istio-system", operationName: "productpage.bookinfo.svc.cluster.local:9080/*" });
    for (const s of spans) {
      expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(s.traceId).toBe(r!.traceId);
      if (!s.parentSpanId) continue;
      const parent = ids.get(s.parentSpanId)!;
      expect(parent).toBeDefined();
      // A server span's parent is the caller proxy's client span; a client span's parent is the server span of the request being handled.
      expect(parent.kind).toBe(s.kind === "server" ? "client" : "server");
      expect(s.startTimeUs).toBeGreaterThanOrEqual(parent.startTimeUs);
      expect(s.startTimeUs + s.durationUs).toBeLessThanOrEqual(parent.startTimeUs + parent.durationUs);
      if (s.kind === "server") {
        expect(s.operationName).toBe(parent.operationName);
        // Network delay between the client and the server proxy.
        expect(s.startTimeUs).toBeGreaterThan(parent.startTimeUs);
      }
    }
    const reviewsServer = spans.find((s) => s.kind === "server" && s.serviceName === "reviews.bookinfo")!;
    expect(reviewsServer.tags).toMatchObject({
      "istio.canonical_service": "reviews",
      "istio.canonical_revision": "v2",
      "istio.namespace": "bookinfo",
      "istio.mesh_id": "cluster.local",
      "http.method": "GET",
      "http.url": "http://reviews:9080/reviews/0",
      "http.status_code": "200",
      "http.protocol": "HTTP/1.1",
      response_flags: "-",
      upstream_cluster: "inbound|9080||",
      component: "proxy",
    });
    const reviewsClient = ids.get(reviewsServer.parentSpanId!)!;
    expect(reviewsClient.tags.upstream_cluster).toBe("outbound|9080|v2|reviews.bookinfo.svc.cluster.local");
    expect(String(reviewsClient.tags.node_id)).toMatch(/^sidecar~10\.244\.\d+\.\d+~productpage-v1-[a-z0-9]+-[a-z0-9]+\.bookinfo~bookinfo\.svc\.cluster\.local$/);
    expect(new Set(spans.map((s) => s.tags["guid:x-request-id"])).size).toBe(1);
    expect(roots[0]!.startTimeUs + roots[0]!.durationUs).toBe(h.clock.now() * 1000);
  });

  it("marks failed hops with error and their status", () => {
    const h = createHarness(miniMesh({ serverProfile: { errors: { ratio: 1, code: 500 } } }));
    const r = h.sim.send({ from: FROM_CLIENT, host: "server", port: 8080, sampled: true });
    const spans = h.spans.getTrace(r!.traceId)!;
    expect(spans.map((s) => [s.kind, s.error, s.tags["http.status_code"]])).toEqual(
      expect.arrayContaining([
        ["client", true, "500"],
        ["server", true, "500"],
      ]),
    );
  });

  it("samples the configured share of root requests, and none at 0", () => {
    const h = createHarness(miniMesh(), { sampling: 0.2 });
    for (let i = 0; i < 1000; i++) h.sim.send({ from: FROM_CLIENT, host: "server", port: 8080 });
    expect(h.spans.size).toBeGreaterThan(160);
    expect(h.spans.size).toBeLessThan(240);
    const none = createHarness(miniMesh(), { sampling: 0 });
    for (let i = 0; i < 100; i++) none.sim.send({ from: FROM_CLIENT, host: "server", port: 8080 });
    expect(none.spans.size).toBe(0);
  });

  it("a caller without sidecar yields a root server span", () => {
    const h = createHarness(miniMesh());
    const r = h.sim.send({ from: "external", host: "server.app", port: 8080, sampled: true });
    const spans = h.spans.getTrace(r!.traceId)!;
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ kind: "server", serviceName: "server.app" });
    expect(spans[0]!.parentSpanId).toBeUndefined();
  });
});
