import { resolveRateRules, type RateRuleSet } from "./resolve";
import { type RateThresholds, type ResolvedRateRule, type RuleSource, ruleFor } from "./rules";
import { selectorLabel } from "./selector";
import { type RequestStatus, severity } from "./status";
import { classifyTally, type RequestTally, type TrafficDirection, type TrafficProtocol } from "./tally";

/** Status of one error ratio. */
export type RatioStatus = "healthy" | "degraded" | "failure";

/** The share of one direction's and protocol's requests that one rule counts as errors. */
export interface ErrorRatio {
  direction: TrafficDirection;
  protocol: TrafficProtocol;
  /** The rule's code selector (`5xx`, `grpc:14`, `-`…) and key (`5xx@inbound`). */
  code: string;
  rule: string;
  /** What the rule counts, for people: `5xx`, `status 1–16`, `status 14`, `no response`. */
  label: string;
  source: RuleSource;
  errors: number;
  /** All requests of this direction and protocol: the denominator. */
  requests: number;
  /** `errors / requests` in percent (0–100). */
  percent: number;
  thresholds: RateThresholds;
  status: RatioStatus;
}

/** All requests of one direction and protocol over the window. */
export interface TrafficTotal {
  direction: TrafficDirection;
  protocol: TrafficProtocol;
  requests: number;
}

/** Request health of one object over the window. */
export interface RequestHealth {
  status: RequestStatus;
  /** Every ratio with errors, worst first. */
  ratios: ErrorRatio[];
  totals: TrafficTotal[];
  /** Why the status is not healthy, e.g. `inbound HTTP 5xx 12.3% ≥ 10% (failure)`. */
  reasons: string[];
  /** Configuration problems met while choosing the rules (e.g. a malformed annotation). */
  problems: string[];
}

/**
 * Tolerance for ratios computed from fractional counts (`increase()` gives e.g. 0.30000000000000004):
 * a ratio this close under a threshold counts as reaching it, so "exactly 10%" is always ≥ 10%.
 */
const EPSILON = 1e-9;

/** Judges one ratio: failure when ≥ `failure`, degraded when ≥ `degraded`; never unhealthy without errors. */
export function ratioStatus(errors: number, percent: number, t: RateThresholds): RatioStatus {
  if (errors <= 0) return "healthy";
  if (percent + EPSILON >= t.failure) return "failure";
  if (percent + EPSILON >= t.degraded) return "degraded";
  return "healthy";
}

const DIRECTIONS: readonly TrafficDirection[] = ["inbound", "outbound"];
const PROTOCOLS: readonly TrafficProtocol[] = ["http", "grpc"];
const PROTOCOL_LABEL: Record<TrafficProtocol, string> = { http: "HTTP", grpc: "gRPC" };

/**
 * Request health from request tallies over the window, judged by `ruleSet` (defaults when omitted).
 * Each request is counted by the one rule that fits it best (see `ruleFor`); each rule's errors are
 * divided by all requests of the same direction and protocol. No requests at all is `no-data`.
 */
export function computeRequestHealth(tallies: readonly RequestTally[], ruleSet: RateRuleSet = resolveRateRules()): RequestHealth {
  const totals = new Map<string, TrafficTotal>();
  const errors = new Map<
    string,
    { direction: TrafficDirection; protocol: TrafficProtocol; rule: ResolvedRateRule; thresholds: RateThresholds; errors: number }
  >();
  for (const t of tallies) {
    if (!Number.isFinite(t.count) || t.count <= 0) continue;
    const group = `${t.direction}/${t.protocol}`;
    const total = totals.get(group) ?? { direction: t.direction, protocol: t.protocol, requests: 0 };
    total.requests += t.count;
    totals.set(group, total);
    const rule = ruleFor(ruleSet.rules, classifyTally(t), t.direction);
    if (!rule || rule.thresholds === "off") continue;
    const key = `${group}/${rule.key}`;
    const e = errors.get(key) ?? { direction: t.direction, protocol: t.protocol, rule, thresholds: rule.thresholds, errors: 0 };
    e.errors += t.count;
    errors.set(key, e);
  }

  const ratios: ErrorRatio[] = [];
  for (const e of errors.values()) {
    const requests = totals.get(`${e.direction}/${e.protocol}`)?.requests ?? 0;
    const thresholds = e.thresholds;
    // Multiply first: 29 * 100 / 100 is exactly 29, while 29 / 100 * 100 is 28.999999999999996.
    const percent = (e.errors * 100) / requests;
    ratios.push({
      direction: e.direction,
      protocol: e.protocol,
      code: e.rule.code,
      rule: e.rule.key,
      label: selectorLabel(e.rule.selector),
      source: e.rule.source,
      errors: e.errors,
      requests,
      percent,
      thresholds,
      status: ratioStatus(e.errors, percent, thresholds),
    });
  }
  ratios.sort(
    (a, b) =>
      severity(b.status) - severity(a.status) ||
      b.percent - a.percent ||
      DIRECTIONS.indexOf(a.direction) - DIRECTIONS.indexOf(b.direction) ||
      PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol) ||
      a.code.localeCompare(b.code),
  );

  const anyTraffic = totals.size > 0;
  const status: RequestStatus = !anyTraffic
    ? "no-data"
    : ratios.some((r) => r.status === "failure")
      ? "failure"
      : ratios.some((r) => r.status === "degraded")
        ? "degraded"
        : "healthy";
  const reasons = anyTraffic
    ? ratios.filter((r) => r.status !== "healthy").map(describeRatio)
    : ["no requests in the window"];
  const sortedTotals = [...totals.values()].sort(
    (a, b) => DIRECTIONS.indexOf(a.direction) - DIRECTIONS.indexOf(b.direction) || PROTOCOLS.indexOf(a.protocol) - PROTOCOLS.indexOf(b.protocol),
  );
  return { status, ratios, totals: sortedTotals, reasons, problems: [...ruleSet.problems] };
}

/** E.g. `inbound HTTP 5xx 12.3% ≥ 10% (failure)`, `outbound gRPC status 14 0.50% > 0% (degraded)`. */
export function describeRatio(r: ErrorRatio): string {
  const limit = r.status === "failure" ? r.thresholds.failure : r.thresholds.degraded;
  const comparison = limit === 0 ? "> 0%" : `≥ ${limit}%`;
  return `${r.direction} ${PROTOCOL_LABEL[r.protocol]} ${r.label} ${formatPercent(r.percent)} ${comparison} (${r.status})`;
}

/**
 * A ratio for people: one decimal from 1%, two below, `<0.01%` for the tiniest. Rounds down, so a
 * ratio under a threshold never reads as reaching it (9.99% shows as 9.9%, not 10.0%).
 */
export function formatPercent(percent: number): string {
  if (percent <= 0) return "0%";
  if (percent < 0.01) return "<0.01%";
  const digits = percent >= 1 ? 1 : 2;
  const scale = 10 ** digits;
  return `${(Math.floor(percent * scale + EPSILON) / scale).toFixed(digits)}%`;
}
