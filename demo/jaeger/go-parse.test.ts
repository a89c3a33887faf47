import { describe, expect, it } from "vitest";
import { parseGoBool, parseGoDuration, parseGoInt, parseGoUint, parseRfc3339Nano } from "./go-parse";
import { parseTraceIdHex, parseTraceIdHexOrBase64, traceIdToHex32, v1TraceIdString } from "./trace-id";

describe("parseGoDuration (time.ParseDuration)", () => {
  it.each([
    ["100ms", 100e6],
    ["1.5s", 1.5e9],
    ["2h45m", (2 * 60 + 45) * 60e9],
    ["-1.5h", -1.5 * 3600e9],
    ["+3us", 3e3],
    ["3µs", 3e3],
    ["7ns", 7],
    [".5s", 0.5e9],
    ["1.s", 1e9],
    ["0", 0],
  ])("%s → %d ns", (input, ns) => {
    expect(parseGoDuration(input)).toBe(ns);
  });

  it.each([
    ["abc", 'time: invalid duration "abc"'],
    ["", 'time: invalid duration ""'],
    ["-", 'time: invalid duration "-"'],
    [".s", 'time: invalid duration ".s"'],
    ["100", 'time: missing unit in duration "100"'],
    ["1h30", 'time: missing unit in duration "1h30"'],
    ["5sec", 'time: unknown unit "sec" in duration "5sec"'],
    ["1d", 'time: unknown unit "d" in duration "1d"'],
  ])("rejects %j with Go's message", (input, message) => {
    expect(() => parseGoDuration(input)).toThrow(message);
  });
});

describe("strconv", () => {
  it("parses ints in range and rejects the rest with strconv's messages", () => {
    expect(parseGoInt("-42", 64)).toBe(-42);
    expect(parseGoInt("+7", 32)).toBe(7);
    expect(() => parseGoInt("abc", 32)).toThrow('strconv.ParseInt: parsing "abc": invalid syntax');
    expect(() => parseGoInt("2147483648", 32)).toThrow('strconv.ParseInt: parsing "2147483648": value out of range');
    expect(parseGoUint("ff", 16, 64)).toBe(255n);
    expect(() => parseGoUint("-1", 10, 32)).toThrow('strconv.ParseUint: parsing "-1": invalid syntax');
  });

  it("parses bools the Go way", () => {
    expect(["1", "t", "TRUE", "True"].map(parseGoBool)).toEqual([true, true, true, true]);
    expect(parseGoBool("F")).toBe(false);
    expect(() => parseGoBool("yes")).toThrow('strconv.ParseBool: parsing "yes": invalid syntax');
  });
});

describe("parseRfc3339Nano", () => {
  it("returns microseconds and the nanoseconds below them, honouring offsets", () => {
    expect(parseRfc3339Nano("2023-11-14T22:13:20Z")).toEqual({ us: 1_700_000_000_000_000, extraNs: 0 });
    expect(parseRfc3339Nano("2023-11-14T23:13:20.000001500+01:00")).toEqual({ us: 1_700_000_000_000_001, extraNs: 500 });
  });

  it("rejects other layouts with Go's message", () => {
    expect(() => parseRfc3339Nano("yesterday")).toThrow(
      'parsing time "yesterday" as "2006-01-02T15:04:05.999999999Z07:00": cannot parse "yesterday" as "2006"',
    );
    expect(() => parseRfc3339Nano("2023-02-30T00:00:00Z")).toThrow("out of range");
  });
});

describe("trace IDs (model.TraceIDFromString)", () => {
  it("parses 64- and 128-bit hex IDs", () => {
    expect(traceIdToHex32(parseTraceIdHex("1"))).toBe("00000000000000000000000000000001");
    expect(traceIdToHex32(parseTraceIdHex("4BF92F3577B34DA6A3CE929D0E0E4736"))).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
  });

  it("rejects bad IDs with Jaeger's messages", () => {
    expect(() => parseTraceIdHex("xyz")).toThrow('strconv.ParseUint: parsing "xyz": invalid syntax');
    expect(() => parseTraceIdHex("a".repeat(33))).toThrow("TraceID cannot be longer than 32 hex characters");
  });

  it("accepts base64 IDs on v3, as apiv3.TraceIDFromString does", () => {
    expect(traceIdToHex32(parseTraceIdHexOrBase64("AAAAAAAAAAEAAAAAAAAAAQ=="))).toBe("00000000000000010000000000000001");
    expect(traceIdToHex32(parseTraceIdHexOrBase64("EjRWeJq83vD-3LqYdlQyEA"))).toBe("123456789abcdef0fedcba9876543210");
  });

  it("prints v1 IDs like TraceID.String()", () => {
    expect(v1TraceIdString("00000000000000000000000000000001")).toBe("0000000000000001");
    expect(v1TraceIdString("00000000000000010000000000000002")).toBe("00000000000000010000000000000002");
  });
});
