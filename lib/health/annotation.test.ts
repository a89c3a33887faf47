import { describe, expect, it } from "vitest";
import { formatRateRules, parseRateAnnotation } from "./annotation";
import { DEFAULT_RATE_RULES } from "./rules";

describe("rate annotation", () => {
  it("parses rules with thresholds, off and directions", () => {
    expect(parseRateAnnotation("5xx=1/5; 404@inbound=off; grpc:14=any/5; -=0/50")).toEqual({
      rules: [
        { code: "5xx", thresholds: { degraded: 1, failure: 5 } },
        { code: "404", direction: "inbound", thresholds: "off" },
        { code: "grpc:14", thresholds: { degraded: 0, failure: 5 } },
        { code: "-", thresholds: { degraded: 0, failure: 50 } },
      ],
      errors: [],
    });
  });

  it("tolerates spaces, case, % signs, decimals, new lines and a trailing separator", () => {
    const r = parseRateAnnotation(" 5XX @ Outbound = 0.5% / 2.5 %;\n 4xx = ANY/OFF\n4XX=10/20 ;");
    expect(r.errors).toEqual(['rule "4xx = ANY/OFF": failure "OFF" is not a percentage (a number from 0 to 100, or any)']);
    expect(parseRateAnnotation(" 5XX @ Outbound = 0.5% / 2.5 %;\n4XX=Off ;")).toEqual({
      rules: [
        { code: "5xx", direction: "outbound", thresholds: { degraded: 0.5, failure: 2.5 } },
        { code: "4xx", thresholds: "off" },
      ],
      errors: [],
    });
  });

  it("reports every malformed rule with a clear reason and applies none of it", () => {
    const r = parseRateAnnotation("5xx=1/5; 6xx=1/5; 5xx@in=1/5; 4xx=1; 4xx=a/5; 4xx=20/10; 4xx=1/150; 4xx; 5xx@inbound@outbound=1/2; grpc:0=1/2");
    expect(r.rules).toEqual([]);
    expect(r.errors).toEqual([
      'rule "6xx=1/5": unknown code "6xx" (use an HTTP code such as 5xx, 50x or 503, grpc, grpc:14, or - for no response)',
      'rule "5xx@in=1/5": unknown direction "in" (use inbound or outbound, or leave it out for both)',
      'rule "4xx=1": thresholds "1" must be <degraded>/<failure> (e.g. 1/5) or off',
      'rule "4xx=a/5": degraded "a" is not a percentage (a number from 0 to 100, or any)',
      'rule "4xx=20/10": degraded threshold 20% is above failure threshold 10%',
      'rule "4xx=1/150": failure threshold 150 must be a percentage between 0 and 100',
      'rule "4xx": expected <code>[@inbound|@outbound]=<degraded>/<failure> or <code>=off',
      'rule "5xx@inbound@outbound=1/2": expected one @direction at most',
      'rule "grpc:0=1/2": gRPC status 0 is OK and cannot count as an error',
    ]);
  });

  it("refuses a rule given twice (same code and direction, however spelled)", () => {
    const r = parseRateAnnotation("5xx=1/5; 5XX=2/6");
    expect(r).toEqual({ rules: [], errors: ['rule "5XX=2/6": 5xx is already set earlier in the annotation'] });
    expect(parseRateAnnotation("5xx=1/5; 5xx@inbound=2/6").errors).toEqual([]);
  });

  it("refuses an empty value", () => {
    expect(parseRateAnnotation(" ; ").errors).toEqual(["is empty: write at least one rule, e.g. 5xx=1/5"]);
  });

  it("points Kiali users to the new syntax", () => {
    expect(parseRateAnnotation("4XX,10,20,http,inbound").errors[0]).toMatch(/looks like Kiali's code,degraded,failure,protocol,direction syntax; .*\(e\.g\. 4xx@inbound=10\/20\)$/);
  });

  it("accepts every example of docs/health.md", () => {
    const examples = [
      "404=off; 5xx=1/5; grpc:14@outbound=any/2",
      "404=off",
      "5xx=1/5",
      "4xx@inbound=30/60",
      "grpc:5=off; grpc=any/5",
      "-=any/1",
      "4xx=off",
      "50x=any/any",
      "4xx@inbound=10/20",
    ];
    for (const e of examples) expect(parseRateAnnotation(e).errors, e).toEqual([]);
  });

  it("writes rules back in the same syntax", () => {
    expect(formatRateRules(DEFAULT_RATE_RULES)).toBe("5xx=any/10; 4xx=10/20; grpc=any/10; -=any/10");
    const text = "5xx@inbound=1.5/5; 404=off; grpc:14=any/any";
    expect(formatRateRules(parseRateAnnotation(text).rules)).toBe(text);
  });
});
