/**
 * What a client proxy (sidecar or gateway) records once a request completes: reporter="source"
 * metrics, its client span and its outbound access-log line.
 */
import type { PodRef, Workload } from "../model/workloads";
import type { ServiceRef } from "../telemetry/peer-labels";
import { clientLabels, type UpstreamPeer } from "./report-labels";
import type { Caller, CallOutcome, Engine } from "./engine";
import type { SimHttpRequest } from "./request";
import { grpcLabel } from "./status";

export interface ClientResult {
  status: number;
  grpcStatus?: number;
  flags: string;
  details: string;
  durationMs: number;
  responseBytes: number;
  service?: ServiceRef;
  peer?: UpstreamPeer;
  /** The upstream connection was mTLS. */
  mtls: boolean;
  /** Service host/port the request was routed to (span operation and tags). */
  host: string;
  port: number;
  cluster: string;
  routeName: string;
  upstreamHost?: string;
  /** Address the application connected to (service VIP, or the gateway's listener). */
  downstreamLocal?: string;
  upstreamServiceTimeMs?: number;
}

/** A client proxy's caller has a workload and a pod. */
export type ProxiedCaller = Caller & { workload: Workload; pod: PodRef };

/** Records the client side of a finished request and returns what the application sees. */
export function reportClient(e: Engine, caller: ProxiedCaller, req: SimHttpRequest, r: ClientResult, t0: number, clientSpanId: string | undefined): CallOutcome {
  const labels = clientLabels(e, caller.workload, r.peer, r.service, r.mtls, req.protocol);
  e.metrics.recordHttp(
    labels,
    { responseCode: r.status, grpcStatus: grpcLabel(req.protocol, r.grpcStatus), flags: r.flags, security: "unknown" },
    r.durationMs,
    req.requestBytes,
    r.responseBytes,
  );
  const gateway = caller.workload.proxy === "gateway";
  const downstreamIp = gateway ? `198.51.100.${10 + e.rng.int(200)}` : caller.pod.ip;
  if (clientSpanId) {
    e.root.addSpan({
      kind: "client",
      traceId: e.root.traceId,
      spanId: clientSpanId,
      parentSpanId: caller.parentSpanId,
      startMs: t0,
      durationMs: r.durationMs,
      workload: caller.workload,
      pod: caller.pod,
      host: r.host,
      port: r.port,
      method: req.method,
      url: `http://${req.authority}${req.path}`,
      protocol: req.protocol,
      statusCode: r.status,
      grpcStatus: r.grpcStatus,
      flags: r.flags,
      upstreamCluster: r.cluster,
      peerAddress: downstreamIp,
      userAgent: req.userAgent,
      requestId: e.root.requestId,
      requestSize: req.requestBytes,
      responseSize: r.responseBytes,
    });
  }
  const localPort = 30000 + e.rng.int(30000);
  const end = t0 + r.durationMs;
  e.root.logAccess(caller.pod, "istio-proxy", end, {
    startMs: t0,
    method: req.method,
    path: req.path,
    protocol: req.protocol === "grpc" ? "HTTP/2" : "HTTP/1.1",
    responseCode: r.status,
    flags: r.flags,
    details: r.details,
    bytesReceived: req.requestBytes,
    bytesSent: r.responseBytes,
    durationMs: r.durationMs,
    upstreamServiceTimeMs: r.upstreamServiceTimeMs,
    forwardedFor: gateway ? downstreamIp : undefined,
    userAgent: req.userAgent,
    requestId: e.root.requestId,
    authority: req.authority,
    upstreamHost: r.upstreamHost,
    upstreamCluster: r.cluster,
    upstreamLocalAddress: r.upstreamHost ? `${caller.pod.ip}:${localPort}` : undefined,
    downstreamLocalAddress: r.downstreamLocal ?? (gateway ? `${caller.pod.ip}:8080` : undefined),
    downstreamRemoteAddress: `${downstreamIp}:${localPort + 1}`,
    routeName: r.routeName,
  });
  return { status: r.status, grpcStatus: r.grpcStatus, durationMs: r.durationMs, responseBytes: r.responseBytes, flags: r.flags };
}
