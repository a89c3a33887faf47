/**
 * Reshapes the health query's vector (`health-query.ts`) into request tallies and peers per workload,
 * app and service of the selected namespaces, ready for lib/health.
 *
 * Which reporter counts: inbound requests are taken from the destination's own proxy
 * (`reporter="destination"`), as lib/health documents; an object that has no such report in the window
 * (no sidecar, e.g. the `legacy` namespace) is judged by what its callers reported instead
 * (`reporter="source"`). Outbound requests are always the source's reports.
 */
import type { PromSample } from "@/lib/promql/types";
import { classifyTally, type RequestTally, type TrafficDirection, type TrafficProtocol } from "@/lib/health/tally";

/** Traffic with one peer, summed over the window. */
export interface PeerCount {
  direction: TrafficDirection;
  kind: "workload" | "service" | "unknown";
  namespace: string;
  name: string;
  requests: number;
  errors: number;
}

/** What one side of an object saw. */
interface Side {
  tallies: RequestTally[];
  requests: number;
  /** A list, not a map: most objects have a handful of peers, and thousands of small maps cost more. */
  peers: PeerCount[];
}

/** The traffic of one object over the window, from both reporters. */
export interface ObjectTraffic {
  inboundByDestination: Side;
  inboundBySource: Side;
  outbound: Side;
}

/** Tallies of every object of the selection, by `namespace/name`. */
export interface TallyIndex {
  workloads: Map<string, ObjectTraffic>;
  apps: Map<string, ObjectTraffic>;
  services: Map<string, ObjectTraffic>;
  /** The window the counts cover, to turn them into rates. */
  windowSeconds: number;
}

/** The tallies and peers one object is judged by (the reporter choice of the module comment applied). */
export interface ChosenTraffic {
  tallies: RequestTally[];
  peers: PeerCount[];
  inboundRequests: number;
  outboundRequests: number;
  inboundErrors: number;
}

const UNKNOWN = "unknown";
const known = (v: string | undefined): v is string => v !== undefined && v !== "" && v !== UNKNOWN;

const emptySide = (): Side => ({ tallies: [], requests: 0, peers: [] });
const emptyTraffic = (): ObjectTraffic => ({ inboundByDestination: emptySide(), inboundBySource: emptySide(), outbound: emptySide() });

/** True when requests with this outcome failed on the server's side: 5xx, no response, gRPC status 1–16. */
export function isServerError(t: Pick<RequestTally, "protocol" | "code" | "grpcStatus">): boolean {
  const o = classifyTally(t);
  if (o.kind === "no-response") return true;
  if (o.kind === "grpc") return o.status >= 1 && o.status <= 16;
  return o.kind === "http" && o.code.startsWith("5");
}

function protocolOf(p: string | undefined): TrafficProtocol {
  return p === "grpc" ? "grpc" : "http";
}

function add(side: Side, tally: RequestTally, peer: Omit<PeerCount, "requests" | "errors">, errors: number): void {
  side.tallies.push(tally);
  side.requests += tally.count;
  let p = side.peers.find((x) => x.name === peer.name && x.namespace === peer.namespace && x.kind === peer.kind);
  if (!p) side.peers.push((p = { direction: peer.direction, kind: peer.kind, namespace: peer.namespace, name: peer.name, requests: 0, errors: 0 }));
  p.requests += tally.count;
  p.errors += errors;
}

function traffic(map: Map<string, ObjectTraffic>, key: string): ObjectTraffic {
  let t = map.get(key);
  if (!t) map.set(key, (t = emptyTraffic()));
  return t;
}

/**
 * Indexes the health query's samples by object. Only objects in `namespaces` are indexed; samples with
 * no requests (or NaN) are skipped.
 */
export function indexTallies(samples: readonly PromSample[], namespaces: readonly string[], windowSeconds: number): TallyIndex {
  const selected = new Set(namespaces);
  const index: TallyIndex = { workloads: new Map(), apps: new Map(), services: new Map(), windowSeconds };
  // Outcomes repeat across thousands of series: classify each protocol/code/status once.
  const serverError = new Map<string, boolean>();
  const unknownPeer: Omit<PeerCount, "requests" | "errors"> = { direction: "inbound", kind: "unknown", namespace: "", name: UNKNOWN };
  for (const { metric: m, value } of samples) {
    if (!Number.isFinite(value) || value <= 0) continue;
    const inboundSide = m.reporter === "destination" ? "inboundByDestination" : m.reporter === "source" ? "inboundBySource" : undefined;
    if (!inboundSide) continue;
    const protocol = protocolOf(m.request_protocol);
    const code = m.response_code ?? "";
    const grpcStatus = m.grpc_response_status || undefined;
    const outcomeKey = `${protocol}|${code}|${grpcStatus ?? ""}`;
    let failed = serverError.get(outcomeKey);
    if (failed === undefined) serverError.set(outcomeKey, (failed = isServerError({ protocol, code, grpcStatus })));
    const errors = failed ? value : 0;
    const inbound: RequestTally = { direction: "inbound", protocol, code, grpcStatus, count: value };
    const srcNs = m.source_workload_namespace ?? "";
    const dstNs = m.destination_workload_namespace ?? "";
    const svcNs = m.destination_service_namespace ?? "";
    const sourcePeer = known(m.source_workload) ? { direction: "inbound" as const, kind: "workload" as const, namespace: srcNs, name: m.source_workload } : unknownPeer;

    if (selected.has(dstNs)) {
      if (known(m.destination_workload)) add(traffic(index.workloads, `${dstNs}/${m.destination_workload}`)[inboundSide], inbound, sourcePeer, errors);
      if (known(m.destination_app)) add(traffic(index.apps, `${dstNs}/${m.destination_app}`)[inboundSide], inbound, sourcePeer, errors);
    }
    if (selected.has(svcNs) && known(m.destination_service_name)) add(traffic(index.services, `${svcNs}/${m.destination_service_name}`)[inboundSide], inbound, sourcePeer, errors);

    if (m.reporter === "source" && selected.has(srcNs)) {
      const outbound: RequestTally = { direction: "outbound", protocol, code, grpcStatus, count: value };
      const peer = known(m.destination_service_name)
        ? { direction: "outbound" as const, kind: "service" as const, namespace: svcNs, name: m.destination_service_name }
        : known(m.destination_workload)
          ? { direction: "outbound" as const, kind: "workload" as const, namespace: dstNs, name: m.destination_workload }
          : { direction: "outbound" as const, kind: "unknown" as const, namespace: "", name: UNKNOWN };
      if (known(m.source_workload)) add(traffic(index.workloads, `${srcNs}/${m.source_workload}`).outbound, outbound, peer, errors);
      if (known(m.source_app)) add(traffic(index.apps, `${srcNs}/${m.source_app}`).outbound, outbound, peer, errors);
    }
  }
  return index;
}

/** An object's tallies and peers, inbound from its own proxy when it reported anything, else from its callers. */
export function chooseTraffic(t: ObjectTraffic | undefined): ChosenTraffic {
  if (!t) return { tallies: [], peers: [], inboundRequests: 0, outboundRequests: 0, inboundErrors: 0 };
  const inbound = t.inboundByDestination.requests > 0 ? t.inboundByDestination : t.inboundBySource;
  const peers = [...inbound.peers, ...t.outbound.peers];
  return {
    tallies: [...inbound.tallies, ...t.outbound.tallies],
    peers,
    inboundRequests: inbound.requests,
    outboundRequests: t.outbound.requests,
    inboundErrors: inbound.peers.reduce((s, p) => s + p.errors, 0),
  };
}
