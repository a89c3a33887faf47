import type { WizardContext, WizardTarget } from "../api";
import type { AuthorizationInput } from "../inputs";

/**
 * The authorization form: an allow-list of a workload's callers (proposed from the callers seen in
 * the graph, plus principals and namespaces typed by hand) or a deny-all for the whole namespace.
 */

export type Caller = WizardContext["callers"][number];

/** A caller as the form offers it: its identity when it has one (a sidecar), or why it cannot be allowed. */
export interface CallerOption {
  key: string;
  caller: Caller;
  /** The principal to allow (`cluster.local/ns/<ns>/sa/<sa>`), null without a sidecar identity. */
  principal: string | null;
}

export interface AuthorizationDraft {
  mode: "allow-callers" | "deny-all";
  /** Keys of the offered callers that are ticked. */
  selected: string[];
  /** More principals, separated by commas, blanks or new lines. */
  extraPrincipals: string;
  extraNamespaces: string;
}

/** Istio's principals are written without the `spiffe://` scheme the telemetry carries. */
export const barePrincipal = (p: string): string => p.replace(/^spiffe:\/\//, "");

/** The callers to offer, those with an identity first, each key `namespace/workload`. */
export function callerOptions(callers: readonly Caller[]): CallerOption[] {
  const seen = new Set<string>();
  const out: CallerOption[] = [];
  for (const c of callers) {
    const key = `${c.namespace}/${c.workload}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, caller: c, principal: c.principal ? barePrincipal(c.principal) : null });
  }
  return out.sort((a, b) => Number(b.principal !== null) - Number(a.principal !== null) || a.key.localeCompare(b.key));
}

/**
 * The first state: allow-list every caller with an identity when the target is a workload, deny-all
 * for a namespace (the only choice there).
 */
export function initialAuthorization(target: WizardTarget, options: readonly CallerOption[]): AuthorizationDraft {
  return {
    mode: target.workload ? "allow-callers" : "deny-all",
    selected: options.filter((o) => o.principal !== null).map((o) => o.key),
    extraPrincipals: "",
    extraNamespaces: "",
  };
}

/** Entries of a free-text list. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The principals the form allows: the ticked callers' (in offer order), then the typed ones; no duplicates. */
export function allowedPrincipals(d: AuthorizationDraft, options: readonly CallerOption[]): { fromCallers: string[]; typed: string[] } {
  const fromCallers = [...new Set(options.filter((o) => o.principal && d.selected.includes(o.key)).map((o) => o.principal as string))];
  const typed = splitList(d.extraPrincipals).filter((p) => !fromCallers.includes(p));
  return { fromCallers, typed };
}

/** The wizard's target for the form: deny-all acts on the namespace, so it drops the workload. */
export function authorizationTarget(d: AuthorizationDraft, target: WizardTarget): WizardTarget {
  return d.mode === "deny-all" ? { namespace: target.namespace } : target;
}

/** The authorization input of the form. */
export function authorizationInput(d: AuthorizationDraft, options: readonly CallerOption[]): AuthorizationInput {
  if (d.mode === "deny-all") return { mode: "deny-all" };
  const { fromCallers, typed } = allowedPrincipals(d, options);
  return { mode: "allow-callers", principals: [...fromCallers, ...typed], namespaces: splitList(d.extraNamespaces) };
}

/** Which field an error at `principals.<i>` belongs to: the callers' list or the typed principals. */
export function principalField(index: number, d: AuthorizationDraft, options: readonly CallerOption[]): "callers" | "extraPrincipals" {
  return index < allowedPrincipals(d, options).fromCallers.length ? "callers" : "extraPrincipals";
}
