/**
 * Istio's standard metrics on a private prom-client registry, with Istio's names, types, label
 * sets (in fixture order) and histogram buckets.
 * https://istio.io/latest/docs/reference/config/metrics/
 */
import { Registry, type Metric } from "prom-client";
import { HTTP_LABEL_NAMES, PEER_LABEL_NAMES, TCP_LABEL_NAMES, type HttpLabelName, type HttpLabels, type TcpLabelName, type TcpLabels } from "./label-names";
import type { IstioMetricName } from "./disabled-metrics";
import { SeriesCounter, SeriesHistogram } from "./series-metrics";
import { shardByReporterNamespace } from "./shards";

/**
 * Envoy's default histogram buckets, which Istio's stats filter uses for
 * `istio_request_duration_milliseconds` (Istio sets no `histogram_bucket_settings` by default).
 */
export const ISTIO_DURATION_BUCKETS: readonly number[] = [
  0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000,
];

/**
 * Buckets of `istio_request_bytes`/`istio_response_bytes`. Since Istio 1.5 (Envoy stats, no Mixer)
 * the size histograms get the same Envoy default buckets as durations: the stats filter defines no
 * buckets and Istio's bootstrap sets no `histogram_bucket_settings`. The exponential 1,10,…,10^7
 * buckets were Mixer's Prometheus adapter config (Istio ≤ 1.4); pass {@link MIXER_BYTE_BUCKETS} to
 * {@link createIstioMetrics} to emulate that era.
 */
export const ISTIO_BYTE_BUCKETS: readonly number[] = ISTIO_DURATION_BUCKETS;

/** Mixer-era size buckets: exponential, scale 1, growth factor 10, 8 finite buckets. */
export const MIXER_BYTE_BUCKETS: readonly number[] = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000];

/** The peer part of a label set (everything up to `request_protocol`). */
export type PeerLabels = Omit<TcpLabels, "response_flags" | "connection_security_policy">;

/** A peer label set with a stable id (equal sets share the id), see {@link IstioMetrics.intern}. */
export interface InternedPeer {
  id: number;
  labels: PeerLabels;
}

export interface IstioMetrics {
  registry: Registry;
  /** How many scrape endpoints the series are split over (see shards.ts); 1 when not split. */
  shards: number;
  /**
   * Interns a peer label set. Series keys are built from the id, so callers that cache interned
   * sets record a request with a few short string operations.
   */
  intern(peer: PeerLabels): InternedPeer;
  /** Records one finished HTTP/gRPC request as seen by one reporter. */
  recordHttp(
    peer: PeerLabels | InternedPeer,
    outcome: { responseCode: number; grpcStatus: string; flags: string; security: string },
    durationMs: number,
    requestBytes: number,
    responseBytes: number,
  ): void;
  /** Records TCP activity of one connection as seen by one reporter. */
  recordTcp(
    peer: PeerLabels | InternedPeer,
    outcome: { flags: string; security: string },
    delta: { opened?: number; closed?: number; sentBytes?: number; receivedBytes?: number },
  ): void;
  /**
   * Which metrics the proxies of each namespace do not report (see disabled-metrics.ts); applies to
   * what is recorded from now on.
   */
  setDisabled(byNamespace: ReadonlyMap<string, ReadonlySet<IstioMetricName>>): void;
}

export interface IstioMetricsOptions {
  registry?: Registry;
  byteBuckets?: readonly number[];
  /** Split the series over this many scrape endpoints, by reporting proxy's namespace (default 1). */
  shards?: number;
}

const SEP = "\u0001";

function peerKey(peer: PeerLabels): string {
  let k = "";
  for (const n of PEER_LABEL_NAMES) k += peer[n] + SEP;
  return k;
}

