import { describe, expect, it } from "vitest";
import { formatDurationUs, shortTraceId } from "./format";
import { normalizeSpanId, normalizeTraceId, otlpIdToHex, traceIdParam } from "./ids";
import { summarizeTrace } from "./summary";
import { raw, T0, traceOf } from "./test-spans";

describe("summarizeTrace", () => {
  it("counts spans, errors and warnings per service, from the root", () => {
    const t = traceOf([
      raw("a", undefined, 0, 100, { operation: "GET /productpage" }),
      raw("b", "a", 10, 20, { service: "reviews.bookinfo", error: true }),
      raw("c", "b", 12, 5, { service: "ratings.bookinfo", error: true }),
      raw("d", "gone", 50, 5, { service: "reviews.bookinfo" }),
    ]);
    expect(summarizeTrace(t)).toEqual({
      traceId: t.traceId,
      rootService: "productpage.bookinfo",
      rootOperation: "GET /productpage",
      startUs: T0,
      durationUs: 100,
      spanCount: 4,
      errorCount: 2,
      warningCount: 1,
      services: [
        { name: "productpage.bookinfo", spanCount: 1, errorCount: 0 },
        { name: "reviews.bookinfo", spanCount: 2, errorCount: 1 },
        { name: "ratings.bookinfo", spanCount: 1, errorCount: 1 },
      ],
    });
  });
});

describe("IDs", () => {
  it("normalises trace and span IDs to lowercase, zero-padded hex", () => {
    expect(normalizeTraceId("ABC")).toBe("0".repeat(29) + "abc");
    expect(normalizeTraceId("0000000000000001")).toBe("0".repeat(31) + "1");
    expect(normalizeTraceId("x1")).toBeUndefined();
    expect(normalizeTraceId("1".repeat(33))).toBeUndefined();
    expect(normalizeSpanId("2")).toBe("0000000000000002");
    expect(normalizeSpanId("not-hex")).toBe("not-hex");
  });

  it("reads OTLP IDs in hex or base64", () => {
    expect(otlpIdToHex("00000000000000000000000000000001", 16)).toBe("0".repeat(31) + "1");
    expect(otlpIdToHex("AAAAAAAAAAAAAAAAAAAAAQ==", 16)).toBe("0".repeat(31) + "1");
    expect(otlpIdToHex("AAAAAAAAAAI=", 8)).toBe("0000000000000002");
    expect(otlpIdToHex("AAAAAAAAAAI=", 16)).toBeUndefined();
    expect(otlpIdToHex("zz", 8)).toBeUndefined();
  });

  it("validates a trace ID parameter", () => {
    expect(traceIdParam.parse(" 1f ")).toBe("0".repeat(30) + "1f");
    expect(traceIdParam.safeParse("nope").error?.issues[0]?.message).toMatch(/1 to 32 hex digits/);
  });
});

describe("format", () => {
  it("formats durations for people", () => {
    expect([850, 1_234, 12_345, 1_250_000, 125_000_000].map(formatDurationUs)).toEqual(["850µs", "1.23ms", "12.3ms", "1.25s", "2m 5s"]);
    expect(shortTraceId("0000000000000000abcdef0123456789")).toBe("abcdef0");
    expect(shortTraceId("1234567890abcdef1234567890abcdef")).toBe("1234567");
  });
});
