import { describe, expect, it } from "vitest";
import { histogramQuantile, parseLe } from "./quantile";

const b = (pairs: Array<[number, number]>) => pairs.map(([le, count]) => ({ le, count }));

describe("histogramQuantile (Prometheus's bucketQuantile)", () => {
  const h = b([
    [1, 10],
    [2, 20],
    [4, 30],
    [Infinity, 30],
  ]);

  it("interpolates linearly inside the bucket the rank falls in", () => {
    expect(histogramQuantile(0.5, h)).toBeCloseTo(1.5, 10);
    expect(histogramQuantile(0.99, h)).toBeCloseTo(3.94, 10);
    expect(histogramQuantile(1, h)).toBe(4);
  });

  it("starts the lowest bucket at 0 when its bound is positive", () => {
    expect(histogramQuantile(0.25, h)).toBeCloseTo(0.75, 10);
  });

  it("answers the second-highest bound when the rank is in the +Inf bucket", () => {
    expect(histogramQuantile(0.9, b([[1, 10], [Infinity, 20]]))).toBe(1);
  });

  it("is NaN without +Inf bucket, with one bucket or without observations", () => {
    expect(histogramQuantile(0.5, b([[1, 10], [2, 20]]))).toBeNaN();
    expect(histogramQuantile(0.5, b([[Infinity, 20]]))).toBeNaN();
    expect(histogramQuantile(0.5, b([[1, 0], [Infinity, 0]]))).toBeNaN();
    expect(histogramQuantile(0.5, [])).toBeNaN();
  });

  it("makes non-monotonic counts monotonic, sorts, and merges equal bounds", () => {
    expect(histogramQuantile(0.5, b([[Infinity, 10], [2, 8], [1, 10]]))).toBeCloseTo(0.5, 10);
    expect(histogramQuantile(0.5, b([[1, 4], [1, 6], [2, 20], [Infinity, 20]]))).toBe(1);
  });

  it("returns the bound of a non-positive lowest bucket", () => {
    expect(histogramQuantile(0.2, b([[0, 5], [1, 10], [Infinity, 10]]))).toBe(0);
  });

  it("handles out-of-range q like Prometheus", () => {
    expect(histogramQuantile(-1, h)).toBe(-Infinity);
    expect(histogramQuantile(2, h)).toBe(Infinity);
    expect(histogramQuantile(NaN, h)).toBeNaN();
  });

  it("parses le labels", () => {
    expect(parseLe("+Inf")).toBe(Infinity);
    expect(parseLe("0.5")).toBe(0.5);
    expect(parseLe("2500")).toBe(2500);
    expect(parseLe("x")).toBeUndefined();
  });
});
