/**
 * Istio's standard metrics for a synthetic mesh, as Prometheus text exposition served on loopback.
 * Names, label names (in Istio's order), histogram buckets and reporter semantics follow Istio
 * (https://istio.io/latest/docs/reference/config/metrics/, label sets of istio/proxy's test fixtures in
 * /work/shared/fixtures/istio-metrics): each request is reported by the caller's proxy
 * (`reporter="source"`) and by the callee's (`reporter="destination"`) when each has one. Counters grow
 * with wall-clock time at each edge's configured rate, so `rate()` in Prometheus gives those rates back.
 *
 * Left out on purpose: the buckets of `istio_request_bytes`/`istio_response_bytes` (their `_sum` and
 * `_count` are served; no graph query reads the size buckets and they would double the series count).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { ISTIO_DURATION_BUCKETS } from "@/demo/mesh/telemetry/istio-metrics";
import { HTTP_LABEL_NAMES, TCP_LABEL_NAMES } from "@/demo/mesh/telemetry/label-names";
import { seededRandom } from "../lib/stats";
import type { Mesh, MeshEdge, MeshExternalHost, MeshWorkload, Outcome } from "./synthetic-mesh";

type Reporter = "source" | "destination";

/** One label set of one reporter's metrics for one edge outcome, pre-rendered. */
export interface SeriesSet {
  shard: number;
  protocol: MeshEdge["protocol"];
  reporter: Reporter;
  /** `a="x",b="y",…` without braces. */
  body: string;
  /** Events per second: requests (http, grpc) or connections (tcp). */
  rate: number;
  /** Seconds of traffic the counters already hold when the server starts (a long-running mesh). */
  baseSeconds: number;
  /** Cumulative share of requests at or under each finite bucket bound. */
  bucketShares: number[];
  meanMs: number;
  requestBytes: number;
  responseBytes: number;
  tcpReceivedBps: number;
  tcpSentBps: number;
}

const LOGNORMAL_SIGMA = 0.9;
const CLUSTER = "Kubernetes";

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

