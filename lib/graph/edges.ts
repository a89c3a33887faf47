/**
 * Edge accumulators: counted telemetry records are added to the edges they travel (scaled by a share
 * when the service graph splits a workload's traffic between its services) and then finalised into
 * rates, response breakdowns, error ratios, latency percentiles, mTLS share and principals.
 */
import type { ResponseTimeStat } from "./options";
import { histogramQuantile, parseLe, type Bucket } from "./quantile";
import type { CodeClass, GraphEdge, LatencyStats, Protocol } from "./schema";
import type { TelemetryRecord } from "./telemetry";

export interface EdgeAcc {
  id: string;
  source: string;
  target: string;
  protocol: Protocol;
  rate: number;
  responses: Map<string, number>;
  classes: Map<CodeClass, number>;
  grpc: Map<string, number>;
  flags: Map<string, number>;
  errors: number;
  mtls: number;
  securityKnown: number;
  sourcePrincipals: Set<string>;
  destinationPrincipals: Set<string>;
  reporters: { destination: number; source: number };
  buckets: Map<number, number>;
  durationSum: number;
  tcpSent: number;
  tcpReceived: number;
  requestBytes: number;
  responseBytes: number;
}

/** A new, empty accumulator for the edge `source → target` over `protocol`. */
export function newEdge(source: string, target: string, protocol: Protocol): EdgeAcc {
  return {
    id: `${source}->${target}:${protocol}`,
    source,
    target,
    protocol,
    rate: 0,
    responses: new Map(),
    classes: new Map(),
    grpc: new Map(),
    flags: new Map(),
    errors: 0,
    mtls: 0,
    securityKnown: 0,
    sourcePrincipals: new Set(),
    destinationPrincipals: new Set(),
    reporters: { destination: 0, source: 0 },
    buckets: new Map(),
    durationSum: 0,
    tcpSent: 0,
    tcpReceived: 0,
    requestBytes: 0,
    responseBytes: 0,
  };
}

function bump<K>(m: Map<K, number>, k: K, v: number): void {
  m.set(k, (m.get(k) ?? 0) + v);
}

/** `-` for no response (code 0 or missing), else the code. */
export function responseCode(code: string | undefined): string {
  return !code || code === "0" ? "-" : code;
}

/** The class of an HTTP response code: `2xx` … `5xx`, or `-` for no response. */
export function codeClassOf(code: string | undefined): CodeClass {
  const c = responseCode(code);
  const first = c.length === 3 ? c[0] : undefined;
  return first && "12345".includes(first) ? (`${first}xx` as CodeClass) : "-";
}

/** gRPC edges fail on a non-OK gRPC status; otherwise on 4xx, 5xx or no response. */
export function isErrorResponse(r: Pick<TelemetryRecord, "protocol" | "code" | "grpcStatus">): boolean {
  if (r.protocol === "grpc" && r.grpcStatus !== undefined) return r.grpcStatus !== "0";
  const cls = codeClassOf(r.code);
  return cls === "4xx" || cls === "5xx" || cls === "-";
}

function addCommon(e: EdgeAcc, r: TelemetryRecord, v: number): void {
  e.reporters[r.reporter] += v;
  if (r.security === "mutual_tls" || r.security === "none") {
    e.securityKnown += v;
    if (r.security === "mutual_tls") e.mtls += v;
  }
  if (r.source.principal) e.sourcePrincipals.add(r.source.principal);
  if (r.destination.principal) e.destinationPrincipals.add(r.destination.principal);
}

/** Adds an `istio_requests_total` record. */
export function addRequests(e: EdgeAcc, r: TelemetryRecord, share: number): void {
  const v = r.value * share;
  e.rate += v;
  bump(e.responses, responseCode(r.code), v);
  bump(e.classes, codeClassOf(r.code), v);
  if (r.protocol === "grpc" && r.grpcStatus !== undefined) bump(e.grpc, r.grpcStatus, v);
  for (const f of r.flags.split(",")) if (f && f !== "-") bump(e.flags, f, v);
  if (isErrorResponse(r)) e.errors += v;
  addCommon(e, r, v);
}

/** Adds a TCP bytes record (`part` says which direction). */
export function addTcp(e: EdgeAcc, r: TelemetryRecord, share: number): void {
  const v = r.value * share;
  e.rate += v;
  if (r.part === "sent") e.tcpSent += v;
  else e.tcpReceived += v;
  addCommon(e, r, v);
}

/** Adds a latency record: a bucket (with `le`) or the duration sum (without). */
export function addLatency(e: EdgeAcc, r: TelemetryRecord, share: number): void {
  const v = r.value * share;
  if (r.le === undefined) {
    e.durationSum += v;
    return;
  }
  const le = parseLe(r.le);
  if (le !== undefined) bump(e.buckets, le, v);
}

/** Adds a throughput record (`part` is `request` or `response`). */
export function addThroughput(e: EdgeAcc, r: TelemetryRecord, share: number): void {
  const v = r.value * share;
  if (r.part === "request") e.requestBytes += v;
  else if (r.part === "response") e.responseBytes += v;
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

/** Latency statistics of an edge from its accumulated buckets and duration sum. */
export function latencyOf(e: Pick<EdgeAcc, "buckets" | "durationSum">): LatencyStats {
  const buckets: Bucket[] = [...e.buckets].map(([le, count]) => ({ le, count }));
  const count = e.buckets.get(Infinity) ?? 0;
  return {
    avg: count > 0 ? finite(e.durationSum / count) : null,
    p50: finite(histogramQuantile(0.5, buckets)),
    p95: finite(histogramQuantile(0.95, buckets)),
    p99: finite(histogramQuantile(0.99, buckets)),
  };
}

/** A breakdown as a sorted record, without the zero entries idle series leave. */
const record = <K extends string>(m: Map<K, number>) =>
  Object.fromEntries([...m].filter(([, v]) => v > 0).sort(([a], [b]) => a.localeCompare(b))) as Record<K, number>;

/** The edge as the API returns it. */
export function finishEdge(e: EdgeAcc, opts: { responseTime: ResponseTimeStat; throughput: boolean }): GraphEdge {
  const tcp = e.protocol === "tcp";
  const latency = tcp ? undefined : latencyOf(e);
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    protocol: e.protocol,
    rate: e.rate,
    responses: record(e.responses),
    codeClasses: record(e.classes),
    grpcStatuses: e.protocol === "grpc" ? record(e.grpc) : undefined,
    flags: record(e.flags),
    errorRate: e.errors,
    errorRatio: tcp || e.rate === 0 ? null : e.errors / e.rate,
    latency,
    responseTimeMs: latency ? latency[opts.responseTime] : undefined,
    throughput: opts.throughput && !tcp ? { request: e.requestBytes, response: e.responseBytes } : undefined,
    tcp: tcp ? { sent: e.tcpSent, received: e.tcpReceived } : undefined,
    mtlsShare: e.securityKnown > 0 ? e.mtls / e.securityKnown : null,
    principals: { source: [...e.sourcePrincipals].sort(), destination: [...e.destinationPrincipals].sort() },
    reporters: e.reporters,
    idle: e.rate === 0,
  };
}
