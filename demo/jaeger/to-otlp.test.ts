import { describe, expect, it } from "vitest";
import findTracesFixture from "./fixtures/v3/FindTraces.json";
import getTraceFixture from "./fixtures/v3/GetTrace.json";
import { inferShape, shapeMismatches, uncoveredPaths } from "./json-shape";
import { OTLP_SHAPE_OPTIONS } from "./otlp-shape-options";
import { bookinfoTrace, simSpan, T0_US } from "./sample-spans";
import { toOtlpAnyValue, toOtlpTracesData } from "./to-otlp";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe.each([
  ["GetTrace.json", getTraceFixture],
  ["FindTraces.json", findTracesFixture],
])("toOtlpTracesData against Jaeger's %s snapshot", (_name, fixture) => {
  const shape = inferShape(fixture, OTLP_SHAPE_OPTIONS);

  it("answers one server span with an error exactly with the fixture's keys plus the zero-omitted ones", () => {
    const span = simSpan({ traceId: "00000000000000000000000000000001", spanId: "0000000000000002", operationName: "foobar", tags: {}, processTags: {}, error: true });
    const body = wire({ result: toOtlpTracesData([[span]]) }) as typeof fixture;
    const got = body.result.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    const want = fixture.result.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(got).toEqual({ ...want, startTimeUnixNano: `${T0_US}000`, endTimeUnixNano: `${T0_US + 12_000}000` });
    expect(body.result.resourceSpans[0]!.scopeSpans[0]!.scope).toEqual({});
  });

  it("keeps the fixture's structure for a whole Bookinfo trace (attributes and parents included)", () => {
    const body = wire({ result: toOtlpTracesData([bookinfoTrace(TRACE_ID)]) });
    expect(shapeMismatches(body, shape)).toEqual([]);
    expect(uncoveredPaths(body, shape)).toEqual([]);
  });
});

describe("toOtlpTracesData values", () => {
  const spans = bookinfoTrace(TRACE_ID);
  const data = toOtlpTracesData([spans]);

  it("groups spans by process into resource spans carrying service.name and the process tags", () => {
    expect(data.resourceSpans).toHaveLength(3);
    expect(data.resourceSpans[1]!.resource.attributes).toEqual([
      { key: "service.name", value: { stringValue: "productpage.bookinfo" } },
      { key: "hostname", value: { stringValue: "productpage-v1-6b746f74dc-9stvs" } },
      { key: "ip", value: { stringValue: "10.1.0.12" } },
    ]);
    expect(data.resourceSpans[1]!.scopeSpans[0]!.spans.map((s) => s.spanId)).toEqual([spans[1]!.spanId, spans[2]!.spanId]);
  });

  it("maps kinds to the OTLP enum, errors to STATUS_CODE_ERROR and times to nanosecond strings", () => {
    const [client, server] = [data.resourceSpans[1]!.scopeSpans[0]!.spans[1]!, data.resourceSpans[2]!.scopeSpans[0]!.spans[0]!];
    expect(client).toMatchObject({ kind: 3, status: { code: 2 }, parentSpanId: spans[1]!.spanId, traceId: TRACE_ID });
    expect(server).toMatchObject({ kind: 2, status: { code: 2 }, startTimeUnixNano: "1700000000001500000", endTimeUnixNano: "1700000000041500000" });
    const ok = data.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    expect(ok.status).toEqual({});
    expect(ok.parentSpanId).toBeUndefined();
  });

  it("writes attributes as AnyValues: ints as strings, doubles, bools, strings", () => {
    const client = data.resourceSpans[1]!.scopeSpans[0]!.spans[1]!;
    expect(client.attributes).toEqual([
      { key: "http.method", value: { stringValue: "GET" } },
      { key: "http.status_code", value: { intValue: "503" } },
      { key: "response_size", value: { intValue: "95" } },
      { key: "request.ratio", value: { doubleValue: 0.25 } },
      { key: "retried", value: { boolValue: true } },
    ]);
    expect(toOtlpAnyValue(2 ** 60)).toEqual({ intValue: "1152921504606846976" });
  });

  it("concatenates the resource spans of several traces", () => {
    const two = toOtlpTracesData([spans, bookinfoTrace("11111111111111111111111111111111")]);
    expect(two.resourceSpans).toHaveLength(6);
    expect(two.resourceSpans[5]!.scopeSpans[0]!.spans[0]!.traceId).toBe("11111111111111111111111111111111");
  });
});
