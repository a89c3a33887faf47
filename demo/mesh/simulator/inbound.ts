/**
 * The server side of one HTTP attempt: the callee's sidecar (AuthorizationPolicy, reporter
 * "destination", server span, inbound access log) in front of its application — or the bare
 * application when the pod has no sidecar.
 */
import type { Endpoint } from "../model/mesh-index";
import { inboundCluster, principalOf } from "../model/names";
import type { ServiceInfo, ServicePort } from "../model/services";
import { istioSni } from "../telemetry/access-log";
import { runApp } from "./app";
import type { Caller, Engine } from "./engine";
import { serverLabels } from "./report-labels";
import type { SimHttpRequest } from "./request";
import { grpcLabel, localReply } from "./status";

export interface InboundArgs {
  caller: Caller;
  endpoint: Endpoint;
  service: ServiceInfo;
  servicePort: ServicePort;
  subset?: string;
  req: SimHttpRequest;
  mtls: boolean;
  /** The caller proxy's client span, parent of the server span. */
  clientSpanId?: string;
}

export interface ServedResponse {
  status: number;
  grpcStatus?: number;
  /** Time from the request reaching the server proxy to its response leaving it. */
  durationMs: number;
  responseBytes: number;
  /** Whether a sidecar handled the request (and exchanged metadata). */
  hasProxy: boolean;
  /**
   * Records the server side's telemetry. `cancelledAfterMs` is set when the client gave up first
   * (timeout): the server then reports response code 0 with `DC` (downstream disconnect).
   */
  finish(cancelledAfterMs?: number): void;
}

const RBAC_BODY_BYTES = 19; // "RBAC: access denied"

/** Serves one attempt that reached `endpoint`, starting at relative time `t0`. */
export function serveHttp(e: Engine, a: InboundArgs, t0: number): ServedResponse {
  const { workload: w, pod } = a.endpoint;
  const { req } = a;
  const appReq = { method: req.method, path: req.path, headers: req.headers, protocol: req.protocol };
  if (w.proxy === "none") {
    const app = runApp(e, w, pod, appReq, t0, a.clientSpanId);
    return { ...app, hasProxy: false, finish: () => undefined };
  }
  const overhead = 0.1 + e.rng.next() * 0.3;
  const spanId = e.root.newSpanId();
  const decision = e.index.authorize(w, {
    principal: a.mtls && a.caller.workload ? principalOf(a.caller.workload.spiffe) : undefined,
    method: req.method,
    path: req.path,
    host: req.authority,
    port: a.servicePort.targetPort,
    headers: req.headers,
    tcp: false,
  });
  let result: { status: number; grpcStatus?: number; durationMs: number; responseBytes: number; details: string };
  if (!decision.allowed) {
    result = { ...localReply(req.protocol, 403), durationMs: overhead, responseBytes: RBAC_BODY_BYTES + 90, details: decision.details ?? "rbac_access_denied" };
  } else {
    const app = runApp(e, w, pod, appReq, t0 + overhead, spanId ?? a.clientSpanId);
    result = { ...app, durationMs: app.durationMs + 2 * overhead, details: "via_upstream" };
  }
  const appTimeMs = result.durationMs - 2 * overhead;
  return {
    status: result.status,
    grpcStatus: result.grpcStatus,
    durationMs: result.durationMs,
    responseBytes: result.responseBytes,
    hasProxy: true,
    finish(cancelledAfterMs) {
      const cancelled = cancelledAfterMs !== undefined && cancelledAfterMs < result.durationMs;
      const status = cancelled ? 0 : result.status;
      const flags = cancelled ? "DC" : "-";
      const durationMs = cancelled ? cancelledAfterMs : result.durationMs;
      const responseBytes = cancelled ? 0 : result.responseBytes;
      const peer = a.caller.proxy !== "none" ? a.caller.workload : undefined;
      const labels = serverLabels(e, w, peer, a.service, a.mtls && peer !== undefined, req.protocol);
      const grpc = cancelled ? "" : grpcLabel(req.protocol, result.grpcStatus);
      e.metrics.recordHttp(labels, { responseCode: status, grpcStatus: grpc, flags, security: a.mtls ? "mutual_tls" : "none" }, durationMs, req.requestBytes, responseBytes);
      if (spanId) {
        e.root.addSpan({
          kind: "server",
          traceId: e.root.traceId,
          spanId,
          parentSpanId: a.clientSpanId,
          startMs: t0,
          durationMs,
          workload: w,
          pod,
          host: a.service.host,
          port: a.servicePort.port,
          method: req.method,
          url: `http://${req.authority}${req.path}`,
          protocol: req.protocol,
          statusCode: status,
          grpcStatus: cancelled ? undefined : result.grpcStatus,
          flags,
          upstreamCluster: inboundCluster(a.servicePort.targetPort),
          peerAddress: a.caller.ip,
          userAgent: req.userAgent,
          requestId: e.root.requestId,
          requestSize: req.requestBytes,
          responseSize: responseBytes,
        });
      }
      const remotePort = 30000 + e.rng.int(30000);
      e.root.logAccess(pod, "istio-proxy", t0 + durationMs, {
        startMs: t0,
        method: req.method,
        path: req.path,
        protocol: req.protocol === "grpc" ? "HTTP/2" : "HTTP/1.1",
        responseCode: status,
        flags,
        details: cancelled ? "downstream_remote_disconnect" : result.details,
        bytesReceived: req.requestBytes,
        bytesSent: responseBytes,
        durationMs,
        upstreamServiceTimeMs: decision.allowed && !cancelled ? appTimeMs : undefined,
        userAgent: req.userAgent,
        requestId: e.root.requestId,
        authority: req.authority,
        upstreamHost: decision.allowed ? `${pod.ip}:${a.servicePort.targetPort}` : undefined,
        upstreamCluster: inboundCluster(a.servicePort.targetPort),
        upstreamLocalAddress: decision.allowed ? `127.0.0.6:${remotePort + 1}` : undefined,
        downstreamLocalAddress: `${pod.ip}:${a.servicePort.targetPort}`,
        downstreamRemoteAddress: `${a.caller.ip}:${remotePort}`,
        requestedServerName: a.mtls ? istioSni(a.servicePort.port, a.subset, a.service.host) : undefined,
        routeName: "default",
      });
    },
  };
}
