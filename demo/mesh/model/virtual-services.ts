/**
 * VirtualServices compiled into route tables: ordered HTTP routes (matches, weighted destinations,
 * faults, timeout, retries) and TCP routes.
 */
import type { KubeObject } from "../../contracts";
import { parseDurationMs } from "./durations";
import { compileMatch, type CompiledMatch } from "./http-match";
import { resolveHost } from "./names";
import { compileRetries, DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy";

export interface RouteDestination {
  /** FQDN */
  host: string;
  subset?: string;
  port?: number;
  weight: number;
}

export interface FaultSpec {
  delay?: { ms: number; fraction: number };
  abort?: { httpStatus?: number; grpcStatus?: number; fraction: number };
}

export interface HttpRoute {
  /** `<ns>/<name>` of the VirtualService, empty for the implicit default route. */
  virtualService: string;
  /** Route name as Envoy reports it (`%ROUTE_NAME%`). */
  name: string;
  /** Any of these must match; undefined matches everything. */
  matches?: CompiledMatch[];
  destinations: RouteDestination[];
  totalWeight: number;
  fault?: FaultSpec;
  timeoutMs?: number;
  retries: RetryPolicy;
  directResponse?: { status: number };
  redirect?: boolean;
}

export interface TcpRoute {
  port?: number;
  destinations: RouteDestination[];
  totalWeight: number;
}

export interface CompiledVirtualService {
  key: string;
  namespace: string;
  /** Resolved host patterns. */
  hosts: string[];
  /** `mesh` and/or `<ns>/<name>` gateways. */
  gateways: Set<string>;
  http: HttpRoute[];
  tcp: TcpRoute[];
  created: string;
}

const GRPC_CODES: Record<string, number> = {
  OK: 0, CANCELLED: 1, UNKNOWN: 2, INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7, RESOURCE_EXHAUSTED: 8, FAILED_PRECONDITION: 9, ABORTED: 10, OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12, INTERNAL: 13, UNAVAILABLE: 14, DATA_LOSS: 15, UNAUTHENTICATED: 16,
};

function fraction(raw: { percentage?: { value?: unknown }; percent?: unknown }): number {
  if (raw.percentage && typeof raw.percentage.value === "number") return raw.percentage.value / 100;
  if (typeof raw.percent === "number") return raw.percent / 100;
  return 1;
}

function compileFault(raw: unknown): FaultSpec | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const f = raw as { delay?: Record<string, unknown>; abort?: Record<string, unknown> };
  const out: FaultSpec = {};
  if (f.delay) {
    const ms = parseDurationMs(f.delay.fixedDelay ?? f.delay.exponentialDelay);
    if (ms !== undefined) out.delay = { ms, fraction: fraction(f.delay) };
  }
  if (f.abort) {
    const httpStatus = typeof f.abort.httpStatus === "number" ? f.abort.httpStatus : undefined;
    const g = f.abort.grpcStatus;
    const grpcStatus = typeof g === "string" ? GRPC_CODES[g.toUpperCase()] : typeof g === "number" ? g : undefined;
    if (httpStatus !== undefined || grpcStatus !== undefined) out.abort = { httpStatus, grpcStatus, fraction: fraction(f.abort) };
  }
  return out.delay || out.abort ? out : undefined;
}

function compileDestinations(raw: unknown, ns: string, namespaces: ReadonlySet<string>): RouteDestination[] {
  if (!Array.isArray(raw)) return [];
  const list = raw as Array<{ destination?: { host?: string; subset?: string; port?: { number?: number } }; weight?: number }>;
  return list.flatMap((r) => {
    const host = r.destination?.host;
    if (!host) return [];
    const weight = typeof r.weight === "number" ? r.weight : list.length === 1 ? 100 : 0;
    return [{ host: resolveHost(host, ns, namespaces), subset: r.destination?.subset || undefined, port: r.destination?.port?.number, weight }];
  });
}

const total = (ds: RouteDestination[]): number => ds.reduce((s, d) => s + d.weight, 0);

/** Compiles one VirtualService. */
export function compileVirtualService(vs: KubeObject, namespaces: ReadonlySet<string>): CompiledVirtualService {
  const ns = vs.metadata.namespace ?? "default";
  const key = `${ns}/${vs.metadata.name}`;
  const spec = (vs.spec ?? {}) as { hosts?: string[]; gateways?: string[]; http?: unknown[]; tcp?: unknown[] };
  const resolveGateway = (g: string): string => (g.includes("/") ? g : `${ns}/${g}`);
  const gateways = new Set((spec.gateways?.length ? spec.gateways : ["mesh"]).map((g) => (g === "mesh" ? g : resolveGateway(g))));
  const http: HttpRoute[] = (spec.http ?? []).map((raw) => {
    const r = (raw ?? {}) as Record<string, unknown> & { match?: unknown[]; name?: string };
    const destinations = compileDestinations(r.route, ns, namespaces);
    const direct = r.directResponse as { status?: number } | undefined;
    return {
      virtualService: key,
      name: typeof r.name === "string" ? r.name : "-",
      matches: Array.isArray(r.match) && r.match.length > 0 ? r.match.map((m) => compileMatch(m, resolveGateway)) : undefined,
      destinations,
      totalWeight: total(destinations),
      fault: compileFault(r.fault),
      timeoutMs: parseDurationMs(r.timeout),
      retries: compileRetries(r.retries),
      directResponse: typeof direct?.status === "number" ? { status: direct.status } : undefined,
      redirect: Boolean(r.redirect),
    };
  });
  const tcp: TcpRoute[] = (spec.tcp ?? []).map((raw) => {
    const r = (raw ?? {}) as { match?: Array<{ port?: number }>; route?: unknown };
    const destinations = compileDestinations(r.route, ns, namespaces);
    return { port: r.match?.find((m) => typeof m.port === "number")?.port, destinations, totalWeight: total(destinations) };
  });
  return {
    key,
    namespace: ns,
    hosts: (spec.hosts ?? []).map((h) => resolveHost(h, ns, namespaces)),
    gateways,
    http,
    tcp,
    created: String(vs.metadata.creationTimestamp ?? ""),
  };
}

/** The route a sidecar uses for a host without a VirtualService. */
export function defaultHttpRoute(host: string): HttpRoute {
  const destinations = [{ host, weight: 100 }];
  return { virtualService: "", name: "default", destinations, totalWeight: 100, retries: DEFAULT_RETRY_POLICY };
}
