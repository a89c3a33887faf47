/**
 * GW001, SC002, AP003, PA001, RA001: a selector that matches no workload, so the object applies to
 * nothing. Policies and Sidecars select workloads of their own namespace; Gateways select them in
 * every namespace unless istiod runs with PILOT_SCOPE_GATEWAY_TO_NAMESPACE (option
 * `gatewayScopeToNamespace`). Empty selectors (namespace-wide objects) and policies attached with
 * `targetRef(s)` are not checked.
 */
import type { Config } from "../config";
import { type Context, selectWorkloads } from "../context";
import type { PathSegment } from "../path";
import type { ValidationCode } from "../registry";
import { defineRule, type Rule } from "../rule";
import type { ConfigKind } from "../types";
import { hasLabels } from "../workloads";

interface Selection {
  labels: Record<string, string> | undefined;
  path: PathSegment[];
  /** Namespace searched; undefined for all. */
  namespace: string | undefined;
}

function selectorRule<K extends ConfigKind>(code: ValidationCode, kind: K, select: (obj: Config<K>, ctx: Context) => Selection | undefined): Rule<K> {
  return defineRule({
    code,
    kind,
    needs: ["workloads"],
    check(obj, ctx, report) {
      const s = select(obj, ctx);
      if (!s || !hasLabels(s.labels)) return;
      if (selectWorkloads(ctx, s.labels, s.namespace).length > 0) return;
      const labels = Object.entries(s.labels)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${k}=${v}`)
        .join(", ");
      report(s.path, `No workload ${s.namespace === undefined ? "in any namespace" : `in namespace ${s.namespace}`} has the labels ${labels}: this ${kind} applies to nothing`);
    },
  });
}

type Policy = Config<"PeerAuthentication"> | Config<"AuthorizationPolicy"> | Config<"RequestAuthentication">;
const targeted = (spec: Policy["spec"]) => ("targetRef" in spec && spec.targetRef !== undefined) || ("targetRefs" in spec && (spec.targetRefs ?? []).length > 0);
const policySelection = (p: Policy): Selection | undefined =>
  targeted(p.spec) ? undefined : { labels: p.spec.selector?.matchLabels, path: ["spec", "selector", "matchLabels"], namespace: p.ref.namespace };

export const gatewaySelector = selectorRule("GW001", "Gateway", (g, ctx) => ({
  labels: g.spec.selector,
  path: ["spec", "selector"],
  namespace: ctx.options.gatewayScopeToNamespace ? g.ref.namespace : undefined,
}));

export const sidecarSelector = selectorRule("SC002", "Sidecar", (s) => ({
  labels: s.spec.workloadSelector?.labels,
  path: ["spec", "workloadSelector", "labels"],
  namespace: s.ref.namespace,
}));

export const authorizationPolicySelector = selectorRule("AP003", "AuthorizationPolicy", policySelection);
export const peerAuthenticationSelector = selectorRule("PA001", "PeerAuthentication", policySelection);
export const requestAuthenticationSelector = selectorRule("RA001", "RequestAuthentication", policySelection);
