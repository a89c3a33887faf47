import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_RULES, healthConfig, type ResolvedRateRule, ruleFor, thresholdsProblem } from "./rules";
import { parseCodeSelector } from "./selector";
import type { RequestOutcome } from "./tally";

function rule(code: string, direction?: "inbound" | "outbound"): ResolvedRateRule {
  const selector = parseCodeSelector(code);
  if ("error" in selector) throw new Error(selector.error);
  return { code, direction, selector, key: direction ? `${code}@${direction}` : code, source: "default", thresholds: { degraded: 0, failure: 10 } };
}

describe("default rate rules", () => {
  it("are the documented thresholds", () => {
    expect(DEFAULT_RATE_RULES).toEqual([
      { code: "5xx", thresholds: { degraded: 0, failure: 10 } },
      { code: "4xx", thresholds: { degraded: 10, failure: 20 } },
      { code: "grpc", thresholds: { degraded: 0, failure: 10 } },
      { code: "-", thresholds: { degraded: 0, failure: 10 } },
    ]);
  });
});

describe("threshold checks", () => {
  it("accepts percentages 0–100 with degraded ≤ failure", () => {
    expect(thresholdsProblem({ degraded: 0, failure: 0 })).toBeUndefined();
    expect(thresholdsProblem({ degraded: 10, failure: 10 })).toBeUndefined();
    expect(thresholdsProblem({ degraded: 0.5, failure: 100 })).toBeUndefined();
  });

  it("names what is wrong", () => {
    expect(thresholdsProblem({ degraded: 20, failure: 10 })).toBe("degraded threshold 20% is above failure threshold 10%");
    expect(thresholdsProblem({ degraded: -1, failure: 10 })).toMatch(/^degraded threshold -1 must be a percentage between 0 and 100/);
    expect(thresholdsProblem({ degraded: 1, failure: 101 })).toMatch(/^failure threshold 101/);
    expect(thresholdsProblem({ degraded: Number.NaN, failure: 1 })).toMatch(/^degraded/);
  });
});

describe("global health configuration", () => {
  it("normalizes flat rules and canonicalizes codes", () => {
    const c = healthConfig.parse({
      rate: [
        { code: "5XX", degraded: 1, failure: 5 },
        { code: "404", direction: "inbound", off: true },
        { code: "none", degraded: 0, failure: 50 },
      ],
    });
    expect(c.rate).toEqual([
      { code: "5xx", thresholds: { degraded: 1, failure: 5 } },
      { code: "404", direction: "inbound", thresholds: "off" },
      { code: "-", thresholds: { degraded: 0, failure: 50 } },
    ]);
  });

  it("defaults to no rules", () => {
    expect(healthConfig.parse({}).rate).toEqual([]);
  });

  it("refuses malformed rules, saying which and why", () => {
    const cases: [unknown, RegExp][] = [
      [{ code: "6xx", degraded: 1, failure: 5 }, /unknown code "6xx"/],
      [{ code: "5xx", degraded: 20, failure: 10 }, /above failure/],
      [{ code: "5xx", degraded: 1, failure: 500 }, /between 0 and 100/],
      [{ code: "5xx", degraded: 1 }, /needs both degraded and failure/],
      [{ code: "5xx", degraded: 1, failure: 5, off: true }, /off takes no thresholds/],
      [{ code: "5xx", degraded: "1", failure: 5 }, /number/],
      [{ code: "5xx", degraded: 1, failure: 5, protocol: "http" }, /protocol/],
    ];
    for (const [r, message] of cases) {
      const parsed = healthConfig.safeParse({ rate: [r] });
      expect(parsed.success, JSON.stringify(r)).toBe(false);
      expect(parsed.error?.issues.map((i) => i.message).join("\n"), JSON.stringify(r)).toMatch(message);
      expect(parsed.error?.issues[0]?.path.slice(0, 2)).toEqual(["rate", 0]);
    }
  });

  it("refuses the same code and direction twice", () => {
    const parsed = healthConfig.safeParse({
      rate: [
        { code: "5xx", degraded: 1, failure: 5 },
        { code: "5XX", degraded: 2, failure: 6 },
      ],
    });
    expect(parsed.error?.issues[0]?.message).toBe("rule 5xx appears more than once");
    expect(healthConfig.safeParse({ rate: [{ code: "5xx", degraded: 1, failure: 5 }, { code: "5xx", direction: "inbound", off: true }] }).success).toBe(true);
  });
});

describe("choosing the rule for a request", () => {
  const rules = [rule("4xx"), rule("40x"), rule("404"), rule("5xx"), rule("5xx", "inbound"), rule("grpc"), rule("grpc:14"), rule("-")];
  const pick = (o: RequestOutcome, d: "inbound" | "outbound" = "outbound") => ruleFor(rules, o, d)?.key;

  it("prefers the narrowest code", () => {
    expect(pick({ kind: "http", code: "404" })).toBe("404");
    expect(pick({ kind: "http", code: "403" })).toBe("40x");
    expect(pick({ kind: "http", code: "429" })).toBe("4xx");
    expect(pick({ kind: "grpc", status: 14 })).toBe("grpc:14");
    expect(pick({ kind: "grpc", status: 4 })).toBe("grpc");
    expect(pick({ kind: "no-response" })).toBe("-");
  });

  it("prefers a rule for the request's direction over one for both", () => {
    expect(pick({ kind: "http", code: "503" }, "inbound")).toBe("5xx@inbound");
    expect(pick({ kind: "http", code: "503" }, "outbound")).toBe("5xx");
  });

  it("lets a narrower code beat a direction-specific class", () => {
    const r = [rule("4xx", "inbound"), rule("404")];
    expect(ruleFor(r, { kind: "http", code: "404" }, "inbound")?.key).toBe("404");
  });

  it("finds nothing for successes and unknown codes", () => {
    expect(pick({ kind: "http", code: "200" })).toBeUndefined();
    expect(pick({ kind: "grpc", status: 0 })).toBeUndefined();
    expect(pick({ kind: "unknown", code: "abc" })).toBeUndefined();
  });

  it("does not apply a rule to the other direction", () => {
    expect(ruleFor([rule("5xx", "inbound")], { kind: "http", code: "500" }, "outbound")).toBeUndefined();
  });
});
