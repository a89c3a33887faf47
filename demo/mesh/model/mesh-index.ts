/**
 * Everything the traffic simulator needs from one {@link MeshState}, compiled once per state change:
 * workloads and pods, the service registry, route tables, DestinationRules, mTLS modes and
 * authorization policies. Lookups that depend on the request's target are memoised per index, so
 * the per-request path is map lookups.
 */
import type { MeshState } from "../../contracts";
import { authorize, compileAuthorizationPolicy, policiesFor, type AuthzDecision, type AuthzRequest, type CompiledAuthorizationPolicy } from "./authorization";
import { compileDestinationRule, findDestinationRule, tlsModeFor, type CompiledDestinationRule } from "./destination-rules";
import { compileGateway, type CompiledGateway } from "./gateways";
import { hostMatches, hostSpecificity } from "./names";
import { compilePeerAuthentication, effectiveMtlsMode, type CompiledPeerAuthentication, type MtlsMode } from "./peer-authentication";
import { buildServices, type ServiceInfo } from "./services";
import { compileVirtualService, defaultHttpRoute, type CompiledVirtualService, type HttpRoute, type TcpRoute } from "./virtual-services";
import { buildWorkloads, selectorMatches, type PodRef, type Workload } from "./workloads";

export interface SubsetLookup {
  found: boolean;
  labels?: Record<string, string>;
  tlsMode?: string;
}

export interface Endpoint {
  workload: Workload;
  pod: PodRef;
}

const byAge = <T extends { created: string; key: string }>(a: T, b: T): number =>
  a.created.localeCompare(b.created) || a.key.localeCompare(b.key);

function mostSpecific(candidates: CompiledVirtualService[], host: string): CompiledVirtualService | undefined {
  let best: CompiledVirtualService | undefined;
  let bestScore = -1;
  for (const vs of candidates) {
    for (const pattern of vs.hosts) {
      if (!hostMatches(pattern, host)) continue;
      const score = hostSpecificity(pattern);
      if (score > bestScore) {
        best = vs;
        bestScore = score;
      }
    }
  }
  return best;
}

/** One compiled {@link MeshState}; build a new one when the state changes. */
export class MeshIndex {
  readonly namespaces: ReadonlySet<string>;
  readonly workloads: readonly Workload[];
  readonly services: ReadonlyMap<string, ServiceInfo>;
  private readonly virtualServices: CompiledVirtualService[];
  private readonly destinationRules: CompiledDestinationRule[];
  private readonly gateways: CompiledGateway[];
  private readonly peerAuthentications: CompiledPeerAuthentication[];
  private readonly authorizationPolicies: CompiledAuthorizationPolicy[];
  private readonly memo = new Map<string, unknown>();
  private readonly ids = new WeakMap<object, number>();

  /** A small id for an object of this compiled state (e.g. a subset's labels), for memo keys. */
  private objectId(o: object): number {
    let id = this.ids.get(o);
    if (id === undefined) {
      id = this.memo.size + 1;
      this.ids.set(o, id);
      this.memo.set(`id|${id}`, o);
    }
    return id;
  }

  constructor(state: MeshState) {
    this.namespaces = new Set(state.namespaces.map((n) => n.metadata.name));
    this.workloads = buildWorkloads(state.deployments, state.pods);
    this.services = buildServices(state.services, state.serviceEntries, this.workloads);
    this.virtualServices = state.virtualServices.map((v) => compileVirtualService(v, this.namespaces)).sort(byAge);
    this.destinationRules = state.destinationRules.map((d) => compileDestinationRule(d, this.namespaces)).sort(byAge);
    this.gateways = state.gateways.map(compileGateway);
    this.peerAuthentications = state.peerAuthentications.map(compilePeerAuthentication);
    this.authorizationPolicies = state.authorizationPolicies.map(compileAuthorizationPolicy);
  }

