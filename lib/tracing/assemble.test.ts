import { describe, expect, it } from "vitest";
import { assembleTrace } from "./assemble";
import { hostKey, skewDelta } from "./clock-skew";
import { proc, raw, T0, traceOf } from "./test-spans";

const ids = (t: ReturnType<typeof traceOf>) => t.spans.map((s) => `${"  ".repeat(s.depth)}${s.spanId}`);

describe("assembleTrace: tree", () => {
  it("orders spans depth first, children by start time, with their depth", () => {
    const t = traceOf([raw("c2", "a", 50, 10), raw("a", undefined, 0, 100), raw("b1", "c1", 15, 5), raw("c1", "a", 10, 30)]);
    expect(ids(t)).toEqual(["a", "  c1", "    b1", "  c2"]);
    expect(t.rootSpanId).toBe("a");
    expect(t.startUs).toBe(T0);
    expect(t.durationUs).toBe(100);
    expect(t.spans.find((s) => s.spanId === "a")?.parentId).toBeUndefined();
  });

  it("attaches a span whose parent is missing under the root, with a warning, keeping its children", () => {
    const t = traceOf([raw("root", undefined, 0, 100), raw("orphan", "gone", 10, 20), raw("kid", "orphan", 12, 5)]);
    const orphan = t.spans.find((s) => s.spanId === "orphan")!;
    expect(orphan.parentId).toBe("root");
    expect(orphan.orphan).toEqual({ reason: "missing-parent", missingParentId: "gone" });
    expect(orphan.warnings).toContain("parent span gone is not in the trace: attached under the root span");
    expect(ids(t)).toEqual(["root", "  orphan", "    kid"]);
    expect(t.spans.find((s) => s.spanId === "kid")?.orphan).toBeUndefined();
  });

  it("makes the earliest span with a missing parent the root when the real root never arrived", () => {
    const t = traceOf([raw("b", "lost", 20, 10), raw("a", "lost", 5, 50), raw("c", "a", 6, 3)]);
    expect(t.rootSpanId).toBe("a");
    const root = t.spans[0]!;
    expect(root.parentId).toBeUndefined();
    expect(root.orphan).toEqual({ reason: "missing-parent", missingParentId: "lost" });
    expect(root.warnings[0]).toMatch(/parent span lost is not in the trace: shown as the root/);
    expect(t.spans.find((s) => s.spanId === "b")?.parentId).toBe("a");
  });

  it("keeps one root: a second parentless span goes under the earliest", () => {
    const t = traceOf([raw("late", undefined, 30, 10), raw("early", undefined, 0, 100)]);
    expect(t.rootSpanId).toBe("early");
    expect(t.spans[1]).toMatchObject({ spanId: "late", parentId: "early", orphan: { reason: "extra-root" } });
  });

  it("breaks a parent cycle instead of losing the spans in it", () => {
    const t = traceOf([raw("root", undefined, 0, 100), raw("x", "y", 10, 10), raw("y", "x", 12, 5)]);
    expect(t.spans).toHaveLength(3);
    expect(ids(t)).toEqual(["root", "  x", "    y"]);
    expect(t.spans[1]?.orphan?.reason).toBe("cycle");
  });

  it("renames repeated span IDs; a Zipkin shared server span becomes the client's child", () => {
    const t = traceOf([
      raw("a", undefined, 0, 100, { kind: "client" }),
      raw("a", undefined, 5, 80, { kind: "server", service: "reviews.bookinfo" }),
      raw("b", undefined, 90, 1),
      raw("b", "a", 95, 1),
    ]);
    expect(ids(t)).toEqual(["a", "  a~2", "  b", "  b~2"]);
    expect(t.spans[1]?.warnings[0]).toMatch(/shared with its client span/);
    expect(t.spans.find((s) => s.spanId === "b~2")?.warnings[0]).toMatch(/appears more than once/);
  });

  it("lists services in order of appearance and keeps trace warnings", () => {
    const t = assembleTrace("t", [raw("a", undefined, 0, 10), raw("b", "a", 1, 2, { service: "reviews.bookinfo" })], ["late spans"]);
    expect(t.services).toEqual(["productpage.bookinfo", "reviews.bookinfo"]);
    expect(t.warnings).toEqual(["late spans"]);
  });

  it("refuses an empty trace", () => {
    expect(() => assembleTrace("t", [])).toThrow(/no spans/);
  });
});

