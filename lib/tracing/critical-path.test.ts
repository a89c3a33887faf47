import { describe, expect, it } from "vitest";
import { criticalPath } from "./critical-path";
import { raw, T0, traceOf } from "./test-spans";

/** Segments as `[spanId, start, end]` relative to T0. */
const segs = (t: ReturnType<typeof traceOf>) => criticalPath(t).segments.map((s) => [s.spanId, s.startUs - T0, s.endUs - T0]);

describe("criticalPath", () => {
  it("is the whole span when it has no children", () => {
    expect(segs(traceOf([raw("a", undefined, 0, 100)]))).toEqual([["a", 0, 100]]);
  });

  it("charges sequential children and the gaps between them", () => {
    const t = traceOf([raw("a", undefined, 0, 100), raw("b", "a", 10, 20), raw("c", "a", 40, 50)]);
    expect(segs(t)).toEqual([
      ["a", 0, 10],
      ["b", 10, 30],
      ["a", 30, 40],
      ["c", 40, 90],
      ["a", 90, 100],
    ]);
    expect(criticalPath(t).spanIds).toEqual(["a", "b", "c"]);
  });

  it("follows the last-finishing of parallel children, and what ran before it started", () => {
    // b and c run in parallel; c ends last. d ran before c started, overlapping b.
    const t = traceOf([raw("a", undefined, 0, 100), raw("d", "a", 5, 20), raw("b", "a", 20, 60), raw("c", "a", 30, 65)]);
    expect(segs(t)).toEqual([
      ["a", 0, 5],
      ["d", 5, 25],
      ["a", 25, 30],
      ["c", 30, 95],
      ["a", 95, 100],
    ]);
    expect(criticalPath(t).spanIds).not.toContain("b");
  });

  it("descends into grandchildren", () => {
    const t = traceOf([raw("a", undefined, 0, 100), raw("b", "a", 10, 80), raw("c", "b", 20, 30)]);
    expect(segs(t)).toEqual([
      ["a", 0, 10],
      ["b", 10, 20],
      ["c", 20, 50],
      ["b", 50, 90],
      ["a", 90, 100],
    ]);
  });

  it("clips a child that overflows its parent and ignores one entirely outside", () => {
    const t = traceOf([raw("a", undefined, 0, 100), raw("b", "a", 60, 80), raw("late", "a", 150, 10)]);
    expect(segs(t)).toEqual([
      ["a", 0, 60],
      ["b", 60, 100],
    ]);
  });

  it("covers the root span without gaps or overlaps", () => {
    const t = traceOf([
      raw("a", undefined, 0, 1000),
      raw("b", "a", 100, 300),
      raw("c", "a", 150, 600),
      raw("d", "c", 200, 100),
      raw("e", "c", 250, 400),
      raw("f", "a", 800, 150),
    ]);
    const s = criticalPath(t).segments;
    expect(s[0]?.startUs).toBe(T0);
    expect(s.at(-1)?.endUs).toBe(T0 + 1000);
    for (let i = 1; i < s.length; i++) expect(s[i]!.startUs).toBe(s[i - 1]!.endUs);
    expect(criticalPath(t).spanIds).toEqual(["a", "c", "e", "f"]);
  });
});
