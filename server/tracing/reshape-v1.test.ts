import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { v1Trace, v1TracesResponse } from "./v1-schema";
import { reshapeV1Span, reshapeV1Trace } from "./reshape-v1";

const ROOT = path.resolve(__dirname, "../..");
const json = (p: string): unknown => JSON.parse(readFileSync(path.join(ROOT, p), "utf8"));

/** Jaeger's own v1 fixture (`internal/uimodel/converter/v1/json/fixtures/ui_01.json`). */
const ui01 = v1Trace.parse(json("demo/jaeger/fixtures/v1/trace_ui_01.json"));
/** One Istio request, hand-written: see server/tracing/fixtures/README.md. */
const istio = v1TracesResponse.parse(json("server/tracing/fixtures/istio-trace.v1.json")).data![0]!;

describe("reshapeV1Trace on Jaeger's ui_01 fixture", () => {
  const t = reshapeV1Trace(ui01)!;
  const byId = new Map(t.spans.map((s) => [s.spanId, s]));

  it("normalises the 64-bit trace ID and keeps the trace's warnings", () => {
    expect(t.traceId).toBe("00000000000000000000000000000001");
    expect(t.warnings).toEqual(["some trace warning"]);
    expect(t.services).toEqual(["service-x", "service-y"]);
  });

  it("keeps 64-bit integer tags exact and reads every tag type", () => {
    const tags = byId.get("0000000000000002~2")!.tags;
    expect(tags).toEqual([
      { key: "blob", type: "binary", value: "AAAwOQ==" },
      { key: "javascript_limit", type: "int64", value: "9223372036854775222" },
      { key: "peer.ipv4", type: "int64", value: "23456" },
      { key: "peer.service", type: "string", value: "service-y" },
      { key: "temperature", type: "float64", value: 72.5 },
    ]);
    expect(BigInt((tags[1] as { value: string }).value)).toBe(9223372036854775222n);
  });

  it("folds the error tag into the error flag", () => {
    expect(byId.get("0000000000000002~2")!.error).toBe(true);
    expect(byId.get("0000000000000002")!.error).toBe(false);
  });

  it("renames the repeated span ID and attaches the second parentless span under the root", () => {
    expect(t.rootSpanId).toBe("0000000000000002");
    expect(t.spans.map((s) => [s.depth, s.spanId])).toEqual([
      [0, "0000000000000002"],
      [1, "0000000000000002~2"],
      [1, "0000000000000003"],
      [1, "0000000000000004"],
      [2, "0000000000000005"],
    ]);
    const dup = byId.get("0000000000000002~2")!;
    expect(dup.orphan).toEqual({ reason: "extra-root" });
    expect(dup.warnings).toEqual([
      "span ID 0000000000000002 appears more than once in the trace: shown as 0000000000000002~2",
      "a second span without a parent: attached under the root span",
    ]);
  });

  it("takes the first CHILD_OF within the trace as parent and keeps the other references as links", () => {
    const s = byId.get("0000000000000004")!;
    expect(s.parentId).toBe("0000000000000002");
    expect(s.links).toEqual([
      { traceId: "000000000000000000000000000000ff", spanId: "00000000000000ff", type: "childOf" },
      { traceId: "00000000000000000000000000000001", spanId: "0000000000000002", type: "followsFrom" },
    ]);
    expect(s.warnings).toEqual(["some span warning"]);
  });

  it("reads logs and processes", () => {
    const root = byId.get("0000000000000002")!;
    expect(root.logs).toEqual([
      { timestampUs: 1485467191639875, fields: [{ key: "event", type: "string", value: "some-event" }] },
      { timestampUs: 1485467191639875, fields: [{ key: "x", type: "string", value: "y" }] },
    ]);
    expect(root.process).toEqual({ service: "service-x", tags: [] });
    expect(root.kind).toBe("unspecified");
  });
});

