import type { RequestRoutingInput } from "../inputs";
import { initialWeightsState, weightsInput, weightsReducer, type WeightsAction, type WeightsState } from "./weights-state";
import type { VersionWeight } from "./weights";

/**
 * The request-routing form: ordered rules, each with its matches (any of them; each needs all its
 * conditions) and its weighted versions. Condition kinds use `""` for "not matched on". The routes
 * reuse the traffic-shifting editor's state, so weights rebalance the same way.
 */
export type MatchKind = "" | "exact" | "prefix" | "regex";

export interface HeaderDraft {
  name: string;
  kind: Exclude<MatchKind, "">;
  value: string;
}

export interface MatchDraft {
  headers: HeaderDraft[];
  uriKind: MatchKind;
  uri: string;
  methodKind: MatchKind;
  method: string;
}

export interface RuleDraft {
  matches: MatchDraft[];
  routes: WeightsState;
}

export interface RoutingDraft {
  rules: RuleDraft[];
}

/** A match on one header, the usual way to send a user or a tester to a version. */
export const newMatch = (): MatchDraft => ({ headers: [{ name: "end-user", kind: "exact", value: "" }], uriKind: "", uri: "", methodKind: "", method: "" });

/** One catch-all rule with the weights in force: what a service without rules does. */
export function initialRouting(weights: readonly VersionWeight[]): RoutingDraft {
  return { rules: [{ matches: [], routes: initialWeightsState(weights) }] };
}

export type RoutingAction =
  | { type: "add-rule"; weights: readonly VersionWeight[] }
  | { type: "remove-rule"; rule: number }
  | { type: "move-rule"; rule: number; by: -1 | 1 }
  | { type: "add-match"; rule: number }
  | { type: "remove-match"; rule: number; match: number }
  | { type: "set-match"; rule: number; match: number; patch: Partial<Omit<MatchDraft, "headers">> }
  | { type: "add-header"; rule: number; match: number }
  | { type: "remove-header"; rule: number; match: number; header: number }
  | { type: "set-header"; rule: number; match: number; header: number; patch: Partial<HeaderDraft> }
  | { type: "routes"; rule: number; action: WeightsAction };

const at = <T>(list: readonly T[], i: number, f: (t: T) => T): T[] => list.map((t, j) => (j === i ? f(t) : t));
const without = <T>(list: readonly T[], i: number): T[] => list.filter((_, j) => j !== i);

function onMatch(d: RoutingDraft, rule: number, match: number, f: (m: MatchDraft) => MatchDraft): RoutingDraft {
  return { rules: at(d.rules, rule, (r) => ({ ...r, matches: at(r.matches, match, f) })) };
}

/** The form's reducer. A new rule goes before a trailing catch-all (which must stay last). */
export function routingReducer(d: RoutingDraft, a: RoutingAction): RoutingDraft {
  switch (a.type) {
    case "add-rule": {
      const rule: RuleDraft = { matches: [newMatch()], routes: initialWeightsState(a.weights) };
      const last = d.rules[d.rules.length - 1];
      const at = last && last.matches.length === 0 ? d.rules.length - 1 : d.rules.length;
      return { rules: [...d.rules.slice(0, at), rule, ...d.rules.slice(at)] };
    }
    case "remove-rule":
      return { rules: without(d.rules, a.rule) };
    case "move-rule": {
      const to = a.rule + a.by;
      const from = d.rules[a.rule];
      const other = d.rules[to];
      if (!from || !other) return d;
      return { rules: d.rules.map((r, i) => (i === a.rule ? other : i === to ? from : r)) };
    }
    case "add-match":
      return { rules: at(d.rules, a.rule, (r) => ({ ...r, matches: [...r.matches, newMatch()] })) };
    case "remove-match":
      return { rules: at(d.rules, a.rule, (r) => ({ ...r, matches: without(r.matches, a.match) })) };
    case "set-match":
      return onMatch(d, a.rule, a.match, (m) => ({ ...m, ...a.patch }));
    case "add-header":
      return onMatch(d, a.rule, a.match, (m) => ({ ...m, headers: [...m.headers, { name: "", kind: "exact", value: "" }] }));
    case "remove-header":
      return onMatch(d, a.rule, a.match, (m) => ({ ...m, headers: without(m.headers, a.header) }));
    case "set-header":
      return onMatch(d, a.rule, a.match, (m) => ({ ...m, headers: at(m.headers, a.header, (h) => ({ ...h, ...a.patch })) }));
    case "routes":
      return { rules: at(d.rules, a.rule, (r) => ({ ...r, routes: weightsReducer(r.routes, a.action) })) };
  }
}

function condition(kind: MatchKind, value: string): { kind: Exclude<MatchKind, "">; value: string } | undefined {
  return kind === "" ? undefined : { kind, value };
}

/** The wizard's input for the form (validated by `requestRoutingInput`; indices match the form's). */
export function routingInput(d: RoutingDraft): RequestRoutingInput {
  return {
    rules: d.rules.map((r) => ({
      matches: r.matches.map((m) => ({
        headers: m.headers.map((h) => ({ name: h.name.trim(), match: { kind: h.kind, value: h.value } })),
        ...(m.uriKind ? { uri: condition(m.uriKind, m.uri) } : {}),
        ...(m.methodKind ? { method: condition(m.methodKind, m.method) } : {}),
      })),
      routes: weightsInput(r.routes).weights,
    })),
  };
}
