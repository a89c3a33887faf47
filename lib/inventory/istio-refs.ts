/**
 * Which Istio objects apply to a service or a workload: VirtualServices and DestinationRules naming
 * the service's host (in `hosts`, a route destination or a mirror), and the selector kinds
 * (PeerAuthentication, AuthorizationPolicy, RequestAuthentication, Sidecar, Gateway) whose selector
 * matches the workload's pods — or that have none and so apply to their whole namespace, or to the
 * whole mesh from the root namespace.
 */
import type { KubernetesObject } from "@kubernetes/client-node";
import type { IstioRef } from "./schemas";
import { matchesSelector } from "./workloads";

/** Istio's root namespace, where selector-less policies apply mesh-wide. */
export const ROOT_NAMESPACE = "istio-system";
const DOMAIN = "svc.cluster.local";

/** Istio objects of one kind, as the cache lists them (items of a list may lack `kind`). */
export interface IstioGroup {
  kind: string;
  items: readonly KubernetesObject[];
}

interface HostRef {
  ref: Omit<IstioRef, "scope">;
  /** Host patterns and the namespace they are relative to. */
  hosts: string[];
}

interface SelectorRef {
  ref: Omit<IstioRef, "scope">;
  selector: Record<string, string> | undefined;
  /** Gateways select pods in any namespace; policies only in their own. */
  anyNamespace: boolean;
}

/** Istio objects indexed for {@link refsForService} and {@link refsForWorkload}. */
export interface IstioIndex {
  hostRefs: HostRef[];
  selectorRefs: SelectorRef[];
}

type Json = Record<string, unknown>;
const rec = (v: unknown): Json | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const strMap = (v: unknown): Record<string, string> | undefined => {
  const r = rec(v);
  if (!r) return undefined;
  return Object.fromEntries(Object.entries(r).filter((e): e is [string, string] => typeof e[1] === "string"));
};

/** Hosts of a VirtualService's routes (http, tcp, tls) and mirrors. */
function destinationHosts(spec: Json): string[] {
  const hosts: string[] = [];
  for (const section of ["http", "tcp", "tls"]) {
    for (const r of arr(spec[section])) {
      const route = rec(r);
      for (const d of arr(route?.route)) {
        const h = str(rec(rec(d)?.destination)?.host);
        if (h) hosts.push(h);
      }
      const mirror = str(rec(route?.mirror)?.host);
      if (mirror) hosts.push(mirror);
    }
  }
  return hosts;
}

/** Indexes the Istio objects once, for all the lookups of one response. */
export function indexIstioConfig(groups: readonly IstioGroup[]): IstioIndex {
  const index: IstioIndex = { hostRefs: [], selectorRefs: [] };
  for (const { kind, items } of groups) {
    for (const o of items) {
      const name = o.metadata?.name;
      const namespace = o.metadata?.namespace;
      if (!name || !namespace) continue;
      const spec = rec((o as KubernetesObject & { spec?: unknown }).spec) ?? {};
      const ref = { kind, namespace, name };
      switch (kind) {
        case "VirtualService": {
          const gateways = arr(spec.gateways).filter((g): g is string => typeof g === "string");
          const forMesh = gateways.length === 0 || gateways.includes("mesh");
          const hosts = forMesh ? arr(spec.hosts).filter((h): h is string => typeof h === "string") : [];
          index.hostRefs.push({ ref, hosts: [...hosts, ...destinationHosts(spec)] });
          break;
        }
        case "DestinationRule": {
          const host = str(spec.host);
          if (host) index.hostRefs.push({ ref, hosts: [host] });
          break;
        }
        case "Sidecar":
          index.selectorRefs.push({ ref, selector: strMap(rec(spec.workloadSelector)?.labels), anyNamespace: false });
          break;
        case "Gateway": {
          const selector = strMap(spec.selector);
          if (selector && Object.keys(selector).length > 0) index.selectorRefs.push({ ref, selector, anyNamespace: true });
          break;
        }
        case "PeerAuthentication":
        case "AuthorizationPolicy":
        case "RequestAuthentication":
          index.selectorRefs.push({ ref, selector: strMap(rec(spec.selector)?.matchLabels), anyNamespace: false });
          break;
      }
    }
  }
  return index;
}

/**
 * True when `pattern`, written in an object of namespace `configNs`, names the service `name.ns`.
 * Short names are relative to the object's namespace (`reviews`), `name.ns` and `name.ns.svc` are
 * completed with the cluster domain, `*.ns.svc.cluster.local` and `*` are wildcards.
 */
export function hostNamesService(pattern: string, configNs: string, ns: string, name: string): boolean {
  const fqdn = `${name}.${ns}.${DOMAIN}`;
  const p = pattern.trim().toLowerCase();
  if (p === "*") return true;
  if (p.startsWith("*.")) return fqdn.endsWith(p.slice(1));
  if (!p.includes(".")) return configNs === ns && p === name;
  return p === fqdn || p === `${name}.${ns}` || p === `${name}.${ns}.svc`;
}

const byRef = (a: IstioRef, b: IstioRef) => a.kind.localeCompare(b.kind) || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);

/** VirtualServices and DestinationRules that name the service's host. */
export function refsForService(index: IstioIndex, ns: string, name: string): IstioRef[] {
  return index.hostRefs
    .filter((h) => h.hosts.some((p) => hostNamesService(p, h.ref.namespace, ns, name)))
    .map((h): IstioRef => ({ ...h.ref, scope: "host" }))
    .sort(byRef);
}

/**
 * The Istio objects that apply to a workload: those selecting its pods, those of its namespace and of
 * the root namespace without a selector, and the host objects of the services in front of it.
 */
export function refsForWorkload(
  index: IstioIndex,
  ns: string,
  podLabels: Record<string, string>,
  services: readonly string[],
): IstioRef[] {
  const out = new Map<string, IstioRef>();
  const put = (r: IstioRef) => {
    const key = `${r.kind}/${r.namespace}/${r.name}`;
    if (!out.has(key)) out.set(key, r);
  };
  for (const s of index.selectorRefs) {
    if (s.selector && Object.keys(s.selector).length > 0) {
      if ((s.anyNamespace || s.ref.namespace === ns) && matchesSelector(s.selector, podLabels)) put({ ...s.ref, scope: "workload" });
    } else if (s.ref.namespace === ns) put({ ...s.ref, scope: ns === ROOT_NAMESPACE ? "mesh" : "namespace" });
    else if (s.ref.namespace === ROOT_NAMESPACE) put({ ...s.ref, scope: "mesh" });
  }
  for (const svc of services) for (const r of refsForService(index, ns, svc)) put(r);
  return [...out.values()].sort(byRef);
}

/** What a list shows: only the objects that name the object itself (not namespace- or mesh-wide ones). */
export function directRefs(refs: readonly IstioRef[]): IstioRef[] {
  return refs.filter((r) => r.scope === "host" || r.scope === "workload");
}
