import { describe, expect, it } from "vitest";
import { compact, formatBytesRate, formatMs, formatRatio, formatRps } from "./format";

describe("formats", () => {
  it.each([
    [0, "0"],
    [0.004, "<0.01"],
    [0.0123, "0.01"],
    [4.331, "4.33"],
    [12.34, "12.3"],
    [123.4, "123"],
    [12_345, "12.3k"],
    [2_500_000, "2.5M"],
  ])("compact(%d) = %s", (v, s) => expect(compact(v)).toBe(s));

  it("formats rates, ratios, durations and byte rates", () => {
    expect(formatRps(4.33)).toBe("4.33 rps");
    expect(formatRatio(null)).toBe("–");
    expect(formatRatio(0)).toBe("0%");
    expect(formatRatio(0.00005)).toBe("<0.01%");
    expect(formatRatio(0.0032)).toBe("0.32%");
    expect(formatRatio(0.125)).toBe("12.5%");
    expect(formatRatio(1)).toBe("100%");
    expect(formatMs(2221.4)).toBe("2.2s");
    expect(formatMs(16.9)).toBe("17ms");
    expect(formatMs(4.25)).toBe("4.3ms");
    expect(formatMs(null)).toBe("–");
    expect(formatBytesRate(512)).toBe("512 B/s");
    expect(formatBytesRate(2048)).toBe("2 kB/s");
    expect(formatBytesRate(3_400_000)).toBe("3.4 MB/s");
  });
});
