/**
 * mTLS as servers accept it (PeerAuthentication) against mTLS as clients originate it
 * (DestinationRule `tls.mode`).
 *
 * A workload's mode: the oldest PeerAuthentication of its namespace whose selector matches it, else
 * the oldest selector-less one of its namespace, else the oldest selector-less one of the root
 * namespace, else Istio's default, PERMISSIVE; a policy whose mode is UNSET (or absent) passes to the
 * next level. `portLevelMtls` is not considered.
 * https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
import { byAge, type Config } from "./config";
import { type Context, serviceWorkloads } from "./context";
import { destinationRulesFor } from "./dr-lookup";
import type { PathSegment } from "./path";
import type { ObjectRef } from "./types";
import { hasLabels } from "./workloads";
import { matchesSelector } from "@/lib/inventory/workloads";

/** The mTLS modes a PeerAuthentication can set (UNSET inherits). */
export type PeerMode = "STRICT" | "PERMISSIVE" | "DISABLE";

/** The mode a workload's servers accept, and which policy sets it. */
export interface EffectiveMtls {
  mode: PeerMode;
  /** The PeerAuthentication that sets it; absent for Istio's default. */
  policy?: ObjectRef;
}

/** The mode a PeerAuthentication sets, `undefined` for UNSET (inherit). */
export function peerMode(pa: Config<"PeerAuthentication">): PeerMode | undefined {
  const m = pa.spec.mtls?.mode?.toUpperCase();
  return m === "STRICT" || m === "PERMISSIVE" || m === "DISABLE" ? m : undefined;
}

/** Selector-less PeerAuthentications of a namespace (namespace-wide; mesh-wide in the root namespace), oldest first. */
export function namespaceWidePolicies(ctx: Context, namespace: string): Config<"PeerAuthentication">[] {
  return ctx.config.PeerAuthentication.filter((p) => p.ref.namespace === namespace && !hasLabels(p.spec.selector?.matchLabels)).sort(byAge);
}

/** The mTLS mode servers of a workload with these labels in `namespace` accept (see the module comment). */
export function effectiveMtls(ctx: Context, namespace: string, labels: Record<string, string>): EffectiveMtls {
  const own = ctx.config.PeerAuthentication.filter((p) => {
    const sel = p.spec.selector?.matchLabels;
    return p.ref.namespace === namespace && hasLabels(sel) && matchesSelector(sel, labels);
  }).sort(byAge)[0];
  for (const p of [own, namespaceWidePolicies(ctx, namespace)[0], namespaceWidePolicies(ctx, ctx.options.rootNamespace)[0]]) {
    const mode = p && peerMode(p);
    if (p && mode) return { mode, policy: p.ref };
  }
  return { mode: "PERMISSIVE" };
}

/** One `tls.mode` of a DestinationRule, and where it is. */
export interface TlsSetting {
  /** Upper-cased `tls.mode`. */
  mode: string;
  /** Path of the `mode` field. */
  path: PathSegment[];
  /** For a subset's traffic policy: the subset's labels. */
  subsetLabels?: Record<string, string>;
}

/** Every `tls.mode` of a DestinationRule: host-wide, per port, per subset and per subset port. */
export function tlsSettings(dr: Config<"DestinationRule">): TlsSetting[] {
  const out: TlsSetting[] = [];
  const collect = (policy: Config<"DestinationRule">["spec"]["trafficPolicy"], base: PathSegment[], subsetLabels?: Record<string, string>) => {
    const add = (mode: string | undefined, path: PathSegment[]) => {
      if (mode) out.push({ mode: mode.toUpperCase(), path, ...(subsetLabels ? { subsetLabels } : {}) });
    };
    add(policy?.tls?.mode, [...base, "trafficPolicy", "tls", "mode"]);
    (policy?.portLevelSettings ?? []).forEach((p, i) => add(p.tls?.mode, [...base, "trafficPolicy", "portLevelSettings", i, "tls", "mode"]));
  };
  collect(dr.spec.trafficPolicy, ["spec"]);
  (dr.spec.subsets ?? []).forEach((s, i) => collect(s.trafficPolicy, ["spec", "subsets", i], s.labels ?? {}));
  return out;
}

