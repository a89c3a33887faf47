import { describe, expect, it } from "vitest";
import { sparkPath, sparkScale } from "./sparkline";

describe("sparklines", () => {
  const a = { points: [[0, 1], [10, 3], [20, NaN], [30, 2]] as Array<[number, number]> };

  it("scales from zero to the largest value over the window", () => {
    expect(sparkScale([a], { start: 0, end: 30 })).toEqual({ t0: 0, t1: 30, min: 0, max: 3 });
    expect(sparkScale([{ points: [] }])).toBeUndefined();
    expect(sparkScale([{ points: [[5, 0]] }])).toEqual({ t0: 5, t1: 6, min: 0, max: 1 });
  });

  it("draws lines that break at gaps", () => {
    const scale = sparkScale([a], { start: 0, end: 30 })!;
    expect(sparkPath(a, scale, 30, 30)).toBe("M0.0,20.0L10.0,0.0M30.0,10.0");
  });
});
