import { z } from "zod";
import { type CodeSelector, parseCodeSelector, selectorKey, selectorSpecificity, selectorMatches } from "./selector";
import { type RequestOutcome, type TrafficDirection, trafficDirection } from "./tally";

/**
 * Error-ratio thresholds, in percent (0–100) of the requests of one direction and protocol.
 * The ratio is `failure` when ≥ `failure`, `degraded` when ≥ `degraded`; a threshold of 0 means
 * "any error" (ratio > 0), since no errors at all is always healthy.
 */
export interface RateThresholds {
  degraded: number;
  failure: number;
}

/**
 * One rate rule: which requests count as errors (`code`, see {@link parseCodeSelector}), in which
 * direction (both when absent), and their thresholds — or `off`: such requests are not errors.
 */
export interface RateRule {
  code: string;
  direction?: TrafficDirection;
  thresholds: RateThresholds | "off";
}

/** Where a rule in effect came from, highest precedence last. */
export type RuleSource = "default" | "config" | "annotation";

/** A rule in effect for one object, with its parsed selector and origin. */
export interface ResolvedRateRule extends RateRule {
  /** Identity for precedence: `code@direction`, or `code` for both directions. */
  key: string;
  selector: CodeSelector;
  source: RuleSource;
}

/** The defaults: server errors, gRPC errors and missing responses are tolerated far less than client errors. */
export const DEFAULT_RATE_RULES: readonly RateRule[] = [
  { code: "5xx", thresholds: { degraded: 0, failure: 10 } },
  { code: "4xx", thresholds: { degraded: 10, failure: 20 } },
  { code: "grpc", thresholds: { degraded: 0, failure: 10 } },
  { code: "-", thresholds: { degraded: 0, failure: 10 } },
];

/** Why a pair of thresholds is unusable, or `undefined` when it is fine. */
export function thresholdsProblem(t: RateThresholds): string | undefined {
  for (const [name, v] of [["degraded", t.degraded], ["failure", t.failure]] as const) {
    if (!Number.isFinite(v) || v < 0 || v > 100) return `${name} threshold ${v} must be a percentage between 0 and 100`;
  }
  if (t.degraded > t.failure) return `degraded threshold ${t.degraded}% is above failure threshold ${t.failure}%`;
  return undefined;
}

/** Identity of a rule for precedence: a later layer's rule replaces an earlier one with the same key. */
export function ruleKey(code: string, direction: TrafficDirection | undefined): string {
  return direction ? `${code}@${direction}` : code;
}

/**
 * A rate rule as written in the global configuration (JSON/YAML), e.g.
 * `{ "code": "5xx", "degraded": 1, "failure": 5 }`, `{ "code": "404", "direction": "inbound", "off": true }`.
 */
export const rateRuleConfig = z
  .object({
    code: z.string(),
    direction: trafficDirection.optional(),
    degraded: z.number().optional(),
    failure: z.number().optional(),
    off: z.literal(true).optional(),
  })
  .strict()
  .transform((r, ctx): RateRule => {
    const selector = parseCodeSelector(r.code);
    if ("error" in selector) ctx.addIssue({ code: "custom", message: selector.error, path: ["code"] });
    const code = "error" in selector ? r.code : selectorKey(selector);
    const base = r.direction ? { code, direction: r.direction } : { code };
    if (r.off) {
      if (r.degraded !== undefined || r.failure !== undefined) ctx.addIssue({ code: "custom", message: "a rule that is off takes no thresholds" });
      return { ...base, thresholds: "off" };
    }
    if (r.degraded === undefined || r.failure === undefined) {
      ctx.addIssue({ code: "custom", message: "needs both degraded and failure thresholds, or off: true" });
      return { ...base, thresholds: "off" };
    }
    const thresholds = { degraded: r.degraded, failure: r.failure };
    const problem = thresholdsProblem(thresholds);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    return { ...base, thresholds };
  });

/** The global health configuration: rate rules that replace or add to {@link DEFAULT_RATE_RULES}. */
export const healthConfig = z
  .object({ rate: z.array(rateRuleConfig).default([]) })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.rate.forEach((r, i) => {
      const key = ruleKey(r.code, r.direction);
      if (seen.has(key)) ctx.addIssue({ code: "custom", message: `rule ${key} appears more than once`, path: ["rate", i] });
      seen.add(key);
    });
  });
export type HealthConfig = z.output<typeof healthConfig>;

/**
 * The rule that judges requests with this outcome in this direction: among matching rules the
 * narrowest code wins (`404` over `40x` over `4xx`), then a direction-specific rule over one for
 * both directions. `undefined` when no rule matches: the requests are not errors.
 */
export function ruleFor<R extends ResolvedRateRule>(rules: readonly R[], outcome: RequestOutcome, direction: TrafficDirection): R | undefined {
  let best: R | undefined;
  let bestScore = -1;
  for (const r of rules) {
    if (r.direction && r.direction !== direction) continue;
    if (!selectorMatches(r.selector, outcome)) continue;
    const score = selectorSpecificity(r.selector) * 2 + (r.direction ? 1 : 0);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}
