/**
 * One upstream attempt of a client proxy: endpoint selection, the mTLS/plaintext decision against
 * the server's PeerAuthentication, and the server's answer — or an external endpoint's.
 */
import type { Endpoint } from "../model/mesh-index";
import { decideTransport } from "../model/peer-authentication";
import type { ServiceInfo, ServicePort } from "../model/services";
import type { SimProfile } from "../profile";
import type { Caller, Engine } from "./engine";
import { serveHttp, type ServedResponse } from "./inbound";
import type { SimHttpRequest } from "./request";
import { localReply } from "./status";

export interface AttemptContext {
  caller: Caller;
  req: SimHttpRequest;
  service: ServiceInfo;
  servicePort: ServicePort;
  subset?: string;
  subsetLabels?: Record<string, string>;
  /** Client DestinationRule TLS mode for this subset/port. */
  tlsMode?: string;
  clientSpanId?: string;
}

export interface Attempt {
  status: number;
  grpcStatus?: number;
  /** From sending the request to receiving the response, at the client proxy. */
  durationMs: number;
  responseBytes: number;
  flags: string[];
  details: string;
  endpoint?: Endpoint;
  /** Address the attempt went to (`ip:port`). */
  upstreamHost?: string;
  mtls: boolean;
  served?: ServedResponse;
  /** One-way network delay of the attempt. */
  netMs: number;
  connectFailure?: boolean;
  reset?: boolean;
  /** Local replies Envoy does not retry (no healthy upstream). */
  noRetry?: boolean;
}

/** A deterministic public-looking address for an external host. */
export function externalAddress(host: string, port: number): string {
  let h = 0;
  for (let i = 0; i < host.length; i++) h = (h * 31 + host.charCodeAt(i)) >>> 0;
  return `203.0.113.${(h % 250) + 1}:${port}`;
}

/** An endpoint outside the mesh answering with its profile's latency and errors. */
export function externalAttempt(e: Engine, profile: SimProfile, ctx: Pick<AttemptContext, "req">, host: string): Attempt {
  const net = 8 + e.rng.next() * 12;
  const latency = e.rng.logNormal(profile.latencyMs ?? 60, 0.35);
  const failed = profile.errors !== undefined && e.rng.chance(profile.errors.ratio);
  const status = failed ? (profile.errors?.code ?? 503) : 200;
  return {
    status,
    durationMs: latency + 2 * net,
    responseBytes: failed ? 120 : Math.round((profile.responseBytes ?? 400) * (0.85 + e.rng.next() * 0.3)) + 150,
    flags: [],
    details: "via_upstream",
    upstreamHost: externalAddress(host, ctx.req.port),
    mtls: false,
    netMs: net,
  };
}

/** The server's STRICT listener has no plaintext filter chain: Envoy logs the rejected connection. */
export function logFilterChainNotFound(e: Engine, endpoint: Endpoint, targetPort: number, clientIp: string, at: number): void {
  if (endpoint.workload.proxy === "none") return;
  const remote = `${clientIp}:${30000 + e.rng.int(30000)}`;
  e.root.logAccess(endpoint.pod, "istio-proxy", at, {
    startMs: at,
    responseCode: 0,
    flags: "NR",
    details: "filter_chain_not_found",
    bytesReceived: 0,
    bytesSent: 0,
    durationMs: 0,
    downstreamLocalAddress: `${endpoint.pod.ip}:${targetPort}`,
    downstreamRemoteAddress: remote,
  });
}

/** Runs one attempt starting at relative time `t`. */
export function upstreamAttempt(e: Engine, ctx: AttemptContext, t: number): Attempt {
  if (ctx.service.external) return externalAttempt(e, ctx.service.profile, ctx, ctx.service.host);
  const endpoint = e.rng.pick(e.index.endpoints(ctx.service, ctx.subsetLabels));
  if (!endpoint) {
    return { ...localReply(ctx.req.protocol, 503), durationMs: 0.05, responseBytes: 19 + 90, flags: ["UH"], details: "no_healthy_upstream", mtls: false, netMs: 0, noRetry: true };
  }
  const net = 0.15 + e.rng.next() * 0.5;
  const upstreamHost = `${endpoint.pod.ip}:${ctx.servicePort.targetPort}`;
  const mode = e.index.mtlsMode(endpoint.workload, ctx.servicePort.targetPort);
  const decision = decideTransport(ctx.caller.proxy, endpoint.workload.proxy, mode, ctx.tlsMode);
  if (decision.kind === "rejected-plaintext") {
    logFilterChainNotFound(e, endpoint, ctx.servicePort.targetPort, ctx.caller.ip, t + net);
    return {
      ...localReply(ctx.req.protocol, 503),
      durationMs: 2 * net,
      responseBytes: 95 + 90,
      flags: ["UC"],
      details: "upstream_reset_before_response_started{connection_termination}",
      endpoint,
      upstreamHost,
      mtls: false,
      netMs: net,
      reset: true,
    };
  }
  if (decision.kind === "tls-failure") {
    return {
      ...localReply(ctx.req.protocol, 503),
      durationMs: 2 * net,
      responseBytes: 150 + 90,
      flags: ["UF"],
      details: "upstream_reset_before_response_started{connection_failure,TLS_error:_WRONG_VERSION_NUMBER}",
      endpoint,
      upstreamHost,
      mtls: false,
      netMs: net,
      connectFailure: true,
    };
  }
  const mtls = decision.kind === "mtls";
  const served = serveHttp(
    e,
    { caller: ctx.caller, endpoint, service: ctx.service, servicePort: ctx.servicePort, subset: ctx.subset, req: ctx.req, mtls, clientSpanId: ctx.clientSpanId },
    t + net,
  );
  return {
    status: served.status,
    grpcStatus: served.grpcStatus,
    durationMs: served.durationMs + 2 * net,
    responseBytes: served.responseBytes,
    flags: [],
    details: "via_upstream",
    endpoint,
    upstreamHost,
    mtls,
    served,
    netMs: net,
  };
}
