import { describe, expect, it } from "vitest";
import { formatValue } from "./format";
import { alignPoints, axisTimestamps, rangeAxis, windowSeconds } from "./window";

describe("range axis", () => {
  it("has about 60 aligned steps of at least 10 s over the window", () => {
    const a = rangeAxis("1h", 1_000_007);
    expect(a.step).toBe(60);
    expect(a.end % 60).toBe(0);
    expect(a.end - a.start).toBe(3600);
    expect(axisTimestamps(a)).toHaveLength(61);
    expect(a.rateWindow).toBe("120s");
    expect(rangeAxis("1m", 1000).step).toBe(10);
    expect(rangeAxis("1m", 1000).rateWindow).toBe("60s");
    expect(windowSeconds("1d")).toBe(86_400);
  });

  it("aligns points on the axis with gaps as null", () => {
    expect(alignPoints([[1010, 2], [1030, Number.NaN], [5000, 1]], [1000, 1010, 1020, 1030], 10)).toEqual([null, 2, null, null]);
  });
});

describe("formatValue", () => {
  it("writes values with their units", () => {
    expect(formatValue(12.345, "rps")).toBe("12.3/s");
    expect(formatValue(0.5, "rps")).toBe("0.5/s");
    expect(formatValue(99.5, "percent")).toBe("99.5%");
    expect(formatValue(250, "ms")).toBe("250 ms");
    expect(formatValue(2500, "ms")).toBe("2.5 s");
    expect(formatValue(3400, "bytes")).toBe("3.4 kB");
    expect(formatValue(1_200_000, "Bps")).toBe("1.2 MB/s");
    expect(formatValue(null, "ms")).toBe("—");
  });
});
