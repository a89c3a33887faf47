/**
 * DestinationRules: subsets (labels selecting a version) and the client TLS mode per port/subset.
 */
import type { KubeObject } from "../../contracts";
import { hostMatches, resolveHost, ROOT_NAMESPACE } from "./names";

interface TrafficPolicy {
  tls?: { mode?: string };
  portLevelSettings?: Array<{ port?: { number?: number }; tls?: { mode?: string } }>;
}

interface CompiledPolicy {
  tls?: string;
  portTls: Map<number, string>;
}

export interface CompiledSubset extends CompiledPolicy {
  labels: Record<string, string>;
}

export interface CompiledDestinationRule extends CompiledPolicy {
  key: string;
  namespace: string;
  host: string;
  subsets: Map<string, CompiledSubset>;
  created: string;
}

function compilePolicy(p: TrafficPolicy | undefined): CompiledPolicy {
  const portTls = new Map<number, string>();
  for (const s of p?.portLevelSettings ?? []) {
    if (typeof s.port?.number === "number" && s.tls?.mode) portTls.set(s.port.number, s.tls.mode);
  }
  return { tls: p?.tls?.mode, portTls };
}

/** Compiles a DestinationRule: resolved host, subsets and TLS modes. */
export function compileDestinationRule(dr: KubeObject, namespaces: ReadonlySet<string>): CompiledDestinationRule {
  const ns = dr.metadata.namespace ?? "default";
  const spec = (dr.spec ?? {}) as {
    host?: string;
    trafficPolicy?: TrafficPolicy;
    subsets?: Array<{ name?: string; labels?: Record<string, string>; trafficPolicy?: TrafficPolicy }>;
  };
  const subsets = new Map<string, CompiledSubset>();
  for (const s of spec.subsets ?? []) {
    if (s.name) subsets.set(s.name, { labels: s.labels ?? {}, ...compilePolicy(s.trafficPolicy) });
  }
  return {
    key: `${ns}/${dr.metadata.name}`,
    namespace: ns,
    host: resolveHost(spec.host ?? "", ns, namespaces),
    subsets,
    ...compilePolicy(spec.trafficPolicy),
    created: String(dr.metadata.creationTimestamp ?? ""),
  };
}

/**
 * The DestinationRule a client in `clientNamespace` applies to `host`, by Istio's lookup order:
 * the client's namespace, then the service's namespace, then the root namespace; exact hosts
 * before wildcards. Several rules for the same host in one namespace are merged as Istio does:
 * subsets are combined (the oldest rule wins a name clash) and the oldest traffic policy applies.
 * `rules` must be sorted oldest first.
 */
export function findDestinationRule(
  rules: readonly CompiledDestinationRule[],
  host: string,
  clientNamespace: string,
  serviceNamespace: string | undefined,
): CompiledDestinationRule | undefined {
  for (const ns of [clientNamespace, serviceNamespace, ROOT_NAMESPACE]) {
    if (!ns) continue;
    const inNs = rules.filter((r) => r.namespace === ns && hostMatches(r.host, host));
    const exact = inNs.filter((r) => r.host === host);
    const chosen = exact.length ? exact : inNs.slice(0, 1);
    if (chosen.length) return merge(chosen);
  }
  return undefined;
}

function merge(rules: CompiledDestinationRule[]): CompiledDestinationRule {
  const [first, ...rest] = rules as [CompiledDestinationRule, ...CompiledDestinationRule[]];
  if (rest.length === 0) return first;
  const subsets = new Map(first.subsets);
  for (const r of rest) for (const [name, s] of r.subsets) if (!subsets.has(name)) subsets.set(name, s);
  const withPolicy = rules.find((r) => r.tls !== undefined || r.portTls.size > 0) ?? first;
  return { ...first, subsets, tls: withPolicy.tls, portTls: withPolicy.portTls };
}

/** The client TLS mode (`ISTIO_MUTUAL`, `DISABLE`, `SIMPLE`, …) for a subset/port, if set. */
export function tlsModeFor(dr: CompiledDestinationRule | undefined, subset: string | undefined, port: number): string | undefined {
  if (!dr) return undefined;
  const s = subset ? dr.subsets.get(subset) : undefined;
  return s?.portTls.get(port) ?? s?.tls ?? dr.portTls.get(port) ?? dr.tls;
}