/** Creates Istio's metrics on a new (or the given) registry — never the global one. */
export function createIstioMetrics(opts: IstioMetricsOptions = {}): IstioMetrics {
  const registry = opts.registry ?? new Registry();
  const byteBuckets = opts.byteBuckets ?? ISTIO_BYTE_BUCKETS;
  const shards = Math.max(1, Math.floor(opts.shards ?? 1));
  const shardOf = shardByReporterNamespace(shards);
  const requests = new SeriesCounter<HttpLabelName>("istio_requests_total", "Total requests.", HTTP_LABEL_NAMES, shardOf);
  const duration = new SeriesHistogram<HttpLabelName>("istio_request_duration_milliseconds", "Request duration in milliseconds.", HTTP_LABEL_NAMES, ISTIO_DURATION_BUCKETS, shardOf);
  const requestBytes = new SeriesHistogram<HttpLabelName>("istio_request_bytes", "Request size in bytes.", HTTP_LABEL_NAMES, byteBuckets, shardOf);
  const responseBytes = new SeriesHistogram<HttpLabelName>("istio_response_bytes", "Response size in bytes.", HTTP_LABEL_NAMES, byteBuckets, shardOf);
  const tcpSent = new SeriesCounter<TcpLabelName>("istio_tcp_sent_bytes_total", "Bytes sent during response.", TCP_LABEL_NAMES, shardOf);
  const tcpReceived = new SeriesCounter<TcpLabelName>("istio_tcp_received_bytes_total", "Bytes received during request.", TCP_LABEL_NAMES, shardOf);
  const tcpOpened = new SeriesCounter<TcpLabelName>("istio_tcp_connections_opened_total", "Connections opened.", TCP_LABEL_NAMES, shardOf);
  const tcpClosed = new SeriesCounter<TcpLabelName>("istio_tcp_connections_closed_total", "Connections closed.", TCP_LABEL_NAMES, shardOf);
  for (const m of [requests, duration, requestBytes, responseBytes, tcpSent, tcpReceived, tcpOpened, tcpClosed]) {
    // These collectors honour the runtime contract the registry relies on (see series-metrics.ts).
    registry.registerMetric(m as unknown as Metric<string>);
  }

  const interned = new Map<string, InternedPeer>();
  const intern = (peer: PeerLabels): InternedPeer => {
    const k = peerKey(peer);
    let found = interned.get(k);
    if (!found) {
      found = { id: interned.size + 1, labels: peer };
      interned.set(k, found);
    }
    return found;
  };
  const resolve = (p: PeerLabels | InternedPeer): InternedPeer => ("id" in p && "labels" in p ? (p as InternedPeer) : intern(p as PeerLabels));
  let disabled: ReadonlyMap<string, ReadonlySet<IstioMetricName>> = new Map();
  /** What the reporting proxy's namespace disables: the destination's or the source's, by reporter. */
  const disabledFor = (peer: PeerLabels) =>
    disabled.size === 0 ? undefined : disabled.get(peer.reporter === "destination" ? peer.destination_workload_namespace : peer.source_workload_namespace);

  return {
    registry,
    shards,
    intern,
    recordHttp(p, o, durationMs, reqBytes, respBytes) {
      const { id, labels: peer } = resolve(p);
      const key = `${id}${SEP}${o.responseCode}${SEP}${o.grpcStatus}${SEP}${o.flags}${SEP}${o.security}`;
      const labels = (): HttpLabels => ({
        ...peer,
        response_code: String(o.responseCode),
        grpc_response_status: o.grpcStatus,
        response_flags: o.flags,
        connection_security_policy: o.security,
      });
      const off = disabledFor(peer);
      if (!off) {
        requests.add(key, labels, 1);
        duration.observe(key, labels, durationMs);
        requestBytes.observe(key, labels, reqBytes);
        responseBytes.observe(key, labels, respBytes);
        return;
      }
      if (!off.has("REQUEST_COUNT")) requests.add(key, labels, 1);
      if (!off.has("REQUEST_DURATION")) duration.observe(key, labels, durationMs);
      if (!off.has("REQUEST_SIZE")) requestBytes.observe(key, labels, reqBytes);
      if (!off.has("RESPONSE_SIZE")) responseBytes.observe(key, labels, respBytes);
    },
    recordTcp(p, o, delta) {
      const { id, labels: peer } = resolve(p);
      const key = `${id}${SEP}${o.flags}${SEP}${o.security}`;
      const labels = (): TcpLabels => ({ ...peer, response_flags: o.flags, connection_security_policy: o.security });
      const off = disabledFor(peer);
      if (delta.opened && !off?.has("TCP_OPENED_CONNECTIONS")) tcpOpened.add(key, labels, delta.opened);
      if (delta.receivedBytes && !off?.has("TCP_RECEIVED_BYTES")) tcpReceived.add(key, labels, delta.receivedBytes);
      if (delta.sentBytes && !off?.has("TCP_SENT_BYTES")) tcpSent.add(key, labels, delta.sentBytes);
      if (delta.closed && !off?.has("TCP_CLOSED_CONNECTIONS")) tcpClosed.add(key, labels, delta.closed);
    },
    setDisabled(byNamespace) {
      disabled = byNamespace;
    },
  };
}
