import { describe, expect, it } from "vitest";
import { raw, T0, traceOf } from "./test-spans";
import { barPosition, parentsOf, visibleSpans } from "./waterfall";

const t = traceOf([raw("a", undefined, 0, 100), raw("b", "a", 10, 50), raw("c", "b", 20, 10), raw("d", "c", 22, 2), raw("e", "a", 70, 20)]);
const ids = (spans: { spanId: string }[]) => spans.map((s) => s.spanId);

describe("waterfall helpers", () => {
  it("hides the subtrees of collapsed spans, keeping the spans themselves", () => {
    expect(ids(visibleSpans(t.spans, new Set()))).toEqual(["a", "b", "c", "d", "e"]);
    expect(ids(visibleSpans(t.spans, new Set(["b"])))).toEqual(["a", "b", "e"]);
    expect(ids(visibleSpans(t.spans, new Set(["c", "a"])))).toEqual(["a"]);
    expect(ids(visibleSpans(t.spans, new Set(["c"])))).toEqual(["a", "b", "c", "e"]);
  });

  it("knows which spans have children", () => {
    expect([...parentsOf(t.spans)].sort()).toEqual(["a", "b", "c"]);
  });

  it("places bars in percent of the trace", () => {
    expect(barPosition(T0 + 25, 50, T0, 100)).toEqual({ left: 25, width: 50 });
    expect(barPosition(T0 + 50, 0, T0, 100)).toEqual({ left: 50, width: 0.15 });
  });
});
