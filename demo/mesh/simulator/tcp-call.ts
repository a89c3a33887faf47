/**
 * One exchange over a TCP port (e.g. a database query). Clients keep a pooled connection per
 * target and sometimes open a short-lived extra one, so `istio_tcp_connections_opened_total` and
 * `…_closed_total` both move while bytes flow on every exchange. Peer metadata is only exchanged
 * over mTLS for TCP; the client side otherwise falls back to the endpoint's EDS metadata.
 */
import type { Endpoint } from "../model/mesh-index";
import { decideTransport } from "../model/peer-authentication";
import { principalOf } from "../model/names";
import type { ServiceInfo } from "../model/services";
import type { SimCall } from "../profile";
import type { Caller, CallOutcome, Engine } from "./engine";
import { clientLabels, serverLabels } from "./report-labels";
import { externalAddress, logFilterChainNotFound } from "./upstream-attempt";

interface Exchange {
  opened: number;
  closed: number;
  sent: number;
  received: number;
}

const failed = (durationMs: number): CallOutcome => ({ status: 0, durationMs, responseBytes: 0, flags: "-" });

/** Runs one exchange from `caller` to `host:call.port` at relative time `t0`. */
export function callTcp(e: Engine, caller: Caller, call: SimCall, host: string, t0: number): CallOutcome {
  const requested = e.index.services.get(host);
  if (!requested) return failed(5);
  const proxied = caller.proxy !== "none" && caller.workload !== undefined && caller.pod !== undefined;
  let destHost = host;
  let subset: string | undefined;
  let port = call.port;
  if (proxied) {
    const route = e.index.meshTcpRoute(host, port);
    const d = route && e.rng.weighted(route.destinations, (x) => x.weight, route.totalWeight);
    if (d) {
      destHost = d.host;
      subset = d.subset;
      port = d.port ?? port;
    }
  }
  const service = e.index.services.get(destHost) ?? requested;
  const lookup = proxied && caller.workload ? e.index.subset(service.host, caller.workload.namespace, subset, port) : { found: true };
  const poolKey = `${caller.pod?.name ?? caller.ip}>${service.host}:${port}`;
  const firstUse = !e.tcpPool.has(poolKey);
  if (firstUse) e.tcpPool.add(poolKey);
  const extra = e.rng.chance(call.newConnectionRatio ?? 0.1) ? 1 : 0;
  const conn = { opened: (firstUse ? 1 : 0) + extra, closed: extra };
  const ex: Exchange = { ...conn, sent: call.responseBytes ?? 1000, received: call.requestBytes ?? 200 };
  const net = 0.15 + e.rng.next() * 0.5;
  const report = (endpoint: Endpoint | undefined, flags: string, mtls: boolean, x: Exchange, serverSide: boolean, durationMs: number): void =>
    reportTcp(e, caller, service, port, subset, endpoint, flags, mtls, x, serverSide, t0, durationMs);

  if (!lookup.found) {
    if (proxied) report(undefined, "NC", false, { ...conn, sent: 0, received: 0 }, false, 0.1);
    return failed(0.1);
  }
  if (service.external) {
    if (proxied) report(undefined, "-", false, ex, false, 20);
    return { status: 200, durationMs: 20, responseBytes: ex.sent, flags: "-" };
  }
  const endpoint = e.rng.pick(e.index.endpoints(service, "labels" in lookup ? lookup.labels : undefined));
  if (!endpoint) {
    if (proxied) report(undefined, "UH", false, { opened: 1, closed: 1, sent: 0, received: 0 }, false, 0.1);
    return failed(0.1);
  }
  const targetPort = service.ports.find((p) => p.port === port)?.targetPort ?? port;
  const mode = e.index.mtlsMode(endpoint.workload, targetPort);
  const decision = decideTransport(caller.proxy, endpoint.workload.proxy, mode, "tlsMode" in lookup ? lookup.tlsMode : undefined);
  if (decision.kind === "rejected-plaintext" || decision.kind === "tls-failure") {
    logFilterChainNotFound(e, endpoint, targetPort, caller.ip, t0 + net);
    if (proxied) report(endpoint, decision.kind === "tls-failure" ? "UF" : "UC", false, { opened: 1, closed: 1, sent: 0, received: 0 }, false, 2 * net);
    return failed(2 * net);
  }
  const mtls = decision.kind === "mtls";
  if (endpoint.workload.proxy !== "none") {
    const principal = mtls && caller.workload ? principalOf(caller.workload.spiffe) : undefined;
    const decisionAuthz = e.index.authorize(endpoint.workload, { principal, port: targetPort, headers: {}, tcp: true });
    if (!decisionAuthz.allowed) {
      const denied = { opened: 1, closed: 1, sent: 0, received: ex.received };
      report(endpoint, "-", mtls, denied, true, 2 * net);
      if (proxied) report(endpoint, "-", mtls, denied, false, 2 * net);
      return failed(2 * net);
    }
  }
  const durationMs = e.rng.logNormal(endpoint.workload.profile.latencyMs ?? 2, 0.4) + 2 * net;
  if (endpoint.workload.proxy !== "none") report(endpoint, "-", mtls, ex, true, durationMs - 2 * net);
  if (proxied) report(endpoint, "-", mtls, ex, false, durationMs);
  if (ex.opened > 0) {
    const at = t0 + net;
    const name = endpoint.workload.app || endpoint.workload.name;
    e.root.log(endpoint.pod, endpoint.workload.appContainer, at, (abs) => `${new Date(abs(at)).toISOString()} LOG:  ${name}: connection received: host=${caller.ip} port=${30000 + (Math.round(at * 7) % 30000)}`);
  }
  return { status: 200, durationMs, responseBytes: ex.sent, flags: "-" };
}

