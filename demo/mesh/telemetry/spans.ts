/**
 * Builds the spans Envoy's tracer emits for one proxy hop, with Istio's tags.
 */
import type { SimSpan, TagValue } from "../../tracing/span-store";
import { TRUST_DOMAIN } from "../model/names";
import type { PodRef, Workload } from "../model/workloads";

export interface HopSpan {
  kind: "client" | "server";
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  /** Milliseconds since the Unix epoch. */
  startMs: number;
  durationMs: number;
  /** The workload and pod whose proxy emits the span. */
  workload: Workload;
  pod: PodRef;
  /** FQDN and port of the service the request was for. */
  host: string;
  port: number;
  method: string;
  url: string;
  protocol: "http" | "grpc";
  statusCode: number;
  grpcStatus?: number;
  flags: string;
  upstreamCluster: string;
  peerAddress: string;
  userAgent?: string;
  requestId: string;
  requestSize: number;
  responseSize: number;
}

/** Envoy's node id: `sidecar~<ip>~<pod>.<ns>~<ns>.svc.cluster.local` (`router~…` for gateways). */
export function nodeId(workload: Workload, pod: PodRef): string {
  const type = workload.proxy === "gateway" ? "router" : "sidecar";
  return `${type}~${pod.ip}~${pod.name}.${pod.namespace}~${pod.namespace}.svc.cluster.local`;
}

// Strings and objects shared by every span of a pod/workload/service: the span store keeps tens of
// thousands of traces, so per-span copies would dominate its memory.
const podShared = new WeakMap<PodRef, { nodeId: string; processTags: Record<string, TagValue> }>();
const serviceNames = new WeakMap<Workload, string>();
const operations = new Map<string, string>();

function shared(h: HopSpan): { nodeId: string; processTags: Record<string, TagValue>; serviceName: string; operationName: string } {
  let pod = podShared.get(h.pod);
  if (!pod) {
    pod = { nodeId: nodeId(h.workload, h.pod), processTags: Object.freeze({ hostname: h.pod.name, ip: h.pod.ip, "istio.version": "1.24.2" }) };
    podShared.set(h.pod, pod);
  }
  let serviceName = serviceNames.get(h.workload);
  if (!serviceName) {
    serviceName = [h.workload.canonicalService, h.workload.namespace].join(".");
    serviceNames.set(h.workload, serviceName);
  }
  const opKey = `${h.host}:${h.port}`;
  let operationName = operations.get(opKey);
  if (!operationName) {
    operationName = [opKey, "/*"].join("");
    if (operations.size > 10_000) operations.clear();
    operations.set(opKey, operationName);
  }
  return { ...pod, serviceName, operationName };
}

/** Converts a hop into the store's span model. */
export function toSimSpan(h: HopSpan): SimSpan {
  const { nodeId: node, processTags, serviceName, operationName } = shared(h);
  const error = h.statusCode === 0 || h.statusCode >= 500 || (h.grpcStatus !== undefined && h.grpcStatus !== 0);
  const tags: Record<string, TagValue> = {
    component: "proxy",
    "node_id": node,
    "guid:x-request-id": h.requestId,
    "http.method": h.method,
    "http.url": h.url,
    "http.protocol": h.protocol === "grpc" ? "HTTP/2" : "HTTP/1.1",
    "http.status_code": String(h.statusCode),
    "response_flags": h.flags,
    "upstream_cluster": h.upstreamCluster,
    "upstream_cluster.name": h.upstreamCluster,
    "downstream_cluster": "-",
    "peer.address": h.peerAddress,
    "request_size": String(h.requestSize),
    "response_size": String(h.responseSize),
    "istio.canonical_service": h.workload.canonicalService,
    "istio.canonical_revision": h.workload.canonicalRevision,
    "istio.namespace": h.workload.namespace,
    "istio.mesh_id": TRUST_DOMAIN,
  };
  if (h.userAgent) tags.user_agent = h.userAgent;
  if (h.grpcStatus !== undefined) tags["grpc.status_code"] = String(h.grpcStatus);
  return {
    traceId: h.traceId,
    spanId: h.spanId,
    ...(h.parentSpanId ? { parentSpanId: h.parentSpanId } : {}),
    serviceName,
    operationName,
    kind: h.kind,
    startTimeUs: Math.round(h.startMs * 1000),
    durationUs: Math.max(1, Math.round(h.durationMs * 1000)),
    tags,
    processTags,
    error,
  };
}
