/**
 * AP001: a `source.namespaces` value of an AuthorizationPolicy rule that matches no namespace
 * (exactly, or as a `prefix*` / `*suffix` pattern). The rule never matches requests from it: an
 * ALLOW policy lets nothing in from there, a DENY policy blocks nothing.
 */
import { istioMatch } from "../istio-match";
import { defineRule } from "../rule";

export const apNamespaceNotFound = defineRule({
  code: "AP001",
  kind: "AuthorizationPolicy",
  needs: ["namespaces"],
  check(ap, ctx, report) {
    const names = [...ctx.namespaces.keys()];
    (ap.spec.rules ?? []).forEach((rule, i) =>
      (rule.from ?? []).forEach((from, j) =>
        (from.source?.namespaces ?? []).forEach((ns, k) => {
          if (!ns || names.some((n) => istioMatch(ns, n))) return;
          report(["spec", "rules", i, "from", j, "source", "namespaces", k], ns.includes("*") ? `No namespace matches ${ns}` : `Namespace ${ns} does not exist`);
        }),
      ),
    );
  },
});
