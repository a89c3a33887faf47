import { describe, expect, it } from "vitest";
import fixture from "./fixtures/v3/FindTraceSummaries.json";
import { inferShape, shapeMismatches } from "./json-shape";
import { bookinfoTrace, simSpan } from "./sample-spans";
import { toTraceSummary } from "./trace-summary";

function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe("toTraceSummary", () => {
  it("reproduces Jaeger's FindTraceSummaries snapshot for the same trace", () => {
    // The snapshot's trace: two `frontend` spans, one failed, from 1000 s to 1001 s.
    const traceId = "00000000000000000000000000000001";
    const root = simSpan({ traceId, serviceName: "frontend", operationName: "HTTP GET /", startTimeUs: 1_000_000_000, durationUs: 1_000_000 });
    const child = simSpan({ traceId, serviceName: "frontend", parentSpanId: root.spanId, startTimeUs: 1_000_100_000, durationUs: 10, error: true });
    expect(wire({ summaries: [toTraceSummary([root, child])] })).toEqual(fixture);
  });

  it("keeps the snapshot's structure for a Bookinfo trace, with an orphan count when a parent is missing", () => {
    const spans = bookinfoTrace("4bf92f3577b34da6a3ce929d0e0e4736").slice(1); // drop the gateway span
    const summary = toTraceSummary(spans);
    const shape = inferShape(fixture, {
      optionalKeys: { "$.summaries[]": { orphanSpanCount: "number" }, "$.summaries[].services[]": { errorSpanCount: "number" } },
    });
    expect(shapeMismatches(wire({ summaries: [summary] }), shape)).toEqual([]);
    expect(summary).toMatchObject({
      rootServiceName: "productpage.bookinfo",
      spanCount: 3,
      errorSpanCount: 2,
      orphanSpanCount: 1,
      services: [
        { name: "productpage.bookinfo", spanCount: 2, errorSpanCount: 1 },
        { name: "reviews.bookinfo", spanCount: 1, errorSpanCount: 1 },
      ],
    });
  });

  it("leaves zero counts out, as proto3 JSON does", () => {
    const ok = wire(toTraceSummary([simSpan({ traceId: "00000000000000000000000000000002" })])) as Record<string, unknown>;
    expect(Object.keys(ok)).not.toContain("errorSpanCount");
    expect(Object.keys(ok)).not.toContain("orphanSpanCount");
    expect(ok.spanCount).toBe(1);
  });
});