function escapeValue(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A stable pod name and IP for a workload, as Kubernetes would make them. */
export function podOf(w: MeshWorkload): { pod: string; ip: string } {
  const h = hash(`${w.namespace}/${w.name}`);
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  let suffix = "";
  for (let i = 0, x = h; i < 5; i++, x = Math.floor(x / alphabet.length)) suffix += alphabet[x % alphabet.length];
  return { pod: `${w.name}-${(h % 0xfffffff).toString(16).padStart(7, "0").slice(0, 9)}-${suffix}`, ip: `10.${(h >>> 16) & 255}.${(h >>> 8) & 255}.${(h & 253) + 1}` };
}

const principal = (w: MeshWorkload) => `spiffe://cluster.local/ns/${w.namespace}/sa/${w.app}`;

function sourceLabels(s: MeshWorkload | null): Record<string, string> {
  if (!s) {
    return {
      source_workload: "unknown",
      source_canonical_service: "unknown",
      source_canonical_revision: "latest",
      source_workload_namespace: "unknown",
      source_principal: "unknown",
      source_app: "unknown",
      source_version: "unknown",
      source_cluster: "unknown",
    };
  }
  return {
    source_workload: s.name,
    source_canonical_service: s.app,
    source_canonical_revision: s.version,
    source_workload_namespace: s.namespace,
    source_principal: principal(s),
    source_app: s.app,
    source_version: s.version,
    source_cluster: CLUSTER,
  };
}

function destinationLabels(d: MeshWorkload | MeshExternalHost): Record<string, string> {
  if (d.kind === "external") {
    return {
      destination_workload: "unknown",
      destination_workload_namespace: "unknown",
      destination_principal: "unknown",
      destination_app: "unknown",
      destination_version: "unknown",
      destination_service: d.host,
      destination_canonical_service: "unknown",
      destination_canonical_revision: "latest",
      destination_service_name: d.host,
      destination_service_namespace: d.namespace,
      destination_cluster: "unknown",
    };
  }
  return {
    destination_workload: d.name,
    destination_workload_namespace: d.namespace,
    destination_principal: d.sidecar ? principal(d) : "unknown",
    destination_app: d.app,
    destination_version: d.version,
    destination_service: `${d.service}.${d.namespace}.svc.cluster.local`,
    destination_canonical_service: d.app,
    destination_canonical_revision: d.version,
    destination_service_name: d.service,
    destination_service_namespace: d.namespace,
    destination_cluster: CLUSTER,
  };
}

/** Which reporters report an outcome of an edge. */
function reportersOf(e: MeshEdge, o: Outcome): Reporter[] {
  const out: Reporter[] = [];
  if (e.source?.sidecar) out.push("source");
  if (e.target.kind === "workload" && e.target.sidecar && o.reachedDestination) out.push("destination");
  return out;
}

/** Every label set the mesh's proxies report, spread over `shards` scrape targets by reporting pod. */
export function seriesSets(mesh: Mesh, shards: number, seed = 7): SeriesSet[] {
  const rnd = seededRandom(seed);
  const nsIndex = new Map(mesh.namespaces.map((n, i) => [n, i]));
  const out: SeriesSet[] = [];
  for (const e of mesh.edges) {
    const meanMs = e.latencyMedianMs * Math.exp((LOGNORMAL_SIGMA * LOGNORMAL_SIGMA) / 2);
    const bucketShares = ISTIO_DURATION_BUCKETS.map((le) => normalCdf((Math.log(le) - Math.log(e.latencyMedianMs)) / LOGNORMAL_SIGMA));
    const baseSeconds = 600 + rnd() * 3_000;
    for (const o of e.outcomes) {
      for (const reporter of reportersOf(e, o)) {
        const reporterWorkload = reporter === "source" ? e.source! : (e.target as MeshWorkload);
        const { pod, ip } = podOf(reporterWorkload);
        const security = reporter === "destination" ? (e.source ? "mutual_tls" : "none") : "unknown";
        const labels: Record<string, string> = {
          reporter,
          ...sourceLabels(e.source),
          ...destinationLabels(e.target),
          request_protocol: e.protocol,
          response_code: o.code,
          grpc_response_status: o.grpcStatus,
          response_flags: o.flags,
          connection_security_policy: security,
        };
        const names = e.protocol === "tcp" ? TCP_LABEL_NAMES : HTTP_LABEL_NAMES;
        // What Prometheus's Kubernetes pod discovery adds to a scraped sidecar's series.
        const scrape = { instance: `${ip}:15020`, job: "kubernetes-pods", namespace: reporterWorkload.namespace, pod };
        const body = [...names.map((n) => `${n}="${escapeValue(labels[n] ?? "")}"`), ...Object.entries(scrape).map(([k, v]) => `${k}="${escapeValue(v)}"`)].join(",");
        out.push({
          shard: (nsIndex.get(reporterWorkload.namespace) ?? 0) % shards,
          protocol: e.protocol,
          reporter,
          body,
          rate: e.rate * o.share,
          baseSeconds,
          bucketShares,
          meanMs,
          requestBytes: e.requestBytes,
          responseBytes: e.responseBytes,
          tcpReceivedBps: e.tcpReceivedBps,
          tcpSentBps: e.tcpSentBps,
        });
      }
    }
  }
  return out;
}

/** Series per HTTP/gRPC label set: requests, 20 duration buckets + sum + count, 2 × size sum + count. */
export const HTTP_SERIES_PER_SET = 1 + ISTIO_DURATION_BUCKETS.length + 3 + 4;
/** Series per TCP label set: sent, received, opened, closed. */
export const TCP_SERIES_PER_SET = 4;

export function seriesCount(sets: readonly SeriesSet[]): number {
  return sets.reduce((n, s) => n + (s.protocol === "tcp" ? TCP_SERIES_PER_SET : HTTP_SERIES_PER_SET), 0);
}

const num = (v: number) => String(Math.round(v * 1000) / 1000);
const LE = [...ISTIO_DURATION_BUCKETS.map(String), "+Inf"];

/**
 * The exposition text of one shard at `elapsedSeconds` after the server started, in chunks of about
 * 1 MB (families grouped, `# TYPE` first, as the text format wants).
 */
export function* renderShard(sets: readonly SeriesSet[], elapsedSeconds: number): Generator<string> {
  const http = sets.filter((s) => s.protocol !== "tcp");
  const tcp = sets.filter((s) => s.protocol === "tcp");
  let buf = "";
  const families: Array<[string, string, readonly SeriesSet[], (s: SeriesSet, t: number) => string]> = [
    ["istio_requests_total", "counter", http, (s, t) => `istio_requests_total{${s.body}} ${num(s.rate * t)}\n`],
    [
      "istio_request_duration_milliseconds",
      "histogram",
      http,
      (s, t) => {
        const n = s.rate * t;
        let out = "";
        for (let i = 0; i < LE.length; i++) {
          const share = i < s.bucketShares.length ? s.bucketShares[i]! : 1;
          out += `istio_request_duration_milliseconds_bucket{${s.body},le="${LE[i]}"} ${num(n * share)}\n`;
        }
        return `${out}istio_request_duration_milliseconds_sum{${s.body}} ${num(n * s.meanMs)}\nistio_request_duration_milliseconds_count{${s.body}} ${num(n)}\n`;
      },
    ],
    ["istio_request_bytes", "histogram", http, (s, t) => `istio_request_bytes_sum{${s.body}} ${num(s.rate * t * s.requestBytes)}\nistio_request_bytes_count{${s.body}} ${num(s.rate * t)}\n`],
    ["istio_response_bytes", "histogram", http, (s, t) => `istio_response_bytes_sum{${s.body}} ${num(s.rate * t * s.responseBytes)}\nistio_response_bytes_count{${s.body}} ${num(s.rate * t)}\n`],
    ["istio_tcp_sent_bytes_total", "counter", tcp, (s, t) => `istio_tcp_sent_bytes_total{${s.body}} ${num(s.tcpSentBps * t)}\n`],
    ["istio_tcp_received_bytes_total", "counter", tcp, (s, t) => `istio_tcp_received_bytes_total{${s.body}} ${num(s.tcpReceivedBps * t)}\n`],
    ["istio_tcp_connections_opened_total", "counter", tcp, (s, t) => `istio_tcp_connections_opened_total{${s.body}} ${num(s.rate * t)}\n`],
    ["istio_tcp_connections_closed_total", "counter", tcp, (s, t) => `istio_tcp_connections_closed_total{${s.body}} ${num(Math.max(0, s.rate * t - 1))}\n`],
  ];
  for (const [name, type, list, line] of families) {
    if (list.length === 0) continue;
    buf += `# TYPE ${name} ${type}\n`;
    for (const s of list) {
      buf += line(s, s.baseSeconds + elapsedSeconds);
      if (buf.length > 1 << 20) {
        yield buf;
        buf = "";
      }
    }
  }
  if (buf) yield buf;
}

export interface ExpositionServer {
  /** Scrape URL of each shard. */
  urls: string[];
  scrapes: () => number;
  close(): Promise<void>;
}

/** Serves each shard at `/metrics/shard-<i>` on 127.0.0.1 (a free port). */
export function serveExposition(sets: readonly SeriesSet[], shards: number): Promise<ExpositionServer> {
  const byShard = Array.from({ length: shards }, (_, i) => sets.filter((s) => s.shard === i));
  const started = Date.now();
  let scrapes = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const m = /^\/metrics\/shard-(\d+)$/.exec(req.url ?? "");
    const list = m ? byShard[Number(m[1])] : undefined;
    if (!list) {
      res.writeHead(404).end();
      return;
    }
    scrapes++;
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
    const elapsed = (Date.now() - started) / 1000;
    for (const chunk of renderShard(list, elapsed)) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await new Promise<void>((r) => res.once("drain", () => r()));
    }
    res.end();
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const addr = server.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      resolve({
        urls: byShard.map((_, i) => `http://127.0.0.1:${port}/metrics/shard-${i}`),
        scrapes: () => scrapes,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
