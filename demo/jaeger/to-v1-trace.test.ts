import { describe, expect, it } from "vitest";
import fixture from "./fixtures/v1/trace_ui_01.json";
import { inferShape, shapeMismatches, uncoveredPaths } from "./json-shape";
import { bookinfoTrace, simSpan, T0_US } from "./sample-spans";
import { toV1KeyValue, toV1Trace } from "./to-v1-trace";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

/** What goes over the wire: the converter's output through JSON. */
function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

const shape = inferShape(fixture, {
  mapPaths: ["$.processes"],
  // `flags` is `omitempty` in Jaeger's uimodel.Span; the fixture's spans have flags = 0.
  optionalKeys: { "$.spans[]": { flags: "number" } },
  // The fixture's processes have no tags; theirs are KeyValues like span tags.
  sameAs: { "$.processes.*.tags": "$.spans[].tags" },
  // A trace without warnings has a nil slice, written as null (as the fixture's spans show).
  extraTypes: { "$.warnings": ["null"] },
});

describe("toV1Trace against Jaeger's ui_01.json fixture", () => {
  const trace = wire(toV1Trace(bookinfoTrace(TRACE_ID)));

  it("has the fixture's structure: same keys per object, same JSON types per key", () => {
    expect(shapeMismatches(trace, shape)).toEqual([]);
  });

  it("reaches every part of the fixture except span logs and reference kinds the simulator has no use for", () => {
    expect(uncoveredPaths(trace, shape).sort()).toEqual([
      "$.spans[].logs[]",
      "$.spans[].logs[].fields",
      "$.spans[].logs[].fields[]",
      "$.spans[].logs[].fields[].key",
      "$.spans[].logs[].fields[].type",
      "$.spans[].logs[].fields[].value",
      "$.spans[].logs[].timestamp",
      "$.spans[].warnings[]",
      "$.warnings[]",
    ]);
  });

  it("uses exactly the fixture's key sets for trace, span, reference, tag and process", () => {
    const t = trace as typeof fixture;
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(t)).toEqual(keys(fixture));
    const { flags: _flags, ...spanWithoutFlags } = t.spans[1] as (typeof fixture.spans)[number] & { flags?: number };
    expect(keys(spanWithoutFlags)).toEqual(keys(fixture.spans[0]!));
    expect(keys(t.spans[1]!.references[0]!)).toEqual(keys(fixture.spans[2]!.references[0]!));
    expect(keys(t.spans[0]!.tags[0]!)).toEqual(keys(fixture.spans[1]!.tags[0]!));
    expect(keys(t.processes.p1!)).toEqual(keys(fixture.processes.p1));
  });
});

describe("toV1Trace values", () => {
  const spans = bookinfoTrace(TRACE_ID);
  const trace = toV1Trace(spans);

  it("keeps IDs as hex and times as microseconds", () => {
    expect(trace.traceID).toBe(TRACE_ID);
    expect(trace.spans.map((s) => s.spanID)).toEqual(spans.map((s) => s.spanId));
    expect(trace.spans[1]).toMatchObject({ startTime: T0_US + 500, duration: 55_000, flags: 1, logs: [], warnings: null });
    expect(trace.warnings).toBeNull();
  });

  it("turns parents into CHILD_OF references", () => {
    expect(trace.spans[0]!.references).toEqual([]);
    expect(trace.spans[3]!.references).toEqual([{ refType: "CHILD_OF", traceID: TRACE_ID, spanID: spans[2]!.spanId }]);
  });

  it("numbers processes p1.. by first appearance and shares them between spans of one process", () => {
    expect(trace.spans.map((s) => s.processID)).toEqual(["p1", "p2", "p2", "p3"]);
    expect(trace.processes.p3).toEqual({
      serviceName: "reviews.bookinfo",
      tags: [
        { key: "hostname", type: "string", value: "reviews-v2-7bf8c9648f-x2x2x" },
        { key: "ip", type: "string", value: "10.1.0.22" },
      ],
    });
  });

  it("types tags, adds span.kind and error=true, and sorts them by key", () => {
    expect(trace.spans[2]!.tags).toEqual([
      { key: "error", type: "bool", value: true },
      { key: "http.method", type: "string", value: "GET" },
      { key: "http.status_code", type: "int64", value: 503 },
      { key: "request.ratio", type: "float64", value: 0.25 },
      { key: "response_size", type: "int64", value: 95 },
      { key: "retried", type: "bool", value: true },
      { key: "span.kind", type: "string", value: "client" },
    ]);
    expect(trace.spans[1]!.tags.find((t) => t.key === "error")).toBeUndefined();
  });

  it("writes integers beyond 2^53 as decimal strings, like Jaeger's javascript_limit case", () => {
    expect(toV1KeyValue("big", 2 ** 60)).toEqual({ key: "big", type: "int64", value: "1152921504606846976" });
  });

  it("prints 64-bit trace IDs with 16 digits, as TraceID.String() does", () => {
    const short = toV1Trace([simSpan({ traceId: "0000000000000000000000000000abcd" })]);
    expect(short.traceID).toBe("000000000000abcd");
    expect(short.spans[0]!.traceID).toBe("000000000000abcd");
  });

  it("gives an empty trace for no spans", () => {
    expect(toV1Trace([])).toEqual({ traceID: "", spans: [], processes: {}, warnings: null });
  });
});
