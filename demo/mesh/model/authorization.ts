/**
 * AuthorizationPolicy evaluation as a server sidecar's RBAC filters do it: DENY policies first, then,
 * if any ALLOW policy applies to the workload, the request must match one of them.
 * https://istio.io/latest/docs/concepts/security/#authorization-policy-precedence
 */
import type { KubeObject } from "../../contracts";
import { globMatches, namespaceOfPrincipal, ROOT_NAMESPACE } from "./names";
import { selectorMatches, type Workload } from "./workloads";

export interface AuthzRequest {
  /** Peer principal without `spiffe://`; undefined for plaintext. */
  principal?: string;
  method?: string;
  path?: string;
  host?: string;
  port: number;
  headers: Readonly<Record<string, string>>;
  tcp: boolean;
}

export interface AuthzDecision {
  allowed: boolean;
  /** Envoy's `%RESPONSE_CODE_DETAILS%` for a denial. */
  details?: string;
}

type Rule = {
  from?: Array<{ source?: Record<string, string[] | undefined> }>;
  to?: Array<{ operation?: Record<string, string[] | undefined> }>;
  when?: Array<{ key?: string; values?: string[]; notValues?: string[] }>;
};

export interface CompiledAuthorizationPolicy {
  namespace: string;
  name: string;
  action: string;
  selector?: Record<string, string>;
  /** Undefined when the policy has no `rules` (ALLOW: matches nothing). */
  rules?: Rule[];
}

/** Compiles an AuthorizationPolicy (`rules` kept as written; evaluated per request). */
export function compileAuthorizationPolicy(ap: KubeObject): CompiledAuthorizationPolicy {
  const spec = (ap.spec ?? {}) as { selector?: { matchLabels?: Record<string, string> }; action?: string; rules?: Rule[] };
  const selector = spec.selector?.matchLabels;
  return {
    namespace: ap.metadata.namespace ?? "default",
    name: ap.metadata.name,
    action: spec.action ?? "ALLOW",
    selector: selector && Object.keys(selector).length > 0 ? selector : undefined,
    rules: Array.isArray(spec.rules) ? spec.rules : undefined,
  };
}

/** Policies that apply to a workload (its namespace, plus selector-less root-namespace policies). */
export function policiesFor(
  all: readonly CompiledAuthorizationPolicy[],
  workload: Pick<Workload, "namespace" | "labels">,
): CompiledAuthorizationPolicy[] {
  return all.filter(
    (p) =>
      (p.namespace === workload.namespace && selectorMatches(p.selector, workload.labels)) ||
      (p.namespace === ROOT_NAMESPACE && !p.selector),
  );
}

const HTTP_ONLY_OPERATION = ["hosts", "notHosts", "methods", "notMethods", "paths", "notPaths"];
const HTTP_ONLY_SOURCE = ["requestPrincipals", "notRequestPrincipals"];

function anyGlob(patterns: string[], value: string | undefined): boolean {
  return patterns.some((p) => globMatches(p, value));
}

/** Evaluates `field`/`notField` pairs; `skip` lists fields ignored (HTTP-only fields on TCP DENY). */
function fieldsMatch(spec: Record<string, string[] | undefined>, values: Record<string, string | undefined>, skip: string[]): boolean {
  for (const [field, patterns] of Object.entries(spec)) {
    if (!patterns || skip.includes(field)) continue;
    const negated = field.startsWith("not");
    const base = negated ? field[3]!.toLowerCase() + field.slice(4) : field;
    if (!(base in values)) {
      // A condition the simulation cannot evaluate (ipBlocks, requestPrincipals…): never satisfied.
      if (!negated) return false;
      continue;
    }
    const hit = anyGlob(patterns, values[base]);
    if (negated ? hit : !hit) return false;
  }
  return true;
}

function whenMatches(cond: { key?: string; values?: string[]; notValues?: string[] }, req: AuthzRequest): boolean | undefined {
  const key = cond.key ?? "";
  let value: string | undefined;
  const header = /^request\.headers\[(.+)\]$/.exec(key);
  if (header) value = req.headers[header[1]!.toLowerCase()];
  else if (key === "source.principal") value = req.principal;
  else if (key === "source.namespace") value = req.principal ? namespaceOfPrincipal(req.principal) : undefined;
  else if (key === "destination.port") value = String(req.port);
  else return undefined;
  if (cond.values && !anyGlob(cond.values, value)) return false;
  if (cond.notValues && anyGlob(cond.notValues, value)) return false;
  return true;
}

function ruleMatches(rule: Rule, req: AuthzRequest, action: string): boolean {
  const deny = action === "DENY";
  const source = {
    principals: req.principal,
    namespaces: req.principal ? namespaceOfPrincipal(req.principal) : undefined,
  };
  const operation = { methods: req.method, paths: req.path, hosts: req.host, ports: String(req.port) };
  const hasHttpOnly =
    (rule.to ?? []).some((t) => HTTP_ONLY_OPERATION.some((f) => t.operation?.[f])) ||
    (rule.from ?? []).some((f) => HTTP_ONLY_SOURCE.some((k) => f.source?.[k])) ||
    (rule.when ?? []).some((w) => (w.key ?? "").startsWith("request."));
  // On TCP, Istio drops ALLOW rules with HTTP-only fields and strips those fields from DENY rules.
  if (req.tcp && hasHttpOnly && !deny) return false;
  const skip = req.tcp && deny ? [...HTTP_ONLY_OPERATION, ...HTTP_ONLY_SOURCE] : [];
  if (rule.from?.length && !rule.from.some((f) => fieldsMatch(f.source ?? {}, source, skip))) return false;
  if (rule.to?.length && !rule.to.some((t) => fieldsMatch(t.operation ?? {}, operation, skip))) return false;
  for (const cond of rule.when ?? []) {
    if (req.tcp && deny && (cond.key ?? "").startsWith("request.")) continue;
    if (whenMatches(cond, req) !== true) return false;
  }
  return true;
}

function matchingRule(p: CompiledAuthorizationPolicy, req: AuthzRequest): number {
  return (p.rules ?? []).findIndex((r) => ruleMatches(r ?? {}, req, p.action));
}

/** Decides a request against the policies that apply to the server workload. */
export function authorize(policies: readonly CompiledAuthorizationPolicy[], req: AuthzRequest): AuthzDecision {
  for (const p of policies) {
    if (p.action !== "DENY") continue;
    const i = matchingRule(p, req);
    if (i >= 0) return { allowed: false, details: `rbac_access_denied_matched_policy[ns[${p.namespace}]-policy[${p.name}]-rule[${i}]]` };
  }
  const allows = policies.filter((p) => p.action === "ALLOW");
  if (allows.length === 0 || allows.some((p) => matchingRule(p, req) >= 0)) return { allowed: true };
  return { allowed: false, details: "rbac_access_denied_matched_policy[none]" };
}
