import { describe, expect, it } from "vitest";
import { classifyTally, requestTally } from "./tally";

describe("request tally schema", () => {
  it("turns numeric codes into trimmed strings", () => {
    const t = requestTally.parse({ direction: "inbound", protocol: "grpc", code: 200, grpcStatus: 14, count: 3 });
    expect(t).toEqual({ direction: "inbound", protocol: "grpc", code: "200", grpcStatus: "14", count: 3 });
    expect(requestTally.parse({ direction: "outbound", protocol: "http", code: " 503 ", flags: "UH", count: 0.5 }).code).toBe("503");
  });

  it("refuses negative counts and unknown directions or protocols", () => {
    expect(requestTally.safeParse({ direction: "inbound", protocol: "http", code: "200", count: -1 }).success).toBe(false);
    expect(requestTally.safeParse({ direction: "sideways", protocol: "http", code: "200", count: 1 }).success).toBe(false);
    expect(requestTally.safeParse({ direction: "inbound", protocol: "tcp", code: "200", count: 1 }).success).toBe(false);
  });
});

describe("classifying a tally", () => {
  it("judges HTTP requests by their status code, given as string or number", () => {
    expect(classifyTally({ protocol: "http", code: "503" })).toEqual({ kind: "http", code: "503" });
    expect(classifyTally({ protocol: "http", code: 404 })).toEqual({ kind: "http", code: "404" });
    expect(classifyTally({ protocol: "http", code: "200" })).toEqual({ kind: "http", code: "200" });
  });

  it("treats a missing or zero code as no response, whatever the flags", () => {
    for (const code of ["0", 0, "-", "", "  ", "000"]) {
      expect(classifyTally({ protocol: "http", code }), String(code)).toEqual({ kind: "no-response" });
    }
    expect(classifyTally({ protocol: "grpc", code: "0", grpcStatus: "-" })).toEqual({ kind: "no-response" });
  });

  it("judges gRPC requests by their gRPC status, not the HTTP 200 they ride on", () => {
    expect(classifyTally({ protocol: "grpc", code: "200", grpcStatus: "14" })).toEqual({ kind: "grpc", status: 14 });
    expect(classifyTally({ protocol: "grpc", code: "200", grpcStatus: "0" })).toEqual({ kind: "grpc", status: 0 });
    expect(classifyTally({ protocol: "grpc", code: 200, grpcStatus: 2 })).toEqual({ kind: "grpc", status: 2 });
  });

  it("falls back to the HTTP code for gRPC requests without a gRPC status", () => {
    expect(classifyTally({ protocol: "grpc", code: "503" })).toEqual({ kind: "http", code: "503" });
    expect(classifyTally({ protocol: "grpc", code: "503", grpcStatus: "-" })).toEqual({ kind: "http", code: "503" });
    expect(classifyTally({ protocol: "grpc", code: "503", grpcStatus: "bogus" })).toEqual({ kind: "http", code: "503" });
  });

  it("ignores a gRPC status on HTTP requests", () => {
    expect(classifyTally({ protocol: "http", code: "200", grpcStatus: "14" })).toEqual({ kind: "http", code: "200" });
  });

  it("marks codes that are not HTTP statuses as unknown", () => {
    expect(classifyTally({ protocol: "http", code: "abc" })).toEqual({ kind: "unknown", code: "abc" });
    expect(classifyTally({ protocol: "http", code: "5000" })).toEqual({ kind: "unknown", code: "5000" });
  });
});