describe("assembleTrace: clock skew", () => {
  const client = (start: number, dur: number) => raw("client", undefined, start, dur, { kind: "client", process: proc("productpage.bookinfo", "10.0.0.1") });
  const server = (start: number, dur: number, ip = "10.0.0.2") =>
    raw("server", "client", start, dur, { process: proc("reviews.bookinfo", ip), logs: [{ timestampUs: T0 + start + 1, fields: [] }] });

  it("centres a child from another host that starts before its parent, moving its logs and same-host children", () => {
    const t = traceOf([client(0, 100), server(-30, 60), raw("inner", "server", -25, 10, { process: proc("reviews.bookinfo", "10.0.0.2") })]);
    const s = t.spans.find((x) => x.spanId === "server")!;
    // (100 - 60) / 2 = 20 µs of latency each way: the child now starts 20 µs in.
    expect(s.startUs).toBe(T0 + 20);
    expect(s.skewUs).toBe(50);
    expect(s.logs[0]?.timestampUs).toBe(T0 + 21);
    expect(s.warnings).toEqual(["clock skew: timestamps adjusted by +50µs to fit in the parent span"]);
    const inner = t.spans.find((x) => x.spanId === "inner")!;
    expect(inner.startUs).toBe(T0 + 25);
    expect(inner.skewUs).toBe(50);
    expect(t.startUs).toBe(T0);
  });

  it("moves a child that ends after its parent back inside it", () => {
    const t = traceOf([client(0, 100), server(70, 50)]);
    expect(t.spans[1]?.startUs).toBe(T0 + 25);
    expect(t.spans[1]?.skewUs).toBe(-45);
  });

  it("leaves a child that fits alone", () => {
    const t = traceOf([client(0, 100), server(10, 50)]);
    expect(t.spans[1]?.startUs).toBe(T0 + 10);
    expect(t.spans[1]?.skewUs).toBeUndefined();
    expect(t.spans[1]?.warnings).toEqual([]);
  });

  it("only aligns the start of a child longer than its parent, and flags its overflow", () => {
    const t = traceOf([client(0, 100), server(-10, 150)]);
    expect(t.spans[1]?.startUs).toBe(T0);
    expect(t.spans[1]?.warnings).toEqual(["clock skew: timestamps adjusted by +10µs to fit in the parent span", "ends 50µs after its parent"]);
  });

  it("flags, without moving, a child on the same host (same clock) that starts early", () => {
    const t = traceOf([client(0, 100), server(-30, 60, "10.0.0.1")]);
    expect(t.spans[1]?.startUs).toBe(T0 - 30);
    expect(t.spans[1]?.skewUs).toBeUndefined();
    expect(t.spans[1]?.warnings).toEqual(["clock skew: starts 30µs before its parent"]);
    expect(t.startUs).toBe(T0 - 30);
  });

  it("does not pull orphans into the root they were attached under", () => {
    const t = traceOf([client(0, 100), raw("o", "gone", 500, 10, { process: proc("x", "10.9.9.9") })]);
    expect(t.spans[1]?.startUs).toBe(T0 + 500);
    expect(t.spans[1]?.skewUs).toBeUndefined();
  });

  it("reorders siblings by their corrected start", () => {
    const t = traceOf([client(0, 100), raw("b", "client", 40, 10, { process: proc("b", "h2") }), raw("a", "client", -200, 10, { process: proc("a", "h3") })]);
    // `a` is moved to the middle (45 µs), after `b`.
    expect(t.spans.map((s) => s.spanId)).toEqual(["client", "b", "a"]);
  });
});

describe("clock-skew helpers", () => {
  it("computes Jaeger's delta", () => {
    expect(skewDelta({ startUs: 10, durationUs: 10 }, { startUs: 0, durationUs: 100 })).toBe(0);
    expect(skewDelta({ startUs: -50, durationUs: 10 }, { startUs: 0, durationUs: 100 })).toBe(95);
    expect(skewDelta({ startUs: 5, durationUs: 200 }, { startUs: 0, durationUs: 100 })).toBe(0);
  });

  it("reads the host from ip (string or packed int64), else hostname", () => {
    expect(hostKey({ service: "s", tags: [{ key: "ip", type: "string", value: "10.1.2.3" }] })).toBe("10.1.2.3");
    expect(hostKey({ service: "s", tags: [{ key: "ip", type: "int64", value: String((10 << 24) + (1 << 16) + (2 << 8) + 3) }] })).toBe("10.1.2.3");
    expect(hostKey({ service: "s", tags: [{ key: "hostname", type: "string", value: "pod-1" }] })).toBe("pod-1");
    expect(hostKey({ service: "s", tags: [] })).toBe("");
  });
});
