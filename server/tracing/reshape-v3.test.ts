import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reshapeOtlpAttribute, reshapeOtlpKind, reshapeOtlpTraces, nanosToMicros } from "./reshape-v3";
import { reshapeV1Trace } from "./reshape-v1";
import { v1TracesResponse } from "./v1-schema";
import { v3TracesResponse } from "./v3-schema";

const ROOT = path.resolve(__dirname, "../..");
const json = (p: string): unknown => JSON.parse(readFileSync(path.join(ROOT, p), "utf8"));

describe("reshapeOtlpTraces on Jaeger's v3 snapshots", () => {
  it.each(["GetTrace", "FindTraces"])("reads %s.json", (name) => {
    const [t, ...more] = reshapeOtlpTraces(v3TracesResponse.parse(json(`demo/jaeger/fixtures/v3/${name}.json`)).result);
    expect(more).toEqual([]);
    expect(t).toMatchObject({ traceId: "00000000000000000000000000000001", rootSpanId: "0000000000000002", services: ["unknown"] });
    expect(t?.spans).toEqual([
      {
        spanId: "0000000000000002",
        depth: 0,
        service: "unknown",
        operation: "foobar",
        kind: "server",
        startUs: 0,
        durationUs: 0,
        error: true,
        tags: [],
        logs: [],
        process: { service: "unknown", tags: [] },
        links: [],
        warnings: [],
      },
    ]);
  });
});

describe("the same Istio trace from both APIs", () => {
  const v1 = reshapeV1Trace(v1TracesResponse.parse(json("server/tracing/fixtures/istio-trace.v1.json")).data![0]!)!;
  const [v3] = reshapeOtlpTraces(v3TracesResponse.parse(json("server/tracing/fixtures/istio-trace.v3.json")).result);

  it("gives identical domain traces", () => {
    expect(v3).toEqual(v1);
  });

  it("keeps the int64 of 2^53 + 1, corrects the skew and attaches the orphan, from OTLP too", () => {
    const byId = new Map(v3!.spans.map((s) => [s.spanId, s]));
    expect(byId.get("a1b2c3d4e5f60003")?.tags.find((t) => t.key === "x-request-seq")?.value).toBe("9007199254740993");
    expect(byId.get("a1b2c3d4e5f60004")).toMatchObject({ skewUs: 4_000, error: true, kind: "server" });
    expect(byId.get("a1b2c3d4e5f60004")?.logs).toEqual([
      { timestampUs: 1_700_000_000_002_500, fields: [{ key: "event", type: "string", value: "retry" }, { key: "attempt", type: "int64", value: "2" }] },
    ]);
    expect(byId.get("a1b2c3d4e5f60005")?.orphan).toEqual({ reason: "missing-parent", missingParentId: "a1b2c3d4e5f6dead" });
    expect(v3!.spans[0]?.process).toEqual({
      service: "istio-ingressgateway.istio-system",
      tags: [
        { key: "hostname", type: "string", value: "istio-ingressgateway-5c8f5b7f9-abcde" },
        { key: "ip", type: "string", value: "10.244.0.2" },
        { key: "istio.version", type: "string", value: "1.24.2" },
      ],
    });
  });
});