describe("reshapeV1Trace on an Istio trace", () => {
  const t = reshapeV1Trace(istio)!;
  const byId = new Map(t.spans.map((s) => [s.spanId, s]));

  it("reads span kinds from span.kind and removes it from the tags", () => {
    expect(t.spans.map((s) => s.kind)).toEqual(["client", "server", "client", "server", "server"]);
    expect(t.spans.flatMap((s) => s.tags).some((x) => x.key === "span.kind" || x.key === "error")).toBe(false);
  });

  it("keeps an int64 tag of 2^53 + 1 exact", () => {
    expect(byId.get("a1b2c3d4e5f60003")!.tags.find((x) => x.key === "x-request-seq")).toEqual({ key: "x-request-seq", type: "int64", value: "9007199254740993" });
  });

  it("moves a server span that starts before its client span (another host's clock) into it", () => {
    const s = byId.get("a1b2c3d4e5f60004")!;
    // Client: +1000 µs for 40 ms; server: 38 ms from -2000 µs → centred at +2000 µs.
    expect(s.startUs - t.startUs).toBe(2_000);
    expect(s.skewUs).toBe(4_000);
    expect(s.logs[0]?.timestampUs).toBe(1_700_000_000_000_000 - 1_500 + 4_000);
    expect(s.warnings).toEqual(["clock skew: timestamps adjusted by +4ms to fit in the parent span"]);
    expect(s.error).toBe(true);
  });

  it("attaches the ratings span, whose parent is missing, under the root", () => {
    const s = byId.get("a1b2c3d4e5f60005")!;
    expect(s).toMatchObject({ parentId: "a1b2c3d4e5f60001", depth: 1, orphan: { reason: "missing-parent", missingParentId: "a1b2c3d4e5f6dead" } });
    expect(t.spans.map((x) => x.spanId)).toEqual(["a1b2c3d4e5f60001", "a1b2c3d4e5f60002", "a1b2c3d4e5f60003", "a1b2c3d4e5f60004", "a1b2c3d4e5f60005"]);
  });

  it("returns undefined for a trace without spans", () => {
    expect(reshapeV1Trace({ traceID: "", spans: [], processes: {}, warnings: null })).toBeUndefined();
  });
});

describe("reshapeV1Span edge cases", () => {
  const base = { traceID: "1", spanID: "a", operationName: "op", references: null, startTime: 10, duration: 5, logs: null, processID: "p1", warnings: null };

  it("warns about an int64 that arrived as an unsafe JSON number and a process it cannot find", () => {
    const s = reshapeV1Span({ ...base, tags: [{ key: "big", type: "int64", value: 2 ** 60 }, { key: "bad", type: "float64", value: "x" }] }, "1", {});
    expect(s.tags).toEqual([
      { key: "bad", type: "string", value: "x" },
      { key: "big", type: "int64", value: "1152921504606846976" },
    ]);
    expect(s.process).toEqual({ service: "unknown", tags: [] });
    expect(s.warnings).toEqual([
      "process p1 is not in the trace's processes",
      "tag big: int64 sent as a JSON number beyond 2^53, digits may be lost",
      'tag bad: unexpected float64 value "x", shown as a string',
    ]);
  });

  it("treats a Zipkin-style error message as an error and keeps it; otel.status_code=ERROR too", () => {
    const msg = reshapeV1Span({ ...base, tags: [{ key: "error", type: "string", value: "upstream timeout" }] }, "1", {});
    expect(msg.error).toBe(true);
    expect(msg.tags).toEqual([{ key: "error", type: "string", value: "upstream timeout" }]);
    const otel = reshapeV1Span({ ...base, tags: [{ key: "otel.status_code", type: "string", value: "ERROR" }] }, "1", {});
    expect(otel).toMatchObject({ error: true, tags: [] });
    const no = reshapeV1Span({ ...base, tags: [{ key: "error", type: "bool", value: false }] }, "1", {});
    expect(no).toMatchObject({ error: false, tags: [] });
  });

  it("uses a span's embedded process", () => {
    const s = reshapeV1Span({ ...base, processID: null, tags: null, process: { serviceName: "embedded", tags: null } }, "1", {});
    expect(s.service).toBe("embedded");
    expect(s.warnings).toEqual([]);
  });
});
