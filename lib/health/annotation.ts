import { type RateRule, ruleKey, thresholdsProblem } from "./rules";
import { parseCodeSelector, selectorKey } from "./selector";
import { trafficDirection } from "./tally";

/** The annotation (on a workload or a service) that overrides rate rules for that object. */
export const RATE_ANNOTATION = "health.meshscope.io/rate";

const SYNTAX = "<code>[@inbound|@outbound]=<degraded>/<failure> or <code>=off";

/** What {@link parseRateAnnotation} found: the rules when `errors` is empty, otherwise why it failed. */
export interface ParsedRateAnnotation {
  rules: RateRule[];
  errors: string[];
}

/**
 * Parses a rate annotation value: rules separated by `;` or new lines, each
 * `<code>[@<direction>]=<degraded>/<failure>` or `<code>[@<direction>]=off`, e.g.
 * `5xx=1/5; 404@inbound=off; grpc:14=any/5`. Percentages are 0–100 (a trailing `%` is allowed),
 * `any` means any error (0). Every malformed rule is reported; callers ignore the whole
 * annotation when there is any error, so a typo never half-applies.
 */
export function parseRateAnnotation(value: string): ParsedRateAnnotation {
  const rules: RateRule[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const parts = value.split(/[;\n]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return { rules, errors: ["is empty: write at least one rule, e.g. 5xx=1/5"] };
  for (const part of parts) {
    const r = parseRule(part);
    if ("error" in r) {
      errors.push(`rule "${part}": ${r.error}`);
      continue;
    }
    const key = ruleKey(r.code, r.direction);
    if (seen.has(key)) {
      errors.push(`rule "${part}": ${key} is already set earlier in the annotation`);
      continue;
    }
    seen.add(key);
    rules.push(r);
  }
  return { rules: errors.length ? [] : rules, errors };
}

function parseRule(part: string): RateRule | { error: string } {
  const sides = part.split("=");
  if (sides.length !== 2) {
    const kiali = !part.includes("=") && part.split(",").length === 5;
    return {
      error: kiali
        ? `this looks like Kiali's code,degraded,failure,protocol,direction syntax; write ${SYNTAX} (e.g. 4xx@inbound=10/20)`
        : `expected ${SYNTAX}`,
    };
  }
  const [target = "", levels = ""] = sides.map((s) => s.trim());
  const [codeText = "", directionText, ...extra] = target.split("@").map((s) => s.trim());
  if (extra.length) return { error: `expected one @direction at most` };
  const selector = parseCodeSelector(codeText);
  if ("error" in selector) return selector;
  let direction: RateRule["direction"];
  if (directionText !== undefined) {
    const d = trafficDirection.safeParse(directionText.toLowerCase());
    if (!d.success) return { error: `unknown direction "${directionText}" (use inbound or outbound, or leave it out for both)` };
    direction = d.data;
  }
  const base = direction ? { code: selectorKey(selector), direction } : { code: selectorKey(selector) };
  if (levels.toLowerCase() === "off") return { ...base, thresholds: "off" };
  const nums = levels.split("/").map((s) => s.trim());
  if (nums.length !== 2) return { error: `thresholds "${levels}" must be <degraded>/<failure> (e.g. 1/5) or off` };
  const degraded = parseLevel(nums[0] ?? "");
  if (degraded === undefined) return { error: `degraded "${nums[0]}" is not a percentage (a number from 0 to 100, or any)` };
  const failure = parseLevel(nums[1] ?? "");
  if (failure === undefined) return { error: `failure "${nums[1]}" is not a percentage (a number from 0 to 100, or any)` };
  const thresholds = { degraded, failure };
  const problem = thresholdsProblem(thresholds);
  return problem ? { error: problem } : { ...base, thresholds };
}

function parseLevel(s: string): number | undefined {
  if (s.toLowerCase() === "any") return 0;
  const m = /^(\d+(?:\.\d+)?)\s*%?$/.exec(s);
  return m ? Number(m[1]) : undefined;
}

/** Writes rules back in annotation syntax (the inverse of {@link parseRateAnnotation}), e.g. to show rules in effect. */
export function formatRateRules(rules: readonly RateRule[]): string {
  const level = (n: number) => (n === 0 ? "any" : String(n));
  return rules
    .map((r) => {
      const target = r.direction ? `${r.code}@${r.direction}` : r.code;
      return `${target}=${r.thresholds === "off" ? "off" : `${level(r.thresholds.degraded)}/${level(r.thresholds.failure)}`}`;
    })
    .join("; ");
}
