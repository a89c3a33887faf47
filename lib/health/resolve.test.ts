import { describe, expect, it } from "vitest";
import { RATE_ANNOTATION } from "./annotation";
import { resolveRateRules } from "./resolve";
import { healthConfig } from "./rules";

const summary = (rules: ReturnType<typeof resolveRateRules>["rules"]) =>
  Object.fromEntries(rules.map((r) => [r.key, [r.thresholds === "off" ? "off" : `${r.thresholds.degraded}/${r.thresholds.failure}`, r.source]]));

describe("resolving rate rules", () => {
  it("uses the defaults when nothing overrides them", () => {
    const { rules, problems } = resolveRateRules();
    expect(summary(rules)).toEqual({ "5xx": ["0/10", "default"], "4xx": ["10/20", "default"], grpc: ["0/10", "default"], "-": ["0/10", "default"] });
    expect(problems).toEqual([]);
    expect(rules.find((r) => r.key === "grpc")?.selector).toEqual({ kind: "grpc" });
  });

  it("lets the global config replace rules by code and direction, and add new ones", () => {
    const config = healthConfig.parse({ rate: [{ code: "4xx", degraded: 30, failure: 50 }, { code: "4xx", direction: "outbound", off: true }] });
    expect(summary(resolveRateRules({ config }).rules)).toMatchObject({
      "4xx": ["30/50", "config"],
      "4xx@outbound": ["off", "config"],
      "5xx": ["0/10", "default"],
    });
  });

  it("gives the annotation precedence over the global config and the defaults", () => {
    const config = healthConfig.parse({ rate: [{ code: "5xx", degraded: 1, failure: 5 }, { code: "4xx", degraded: 30, failure: 50 }] });
    const { rules, problems } = resolveRateRules({ config, annotations: { [RATE_ANNOTATION]: "5xx=2/3; 404=off", other: "x" } });
    expect(problems).toEqual([]);
    expect(summary(rules)).toEqual({
      "5xx": ["2/3", "annotation"],
      "4xx": ["30/50", "config"],
      grpc: ["0/10", "default"],
      "-": ["0/10", "default"],
      "404": ["off", "annotation"],
    });
  });

  it("keeps global and default rules when the annotation is malformed, and reports it", () => {
    const config = healthConfig.parse({ rate: [{ code: "5xx", degraded: 1, failure: 5 }] });
    const { rules, problems } = resolveRateRules({ config, annotations: { [RATE_ANNOTATION]: "404=off; 5xx=5" } });
    expect(summary(rules)).toEqual({ "5xx": ["1/5", "config"], "4xx": ["10/20", "default"], grpc: ["0/10", "default"], "-": ["0/10", "default"] });
    expect(problems).toEqual([`${RATE_ANNOTATION} ignored: rule "5xx=5": thresholds "5" must be <degraded>/<failure> (e.g. 1/5) or off`]);
  });

  it("ignores Kiali's annotation and annotations that are absent", () => {
    const { rules, problems } = resolveRateRules({ annotations: { "health.kiali.io/rate": "4XX,10,20,http,inbound", [RATE_ANNOTATION]: undefined } });
    expect(problems).toEqual([]);
    expect(rules.every((r) => r.source === "default")).toBe(true);
  });

  it("reports and skips invalid rules built in code rather than parsed", () => {
    const { rules, problems } = resolveRateRules({
      config: { rate: [{ code: "7xx", thresholds: { degraded: 1, failure: 2 } }, { code: "5XX", thresholds: { degraded: 9, failure: 3 } }] },
    });
    expect(problems).toEqual([
      'config rule 7xx ignored: unknown code "7xx" (use an HTTP code such as 5xx, 50x or 503, grpc, grpc:14, or - for no response)',
      "config rule 5XX ignored: degraded threshold 9% is above failure threshold 3%",
    ]);
    expect(rules.map((r) => r.source)).toEqual(["default", "default", "default", "default"]);
  });
});