describe("OTLP details", () => {
  it("reads every attribute kind, integers exactly", () => {
    const w: string[] = [];
    expect(reshapeOtlpAttribute({ key: "i", value: { intValue: "18446744073709551615" } }, w)).toEqual({ key: "i", type: "int64", value: "18446744073709551615" });
    expect(reshapeOtlpAttribute({ key: "n", value: { intValue: 7 } }, w)).toEqual({ key: "n", type: "int64", value: "7" });
    expect(reshapeOtlpAttribute({ key: "d", value: { doubleValue: "NaN" } }, w)).toEqual({ key: "d", type: "float64", value: "NaN" });
    expect(reshapeOtlpAttribute({ key: "b", value: { bytesValue: "AAAwOQ==" } }, w)).toEqual({ key: "b", type: "binary", value: "AAAwOQ==" });
    expect(reshapeOtlpAttribute({ key: "a", value: { arrayValue: { values: [{ stringValue: "x" }, { intValue: "1" }] } } }, w)).toEqual({ key: "a", type: "string", value: '["x","1"]' });
    expect(reshapeOtlpAttribute({ key: "m", value: { kvlistValue: { values: [{ key: "k", value: { boolValue: true } }] } } }, w)).toEqual({ key: "m", type: "string", value: '{"k":true}' });
    expect(reshapeOtlpAttribute({ key: "e", value: {} }, w)).toEqual({ key: "e", type: "string", value: "" });
    expect(w).toEqual([]);
    reshapeOtlpAttribute({ key: "big", value: { intValue: 2 ** 60 } }, w);
    expect(w).toEqual(["tag big: int64 sent as a JSON number beyond 2^53, digits may be lost"]);
  });

  it("reads kinds as numbers or enum names, and nanosecond times exactly", () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(reshapeOtlpKind)).toEqual(["unspecified", "internal", "server", "client", "producer", "consumer", "unspecified"]);
    expect(reshapeOtlpKind("SPAN_KIND_CLIENT")).toBe("client");
    expect(nanosToMicros("1700000000000001999")).toBe(1_700_000_000_000_001);
  });

  it("reads base64 IDs, Jaeger's warnings, the scope, the status message and links", () => {
    const [t] = reshapeOtlpTraces({
      resourceSpans: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "svc" } }] },
          scopeSpans: [
            {
              scope: { name: "envoy", version: "1.32" },
              spans: [
                {
                  traceId: "AAAAAAAAAAAAAAAAAAAAAQ==",
                  spanId: "AAAAAAAAAAI=",
                  name: "op",
                  kind: "SPAN_KIND_SERVER",
                  startTimeUnixNano: "1000000",
                  endTimeUnixNano: "3000000",
                  attributes: [
                    { key: "@jaeger@warnings", value: { arrayValue: { values: [{ stringValue: "clock skew adjusted" }] } } },
                    { key: "@jaeger@format", value: { stringValue: "proto" } },
                  ],
                  links: [{ traceId: "00000000000000000000000000000009", spanId: "0000000000000009", attributes: [{ key: "opentracing.ref_type", value: { stringValue: "follows_from" } }] }],
                  status: { code: "STATUS_CODE_ERROR", message: "boom" },
                },
              ],
            },
          ],
        },
      ],
    });
    expect(t).toMatchObject({ traceId: "00000000000000000000000000000001", startUs: 1_000, durationUs: 2_000 });
    expect(t?.spans[0]).toMatchObject({
      spanId: "0000000000000002",
      kind: "server",
      error: true,
      warnings: ["clock skew adjusted"],
      links: [{ traceId: "00000000000000000000000000000009", spanId: "0000000000000009", type: "followsFrom" }],
      tags: [
        { key: "otel.scope.name", type: "string", value: "envoy" },
        { key: "otel.scope.version", type: "string", value: "1.32" },
        { key: "otel.status_description", type: "string", value: "boom" },
      ],
    });
  });

  it("groups spans of several traces spread over resources", () => {
    const span = (traceId: string, spanId: string, parentSpanId?: string) => ({ traceId, spanId, parentSpanId, name: "op", startTimeUnixNano: "1000", endTimeUnixNano: "2000" });
    const a = "0".repeat(31) + "a";
    const b = "0".repeat(31) + "b";
    const traces = reshapeOtlpTraces({
      resourceSpans: [
        { resource: { attributes: [{ key: "service.name", value: { stringValue: "x" } }] }, scopeSpans: [{ spans: [span(a, "0000000000000001"), span(b, "0000000000000003")] }] },
        { resource: { attributes: [{ key: "service.name", value: { stringValue: "y" } }] }, scopeSpans: [{ spans: [span(a, "0000000000000002", "0000000000000001")] }] },
      ],
    });
    expect(traces.map((t) => [t.traceId, t.services])).toEqual([
      [a, ["x", "y"]],
      [b, ["x"]],
    ]);
  });
});