/** A DestinationRule `tls.mode` that the servers it reaches refuse. */
export interface MtlsConflict {
  /** `disable-vs-strict`: the client sends plaintext to a STRICT server; `mutual-vs-disable`: mTLS to a server that disabled it. */
  type: "disable-vs-strict" | "mutual-vs-disable";
  dr: ObjectRef;
  /** Path of the DestinationRule's `tls.mode`. */
  path: PathSegment[];
  policy: ObjectRef;
  /** The Services affected, `namespace/name`, sorted. */
  services: string[];
}

/**
 * DestinationRule TLS settings that contradict the servers' PeerAuthentication: for every Service a
 * rule applies to (it is the most specific rule for the Service's host), the mode of each workload
 * behind it (or of its namespace when it has none).
 */
export function mtlsConflicts(ctx: Context): MtlsConflict[] {
  return ctx.memo("mtls-conflicts", () => {
    const found = new Map<string, MtlsConflict>();
    const relevant = ctx.config.DestinationRule.map((dr) => ({ dr, settings: tlsSettings(dr).filter((s) => s.mode === "ISTIO_MUTUAL" || s.mode === "DISABLE") })).filter(
      (e) => e.settings.length > 0,
    );
    if (relevant.length === 0) return [];
    // Which rule applies to each Service, computed once rather than once per rule.
    const suffix = `.svc.${ctx.options.clusterDomain}`;
    const servicesOf = new Map<Config<"DestinationRule">, Config<"Service">[]>();
    for (const svc of ctx.config.Service) {
      for (const dr of destinationRulesFor(ctx, `${svc.ref.name}.${svc.ref.namespace}${suffix}`)) servicesOf.set(dr, [...(servicesOf.get(dr) ?? []), svc]);
    }
    const modes = new Map<string, EffectiveMtls>();
    const modeOf = (namespace: string, labels: Record<string, string>) => {
      const key = JSON.stringify([namespace, Object.entries(labels).sort()]);
      let m = modes.get(key);
      if (!m) modes.set(key, (m = effectiveMtls(ctx, namespace, labels)));
      return m;
    };
    for (const { dr, settings } of relevant) {
      const services = servicesOf.get(dr) ?? [];
      for (const setting of settings) {
        for (const svc of services) {
          const behind = serviceWorkloads(ctx, svc).filter((w) => !setting.subsetLabels || matchesSelector(setting.subsetLabels, w.labels));
          if (behind.length === 0 && setting.subsetLabels) continue;
          const targets = behind.length > 0 ? behind : [{ namespace: svc.ref.namespace, labels: {} }];
          for (const t of targets) {
            const eff = modeOf(t.namespace, t.labels);
            const type = setting.mode === "DISABLE" && eff.mode === "STRICT" ? "disable-vs-strict" : setting.mode === "ISTIO_MUTUAL" && eff.mode === "DISABLE" ? "mutual-vs-disable" : undefined;
            if (!type || !eff.policy) continue;
            const key = JSON.stringify([dr.ref, setting.path, eff.policy]);
            const c = found.get(key) ?? { type, dr: dr.ref, path: setting.path, policy: eff.policy, services: [] };
            const name = `${svc.ref.namespace}/${svc.ref.name}`;
            if (!c.services.includes(name)) c.services.push(name);
            found.set(key, c);
          }
        }
      }
    }
    return [...found.values()].map((c) => ({ ...c, services: c.services.sort() }));
  });
}

/** A short list of services for messages: the first three, then how many more. */
export function serviceList(services: readonly string[]): string {
  const shown = services.slice(0, 3).join(", ");
  return services.length > 3 ? `${shown} and ${services.length - 3} more` : shown;
}