  /** Memoises `compute` under `key` for the lifetime of this compiled state. */
  cached<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    this.memo.set(key, value);
    return value;
  }

  workload(namespace: string, name: string): Workload | undefined {
    return this.cached(`wl|${namespace}/${name}`, () => this.workloads.find((w) => w.namespace === namespace && w.name === name));
  }

  /** HTTP routes a sidecar applies to `host` (the implicit default route without a VirtualService). */
  meshHttpRoutes(host: string): HttpRoute[] {
    return this.cached(`mesh|${host}`, () => {
      const vs = mostSpecific(this.virtualServices.filter((v) => v.gateways.has("mesh") && v.http.length > 0), host);
      return vs ? vs.http : [defaultHttpRoute(host)];
    });
  }

  /** The TCP route for `host:port`, if a VirtualService defines one. */
  meshTcpRoute(host: string, port: number): TcpRoute | undefined {
    return this.cached(`tcp|${host}|${port}`, () => {
      const vs = mostSpecific(this.virtualServices.filter((v) => v.gateways.has("mesh") && v.tcp.length > 0), host);
      return vs?.tcp.find((r) => r.port === undefined || r.port === port);
    });
  }

  /**
   * HTTP routes a gateway workload applies to a request for `authority` on `port`; undefined when
   * no Gateway server accepts it or no VirtualService is bound (Envoy answers 404 `NR`).
   */
  gatewayHttpRoutes(gateway: Workload, authority: string, port: number): { routes: HttpRoute[]; gateway: string } | undefined {
    return this.cached(`gw|${gateway.key}|${authority}|${port}`, () => {
      const accepting = new Map<string, Array<{ namespace: string; host: string }>>();
      for (const g of this.gateways) {
        if (!selectorMatches(g.selector, gateway.labels)) continue;
        for (const s of g.servers) {
          const hosts = s.hosts.filter((h) => s.port === port && hostMatches(h.host, authority));
          if (hosts.length) accepting.set(g.key, hosts);
        }
      }
      const candidates = this.virtualServices.filter((vs) =>
        [...vs.gateways].some((g) => accepting.get(g)?.some((h) => h.namespace === "*" || h.namespace === vs.namespace)),
      );
      const vs = mostSpecific(candidates, authority);
      if (!vs) return undefined;
      const gw = [...vs.gateways].find((g) => accepting.has(g)) ?? "";
      return { routes: vs.http, gateway: gw };
    });
  }

  destinationRule(host: string, clientNamespace: string): CompiledDestinationRule | undefined {
    return this.cached(`dr|${host}|${clientNamespace}`, () =>
      findDestinationRule(this.destinationRules, host, clientNamespace, this.services.get(host)?.namespace),
    );
  }

  /**
   * Resolves a route's subset through the client's DestinationRule: its labels and the client TLS
   * mode; `found` is false when the subset is not defined (Envoy: no cluster, `NC`).
   */
  subset(host: string, clientNamespace: string, subset: string | undefined, port: number): SubsetLookup {
    return this.cached(`ss|${host}|${clientNamespace}|${subset ?? ""}|${port}`, () => {
      const dr = this.destinationRule(host, clientNamespace);
      const tlsMode = tlsModeFor(dr, subset, port);
      if (!subset) return { found: true, tlsMode };
      const s = dr?.subsets.get(subset);
      return s ? { found: true, labels: s.labels, tlsMode } : { found: false };
    });
  }

  /** Ready endpoints of a service, restricted to a subset's labels. */
  endpoints(service: ServiceInfo, subsetLabels: Record<string, string> | undefined): Endpoint[] {
    const key = `ep|${service.host}|${subsetLabels ? this.objectId(subsetLabels) : ""}`;
    return this.cached(key, () =>
      service.workloads
        .filter((w) => !subsetLabels || selectorMatches(subsetLabels, w.labels))
        .flatMap((w) => w.readyPods.filter((p) => !subsetLabels || selectorMatches(subsetLabels, p.labels)).map((pod) => ({ workload: w, pod }))),
    );
  }

  mtlsMode(workload: Workload, targetPort: number): MtlsMode {
    return this.cached(`pa|${workload.key}|${targetPort}`, () => effectiveMtlsMode(this.peerAuthentications, workload, targetPort));
  }

  authorize(workload: Workload, req: AuthzRequest): AuthzDecision {
    const policies = this.cached(`ap|${workload.key}`, () => policiesFor(this.authorizationPolicies, workload));
    return policies.length === 0 ? { allowed: true } : authorize(policies, req);
  }

  /** Workloads that start requests on their own (`originate` in their profile). */
  originators(): Workload[] {
    return this.cached("originators", () => this.workloads.filter((w) => (w.profile.originate?.weight ?? 0) > 0));
  }
}
