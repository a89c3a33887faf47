import { describe, expect, inject, it } from "vitest";
import { traceHops } from "@/lib/tracing/graph-hops";
import type { TraceQuery } from "@/lib/tracing/search-params";
import { eventually } from "@/test/demo-env";
import { TraceNotFoundError } from "./errors";
import { jaegerAdapterFor, resetJaegerApiDetection, resolveJaegerApi } from "./jaeger-client";
import { searchTraces } from "./traces";

const demo = inject("demo");
const v1 = jaegerAdapterFor("v1", demo.jaegerUrl);
const v3 = jaegerAdapterFor("v3", demo.jaegerUrl);

const lastMinutes = (service: string, limit = 20): TraceQuery => {
  const now = Date.now() * 1_000;
  return { service, tags: {}, limit, startUs: now - 10 * 60e6, endUs: now + 1e6 };
};

/**
 * A trace of the demo's traffic that entered through the ingress gateway and went through reviews to
 * ratings (reviews v2/v3 call ratings). Some Bookinfo traffic comes from clients outside the mesh
 * straight to productpage: those traces have no gateway span, so they are skipped here.
 */
async function traceThroughRatings() {
  return eventually(async () => {
    const traces = await v3.findTraces(lastMinutes("productpage.bookinfo", 50));
    return traces.find(
      (t) => t.services.includes("istio-ingressgateway.istio-system") && t.services.includes("ratings.bookinfo") && t.services.includes("reviews.bookinfo"),
    );
  }, 60_000);
}

describe("Jaeger's query APIs on the demo mesh", () => {
  it("detects the v3 API (the demo serves both)", async () => {
    resetJaegerApiDetection();
    expect(await resolveJaegerApi(demo.jaegerUrl)).toBe("v3");
  });

  it("gives the same domain trace for the same ID through v1 and v3", async () => {
    const found = await traceThroughRatings();
    // Spans of a request are recorded together; ask both APIs back to back.
    const [a, b] = await Promise.all([v1.getTrace(found.traceId), v3.getTrace(found.traceId)]);
    expect(a.spans.length).toBeGreaterThanOrEqual(6);
    expect(b).toEqual(a);
    expect(a.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(a.spans.every((s) => s.kind === "client" || s.kind === "server")).toBe(true);
    expect(a.spans[0]).toMatchObject({ depth: 0, kind: "client", service: "istio-ingressgateway.istio-system" });
    expect(a.spans.every((s) => !s.orphan)).toBe(true);
  });

  it("finds the same traces through v1 and v3", async () => {
    // Only traces that ended over 2 s ago, so that both APIs see the same set; wait until there are some.
    const [a, b] = await eventually(async () => {
      const q = lastMinutes("reviews.bookinfo", 10);
      q.endUs = Date.now() * 1_000 - 2e6;
      const found = await Promise.all([v1.findTraces(q), v3.findTraces(q)]);
      return found[0].length > 0 ? found : undefined;
    }, 30_000);
    expect(a.length).toBeGreaterThan(0);
    expect(b.map((t) => t.traceId).sort()).toEqual(a.map((t) => t.traceId).sort());
    const byId = new Map(b.map((t) => [t.traceId, t]));
    for (const t of a) expect(byId.get(t.traceId)).toEqual(t);
  });

  it("lists the same services and operation names through both", async () => {
    const [s1, s3] = await Promise.all([v1.services(), v3.services()]);
    expect(s3).toEqual(s1);
    expect(s1).toEqual(expect.arrayContaining(["productpage.bookinfo", "reviews.bookinfo", "ratings.bookinfo"]));
    const [o1, o3] = await Promise.all([v1.operations("reviews.bookinfo"), v3.operations("reviews.bookinfo")]);
    expect([...new Set(o3.map((o) => o.name))]).toEqual(o1.map((o) => o.name));
    expect(o3.some((o) => o.spanKind === "server")).toBe(true);
  });

  it("filters by tag and duration", async () => {
    const q = { ...lastMinutes("productpage.bookinfo", 10), tags: { "http.method": "GET" }, minDurationUs: 1 };
    const traces = await v1.findTraces(q);
    expect(traces.length).toBeGreaterThan(0);
    expect(await v3.findTraces({ ...q, tags: { "http.method": "NO-SUCH-METHOD" } })).toEqual([]);
    expect(await v1.findTraces({ ...q, tags: { "http.method": "NO-SUCH-METHOD" } })).toEqual([]);
  });

  it("says a trace is not found through both", async () => {
    const missing = "0123456789abcdef0123456789abcdef";
    await expect(v1.getTrace(missing)).rejects.toBeInstanceOf(TraceNotFoundError);
    await expect(v3.getTrace(missing)).rejects.toBeInstanceOf(TraceNotFoundError);
  });

  it("searches through the configured Jaeger and summarises newest first", async () => {
    const res = await searchTraces({ service: "productpage.bookinfo", tags: {}, limit: 5, window: "5m" });
    expect(res.api).toBe("v3");
    expect(res.traces.length).toBeGreaterThan(0);
    expect(res.traces.length).toBeLessThanOrEqual(5);
    const starts = res.traces.map((t) => t.startUs);
    expect([...starts].sort((x, y) => y - x)).toEqual(starts);
    expect(res.traces[0]?.services.map((s) => s.name)).toContain("productpage.bookinfo");
  });

  it("turns a demo trace into graph hops from the mesh's entry to ratings", async () => {
    const hops = traceHops(await v3.getTrace((await traceThroughRatings()).traceId));
    const names = hops.map((h) => `${h.source?.workload ?? "?"}->${h.destination.workload ?? h.destination.service}`);
    expect(names[0]).toBe("istio-ingressgateway->productpage-v1");
    expect(names).toEqual(expect.arrayContaining([expect.stringMatching(/^productpage-v1->reviews-v[23]$/), expect.stringMatching(/^reviews-v[23]->ratings-v1$/)]));
    expect(hops.every((h) => h.source === null || h.source.namespace)).toBe(true);
  });
});
