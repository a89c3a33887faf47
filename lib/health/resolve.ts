import { RATE_ANNOTATION, parseRateAnnotation } from "./annotation";
import { DEFAULT_RATE_RULES, type RateRule, type ResolvedRateRule, type RuleSource, ruleKey, thresholdsProblem } from "./rules";
import { parseCodeSelector, selectorKey } from "./selector";

/** The rate rules in effect for one object, and anything wrong with its configuration. */
export interface RateRuleSet {
  rules: ResolvedRateRule[];
  /** Human-readable problems (e.g. a malformed annotation, which is then ignored). */
  problems: string[];
}

/** Inputs to {@link resolveRateRules}. */
export interface RateRuleSources {
  /** Global rules (already validated, e.g. with `healthConfig`); replace or add to the defaults. */
  config?: { rate?: readonly RateRule[] };
  /** The object's annotations; {@link RATE_ANNOTATION} replaces or adds to the global rules. */
  annotations?: Readonly<Record<string, string | undefined>>;
}

/**
 * The rules for one object: defaults, then global config, then the object's annotation. A rule
 * replaces one of a lower layer with the same code and direction (`5xx`, `5xx@inbound`); other
 * rules of the lower layers stay. A malformed annotation is ignored as a whole and reported.
 */
export function resolveRateRules(sources: RateRuleSources = {}): RateRuleSet {
  const byKey = new Map<string, ResolvedRateRule>();
  const problems: string[] = [];
  const add = (rules: readonly RateRule[], source: RuleSource) => {
    for (const r of rules) {
      const selector = parseCodeSelector(r.code);
      const problem = "error" in selector ? selector.error : r.thresholds === "off" ? undefined : thresholdsProblem(r.thresholds);
      if ("error" in selector || problem) {
        problems.push(`${source} rule ${ruleKey(r.code, r.direction)} ignored: ${problem}`);
        continue;
      }
      const code = selectorKey(selector);
      const key = ruleKey(code, r.direction);
      // Delete first so the map's order shows the rule where it now comes from.
      byKey.delete(key);
      byKey.set(key, { ...r, code, key, selector, source });
    }
  };
  add(DEFAULT_RATE_RULES, "default");
  add(sources.config?.rate ?? [], "config");
  const value = sources.annotations?.[RATE_ANNOTATION];
  if (value !== undefined) {
    const parsed = parseRateAnnotation(value);
    if (parsed.errors.length) problems.push(...parsed.errors.map((e) => `${RATE_ANNOTATION} ignored: ${e}`));
    else add(parsed.rules, "annotation");
  }
  return { rules: [...byKey.values()], problems };
}
