/**
 * Authorization: an allow-list of a workload's callers (principals and/or namespaces), or a
 * namespace-wide deny-all.
 */
import type { IAuthorizationPolicy } from "@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy";
import type { WizardWarning } from "../api";
import type { AuthorizationInput } from "../inputs";
import { invalid, managedMetadata, plan, refOf, success } from "./objects";
import { effectiveMode } from "./mtls-effective";
import { isFailure, requireWorkload } from "./target";
import type { BuildResult, CallerInfo, WizardSnapshot, WorkloadInfo } from "./types";

/** The suffix of the allow-list policy's name: `<workload>-allow-callers`. */
export const ALLOW_CALLERS_SUFFIX = "-allow-callers";
/** The name of the namespace-wide deny-all policy (what Istio's docs call it, so operators recognise it). */
export const DENY_ALL_NAME = "deny-all";

/** Istio's string match for principals and namespaces: exact, `*`, `prefix*` or `*suffix`. */
export function matchesPattern(pattern: string, value: string): boolean {
  if (pattern === "*") return true;
  if (pattern.startsWith("*")) return value.endsWith(pattern.slice(1));
  if (pattern.endsWith("*")) return value.startsWith(pattern.slice(0, -1));
  return pattern === value;
}

/** True when a caller gets through the allow-list (identity needs mTLS: callers without a principal do not). */
export function callerAllowed(c: CallerInfo, principals: readonly string[], namespaces: readonly string[]): boolean {
  if (!c.principal) return false;
  const ns = /\/ns\/([^/]+)\//.exec(c.principal)?.[1] ?? c.namespace;
  return principals.some((p) => matchesPattern(p, c.principal ?? "")) || namespaces.some((p) => matchesPattern(p, ns));
}

function policy(namespace: string, name: string, current: IAuthorizationPolicy | undefined, spec: IAuthorizationPolicy["spec"]): IAuthorizationPolicy {
  return { apiVersion: "security.istio.io/v1", kind: "AuthorizationPolicy", metadata: managedMetadata(current?.metadata, name, namespace), spec };
}

const findPolicy = (snap: WizardSnapshot, name: string) => snap.authorizationPolicies.find((p) => p.metadata?.namespace === snap.target.namespace && p.metadata.name === name);

/** Builds the policy the input asks for. */
export function buildAuthorization(snap: WizardSnapshot, input: AuthorizationInput): BuildResult {
  const ns = snap.target.namespace;
  if (input.mode === "deny-all") {
    const current = findPolicy(snap, DENY_ALL_NAME);
    const seen = snap.callers?.length ?? 0;
    const warnings: WizardWarning[] = [
      { code: "deny-all", message: `every request to the workloads of ${ns} will be refused (403) unless an ALLOW policy matches it${seen > 0 ? `; ${seen} caller(s) were seen in the last 10 minutes` : ""}` },
    ];
    // An ALLOW policy without rules matches nothing, so it denies everything it selects: `spec: {}`.
    return success([plan(policy(ns, DENY_ALL_NAME, current, {}), current)], warnings);
  }
  const w = requireWorkload(snap);
  if (isFailure(w)) return w;
  const name = `${w.name}${ALLOW_CALLERS_SUFFIX}`;
  if (name.length > 253) return invalid([{ path: "target.workload", message: `is too long for the policy name ${name.slice(0, 20)}…${ALLOW_CALLERS_SUFFIX} (at most 253 characters)` }]);
  const current = findPolicy(snap, name);
  const from = [...(input.principals.length > 0 ? [{ source: { principals: input.principals } }] : []), ...(input.namespaces.length > 0 ? [{ source: { namespaces: input.namespaces } }] : [])];
  const ap = policy(ns, name, current, { selector: { matchLabels: { ...w.selector } }, action: "ALLOW", rules: [{ from }] });
  return success([plan(ap, current)], allowWarnings(snap, w, input, name));
}

function allowWarnings(snap: WizardSnapshot, w: WorkloadInfo, input: Extract<AuthorizationInput, { mode: "allow-callers" }>, name: string): WizardWarning[] {
  const warnings: WizardWarning[] = [];
  if (!w.sidecar) warnings.push({ code: "no-sidecar", message: `${w.name} has no sidecar: authorization policies do not apply to it` });
  if (effectiveMode(snap.peerAuthentications, snap.rootNamespace, w.namespace, w.labels).mode === "DISABLE") {
    warnings.push({ code: "needs-mtls", message: `${w.name} has mTLS disabled: callers carry no identity, so no principal or namespace matches and every request is refused` });
  }
  const denied = (snap.callers ?? []).filter((c) => (c.destinations.length === 0 || c.destinations.includes(w.name)) && !callerAllowed(c, input.principals, input.namespaces));
  if (denied.length > 0) {
    const who = [...new Set(denied.map((c) => (c.workload === "unknown" ? "callers outside the mesh" : `${c.namespace}/${c.workload}`)))];
    warnings.push({ code: "callers-denied", message: `callers seen in the last 10 minutes would be refused: ${who.join(", ")}` });
  }
  const others = snap.authorizationPolicies.filter((p) => p.metadata?.name !== name && (p.spec?.action ?? "ALLOW") === "ALLOW" && (p.spec?.rules ?? []).length > 0);
  const selecting = others.filter((p) => {
    const sel = p.spec?.selector?.matchLabels ?? {};
    return Object.entries(sel).every(([k, v]) => w.labels[k] === v);
  });
  if (selecting.length > 0) {
    warnings.push({ code: "other-allow-policies", message: `${selecting.map(refOf).join(", ")} also allow requests to ${w.name}: a request any ALLOW policy matches gets through` });
  }
  return warnings;
}
