/**
 * AP002: a `source.principals` value `<trust domain>/ns/<namespace>/sa/<service account>` whose
 * namespace or service account does not exist (for a `prefix*` / `*suffix` pattern: that matches no
 * existing service account). The rule never matches: an ALLOW policy locks the intended caller out.
 * Principals of another trust domain than the mesh's cannot be checked and are skipped; every
 * namespace counts as having its `default` service account.
 */
import type { Context } from "../context";
import { istioMatch } from "../istio-match";
import { defineRule } from "../rule";

const PRINCIPAL = /^(.+)\/ns\/([^/]+)\/sa\/([^/]+)$/;

function knownPrincipals(ctx: Context): string[] {
  return ctx.memo("principals", () => {
    const td = ctx.options.trustDomain;
    const out: string[] = [];
    for (const ns of ctx.namespaces.keys()) {
      for (const sa of new Set(["default", ...(ctx.serviceAccounts.get(ns) ?? [])])) out.push(`${td}/ns/${ns}/sa/${sa}`);
    }
    return out.sort();
  });
}

function problem(ctx: Context, principal: string): string | undefined {
  const td = ctx.options.trustDomain;
  if (principal === "*" || principal === "") return undefined;
  if (principal.includes("*")) {
    // A prefix pattern of another trust domain cannot be judged.
    if (principal.endsWith("*") && !principal.startsWith(`${td}/`) && !`${td}/`.startsWith(principal.slice(0, -1))) return undefined;
    return knownPrincipals(ctx).some((p) => istioMatch(principal, p)) ? undefined : `No service account matches principal ${principal}`;
  }
  const m = PRINCIPAL.exec(principal);
  if (!m || m[1] !== td) return undefined;
  const ns = m[2] as string;
  const sa = m[3] as string;
  if (!ctx.namespaces.has(ns)) return `Namespace ${ns} of principal ${principal} does not exist`;
  if (sa !== "default" && !ctx.serviceAccounts.get(ns)?.has(sa)) return `Service account ${sa} not found in namespace ${ns}`;
  return undefined;
}

export const apPrincipalNotFound = defineRule({
  code: "AP002",
  kind: "AuthorizationPolicy",
  needs: ["namespaces", "serviceAccounts"],
  check(ap, ctx, report) {
    (ap.spec.rules ?? []).forEach((rule, i) =>
      (rule.from ?? []).forEach((from, j) =>
        (from.source?.principals ?? []).forEach((p, k) => {
          const why = problem(ctx, p.trim());
          if (why) report(["spec", "rules", i, "from", j, "source", "principals", k], why);
        }),
      ),
    );
  },
});
