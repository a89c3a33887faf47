/**
 * The mTLS mode a workload's sidecar accepts, as Istio resolves PeerAuthentications: the oldest policy
 * of its namespace whose selector matches it, else the oldest selector-less one of its namespace,
 * else the oldest selector-less one of the root namespace (mesh-wide), else PERMISSIVE. A policy
 * whose mode is UNSET (or absent) passes to the next level. `portLevelMtls` is not considered.
 * https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
import type { IPeerAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication";
import { matchesSelector } from "@/lib/inventory/workloads";
import type { MtlsMode } from "../inputs";
import { byAge } from "./objects";

/** A workload's effective mode and the policy deciding it (none: Istio's default). */
export interface EffectiveMode {
  mode: MtlsMode;
  policy?: IPeerAuthentication;
}

/** The mode a PeerAuthentication sets; `undefined` for UNSET (inherit). */
export function peerMode(pa: IPeerAuthentication): MtlsMode | undefined {
  const m = pa.spec?.mtls?.mode?.toUpperCase();
  return m === "STRICT" || m === "PERMISSIVE" || m === "DISABLE" ? m : undefined;
}

/** True when the policy selects workloads (a selector with labels), rather than a whole namespace. */
export function hasSelector(pa: IPeerAuthentication): boolean {
  return Object.keys(pa.spec?.selector?.matchLabels ?? {}).length > 0;
}

/** The namespace's selector-less policies, oldest first (the first one applies). */
export function namespacePolicies(pas: readonly IPeerAuthentication[], namespace: string): IPeerAuthentication[] {
  return pas.filter((p) => p.metadata?.namespace === namespace && !hasSelector(p)).sort(byAge);
}

/** The mode of a workload with `labels` in `namespace` (see the module comment). */
export function effectiveMode(pas: readonly IPeerAuthentication[], rootNamespace: string, namespace: string, labels: Record<string, string>): EffectiveMode {
  const own = pas
    .filter((p) => p.metadata?.namespace === namespace && hasSelector(p) && matchesSelector(p.spec?.selector?.matchLabels, labels))
    .sort(byAge)[0];
  for (const p of [own, namespacePolicies(pas, namespace)[0], namespacePolicies(pas, rootNamespace)[0]]) {
    const mode = p && peerMode(p);
    if (p && mode) return { mode, policy: p };
  }
  return { mode: "PERMISSIVE" };
}

/** The mode the namespace's own selector-less policy sets (`UNSET` without one, or when it inherits). */
export function namespaceMode(pas: readonly IPeerAuthentication[], namespace: string): MtlsMode | "UNSET" {
  const p = namespacePolicies(pas, namespace)[0];
  return (p && peerMode(p)) ?? "UNSET";
}