function reportTcp(
  e: Engine,
  caller: Caller,
  service: ServiceInfo,
  port: number,
  subset: string | undefined,
  endpoint: Endpoint | undefined,
  flags: string,
  mtls: boolean,
  x: Exchange,
  serverSide: boolean,
  t0: number,
  durationMs: number,
): void {
  const serviceRef = { host: service.host, name: service.name };
  let labels;
  let pod;
  let security = "unknown";
  if (serverSide) {
    if (!endpoint) return;
    // TCP metadata exchange rides on mTLS (ALPN istio-peer-exchange).
    const peer = mtls && caller.proxy !== "none" ? caller.workload : undefined;
    labels = serverLabels(e, endpoint.workload, peer, serviceRef, mtls && peer !== undefined, "tcp");
    security = mtls ? "mutual_tls" : "none";
    pod = endpoint.pod;
  } else {
    if (!caller.workload || !caller.pod) return;
    const peer = endpoint ? { workload: endpoint.workload, via: mtls ? ("exchange" as const) : ("endpoint" as const) } : undefined;
    labels = clientLabels(e, caller.workload, peer, serviceRef, mtls && endpoint !== undefined, "tcp");
    pod = caller.pod;
  }
  e.metrics.recordTcp(labels, { flags, security }, { opened: x.opened, closed: x.closed, sentBytes: x.sent, receivedBytes: x.received });
  if (x.closed === 0) return;
  // Envoy writes TCP access-log lines when a connection closes.
  const upstream = endpoint ? `${endpoint.pod.ip}:${service.ports.find((p) => p.port === port)?.targetPort ?? port}` : service.external ? externalAddress(service.host, port) : undefined;
  const cluster = serverSide ? `inbound|${upstream?.split(":")[1] ?? port}||` : `outbound|${port}|${subset ?? ""}|${service.host}`;
  const end = t0 + durationMs;
  const remotePort = 40000 + e.rng.int(20000);
  e.root.logAccess(pod, "istio-proxy", end, {
    startMs: t0,
    responseCode: 0,
    flags,
    bytesReceived: x.received,
    bytesSent: x.sent,
    durationMs,
    upstreamHost: upstream,
    upstreamCluster: cluster,
    downstreamLocalAddress: serverSide ? upstream : `${service.vip}:${port}`,
    downstreamRemoteAddress: `${caller.ip}:${remotePort}`,
    requestedServerName: serverSide && mtls ? `outbound_.${port}_.${subset ?? ""}_.${service.host}` : undefined,
  });
}
