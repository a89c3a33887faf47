import { describe, expect, it } from "vitest";
import { parseCodeSelector, selectorKey, selectorLabel, selectorMatches, selectorSpecificity, type CodeSelector } from "./selector";

function sel(s: string): CodeSelector {
  const r = parseCodeSelector(s);
  if ("error" in r) throw new Error(r.error);
  return r;
}

describe("code selectors", () => {
  it("parses HTTP codes with x wildcards, gRPC statuses and no-response, case-insensitively", () => {
    expect(sel("5XX")).toEqual({ kind: "http", pattern: "5xx" });
    expect(sel(" 503 ")).toEqual({ kind: "http", pattern: "503" });
    expect(sel("GRPC")).toEqual({ kind: "grpc" });
    expect(sel("grpc:14")).toEqual({ kind: "grpc", status: 14 });
    expect(sel("-")).toEqual({ kind: "no-response" });
    expect(sel("none")).toEqual({ kind: "no-response" });
  });

  it("refuses anything else with a message naming the input", () => {
    for (const bad of ["6xx", "xxx", "5x", "5xxx", "50", "grpc:17", "grpc:", "grpc:x", "http", ""]) {
      const r = parseCodeSelector(bad);
      expect("error" in r && r.error, bad).toMatch(/unknown code/);
    }
    const zero = parseCodeSelector("grpc:0");
    expect("error" in zero && zero.error).toMatch(/status 0 is OK/);
  });

  it("has one canonical key per selector", () => {
    expect(["5XX", "5xx"].map((s) => selectorKey(sel(s)))).toEqual(["5xx", "5xx"]);
    expect(selectorKey(sel("none"))).toBe("-");
    expect(selectorKey(sel("GRPC:4"))).toBe("grpc:4");
  });

  it("matches HTTP codes digit by digit", () => {
    expect(selectorMatches(sel("5xx"), { kind: "http", code: "503" })).toBe(true);
    expect(selectorMatches(sel("50x"), { kind: "http", code: "503" })).toBe(true);
    expect(selectorMatches(sel("50x"), { kind: "http", code: "513" })).toBe(false);
    expect(selectorMatches(sel("404"), { kind: "http", code: "404" })).toBe(true);
    expect(selectorMatches(sel("404"), { kind: "http", code: "403" })).toBe(false);
    expect(selectorMatches(sel("5xx"), { kind: "no-response" })).toBe(false);
    expect(selectorMatches(sel("5xx"), { kind: "grpc", status: 5 })).toBe(false);
  });

  it("matches gRPC statuses 1–16 only (0 is OK)", () => {
    const grpc = sel("grpc");
    expect(selectorMatches(grpc, { kind: "grpc", status: 0 })).toBe(false);
    expect(selectorMatches(grpc, { kind: "grpc", status: 1 })).toBe(true);
    expect(selectorMatches(grpc, { kind: "grpc", status: 16 })).toBe(true);
    expect(selectorMatches(grpc, { kind: "grpc", status: 17 })).toBe(false);
    expect(selectorMatches(sel("grpc:14"), { kind: "grpc", status: 14 })).toBe(true);
    expect(selectorMatches(sel("grpc:14"), { kind: "grpc", status: 4 })).toBe(false);
    expect(selectorMatches(grpc, { kind: "http", code: "500" })).toBe(false);
  });

  it("matches no-response only to missing responses", () => {
    expect(selectorMatches(sel("-"), { kind: "no-response" })).toBe(true);
    expect(selectorMatches(sel("-"), { kind: "http", code: "503" })).toBe(false);
  });

  it("ranks narrower selectors higher", () => {
    expect(selectorSpecificity(sel("404"))).toBeGreaterThan(selectorSpecificity(sel("40x")));
    expect(selectorSpecificity(sel("40x"))).toBeGreaterThan(selectorSpecificity(sel("4xx")));
    expect(selectorSpecificity(sel("grpc:14"))).toBeGreaterThan(selectorSpecificity(sel("grpc")));
  });

  it("labels what each selector counts", () => {
    expect(["5xx", "grpc", "grpc:14", "-"].map((s) => selectorLabel(sel(s)))).toEqual(["5xx", "status 1–16", "status 14", "no response"]);
  });
});
