/**
 * PromQL for the side panel's charts: request rate, error ratio and latency percentiles of one graph
 * node or edge over the window, as range queries. Elements are named by their graph ids
 * (`app:bookinfo:reviews:v2`, `service:bookinfo:reviews`, …; see docs/graph-api.md), which say which
 * Istio labels select their traffic. Every label value goes through lib/promql's escaping.
 *
 * Counting each request once: a request is read from the destination's reports, and from the
 * caller's only where no destination proxy reported (ServiceEntry hosts, workloads without sidecar):
 * `sum(dest) or sum(source)` keeps the caller's figure only at the times the destination has none.
 */
import { labelEquals, selector } from "@/lib/promql/escape";
import { ISTIO_METRICS } from "@/lib/promql/graph-queries";
import type { NamedQuery } from "@/lib/promql/types";

/** What a graph id says about the node. */
export type ParsedNodeId =
  | { type: "app"; namespace: string; app: string; version?: string }
  | { type: "workload"; namespace: string; workload: string }
  | { type: "service"; namespace: string; service: string }
  | { type: "serviceEntry"; namespace: string; host: string }
  | { type: "external"; host: string }
  | { type: "unknown" };

/** Envoy's catch-all clusters, which telemetry names as the destination service name. */
const CATCH_ALL = new Set(["PassthroughCluster", "BlackHoleCluster"]);

/** Parses a node id of the graph API; undefined when it is not one. */
export function parseNodeId(id: string): ParsedNodeId | undefined {
  if (id === "unknown") return { type: "unknown" };
  const [type, ...rest] = id.split(":");
  const ok = (...parts: Array<string | undefined>) => parts.every((p) => p !== undefined && p.length > 0);
  switch (type) {
    case "app": {
      const [namespace, app, version, extra] = rest;
      if (!ok(namespace, app) || extra !== undefined || version === "") return undefined;
      return version ? { type, namespace: namespace!, app: app!, version } : { type, namespace: namespace!, app: app! };
    }
    case "workload":
    case "service": {
      const [namespace, name, extra] = rest;
      if (!ok(namespace, name) || extra !== undefined) return undefined;
      return type === "workload" ? { type, namespace: namespace!, workload: name! } : { type, namespace: namespace!, service: name! };
    }
    case "serviceEntry": {
      const [namespace, ...host] = rest;
      return ok(namespace, host.join(":")) ? { type, namespace: namespace!, host: host.join(":") } : undefined;
    }
    case "external":
      return ok(rest.join(":")) ? { type, host: rest.join(":") } : undefined;
    default:
      return undefined;
  }
}

export type Side = "source" | "destination";

/**
 * Label matchers selecting the requests a node sends (`source`) or receives (`destination`);
 * undefined when the node cannot be on that side (hosts send nothing, `unknown` receives nothing).
 * A service node's requests are those sent through the service, on either side.
 */
export function sideMatchers(n: ParsedNodeId, side: Side): string[] | undefined {
  switch (n.type) {
    case "app":
      return [
        labelEquals(`${side}_workload_namespace`, n.namespace),
        labelEquals(`${side}_app`, n.app),
        ...(n.version ? [labelEquals(`${side}_version`, n.version)] : []),
      ];
    case "workload":
      return [labelEquals(`${side}_workload_namespace`, n.namespace), labelEquals(`${side}_workload`, n.workload)];
    case "service":
      return [labelEquals("destination_service_namespace", n.namespace), labelEquals("destination_service_name", n.service)];
    case "serviceEntry":
    case "external":
      if (side === "source") return undefined;
      return [CATCH_ALL.has(n.host) ? labelEquals("destination_service_name", n.host) : labelEquals("destination_service", n.host)];
    case "unknown":
      return side === "source" ? [labelEquals("source_workload", "unknown")] : undefined;
  }
}

/** A chart target: a node, or an edge between two nodes over one protocol. */
export type SeriesTarget = { kind: "node"; node: ParsedNodeId } | { kind: "edge"; source: ParsedNodeId; target: ParsedNodeId; protocol: "http" | "grpc" | "tcp" };

/** Names of the series a target's charts show. */
export type SeriesName = "rateIn" | "rateOut" | "errorsIn" | "p50" | "p95" | "p99" | "tcpSent" | "tcpReceived";

const HTTP_ERROR = 'response_code=~"0|[45][0-9][0-9]"';
const GRPC_ERROR = 'grpc_response_status=~"[1-9][0-9]?"';

/** `sum(f(dest)) or sum(f(source))`: destination reports, the caller's where there are none. */
function perReporter(build: (reporter: string) => string): string {
  return `${build(labelEquals("reporter", "destination"))} or ${build(labelEquals("reporter", "source"))}`;
}

function rateOf(metric: string, matchers: readonly string[], window: string): (reporter: string) => string {
  return (reporter) => `sum(rate(${selector(metric, [reporter, ...matchers])}[${window}]))`;
}

function requestQueries(m: string[], window: string, protocol?: "http" | "grpc"): NamedQuery<SeriesName>[] {
  const proto = protocol ? [labelEquals("request_protocol", protocol)] : [];
  const all = [...m, ...proto];
  const httpErrors = protocol === "grpc" ? undefined : [...m, ...(protocol ? proto : ['request_protocol!="grpc"']), HTTP_ERROR];
  const grpcErrors = protocol === "http" ? undefined : [...m, labelEquals("request_protocol", "grpc"), GRPC_ERROR];
  const errors = (reporter: string) => {
    const parts = [httpErrors, grpcErrors].filter((x): x is string[] => x !== undefined);
    return `sum(${parts.map((ms) => `rate(${selector(ISTIO_METRICS.requests, [reporter, ...ms])}[${window}])`).join(" or ")})`;
  };
  const bucket = (reporter: string) => `sum by (le) (rate(${selector(ISTIO_METRICS.durationBucket, [reporter, ...all])}[${window}]))`;
  const quantile = (q: number) => `histogram_quantile(${q}, ${perReporter(bucket)})`;
  return [
    { name: "rateIn", query: perReporter(rateOf(ISTIO_METRICS.requests, all, window)) },
    { name: "errorsIn", query: perReporter(errors) },
    { name: "p50", query: quantile(0.5) },
    { name: "p95", query: quantile(0.95) },
    { name: "p99", query: quantile(0.99) },
  ];
}

/**
 * The range queries behind a target's charts. A node: requests in (rate, errors, latency
 * percentiles) and out (rate); an edge: its requests (or TCP bytes sent and received).
 * Throws when the target cannot have such traffic (e.g. an edge out of an external host).
 */
export function seriesQueries(t: SeriesTarget, window: string): NamedQuery<SeriesName>[] {
  if (t.kind === "node") {
    const dest = sideMatchers(t.node, "destination");
    const src = sideMatchers(t.node, "source");
    const out: NamedQuery<SeriesName>[] = dest ? requestQueries(dest, window) : [];
    if (src && t.node.type !== "service") out.push({ name: "rateOut", query: perReporter(rateOf(ISTIO_METRICS.requests, src, window)) });
    return out;
  }
  const src = sideMatchers(t.source, "source");
  const dest = sideMatchers(t.target, "destination");
  if (!src) throw new RangeError(`a ${t.source.type} node sends no traffic`);
  if (!dest) throw new RangeError(`an ${t.target.type} node receives no traffic`);
  // Through a service node both ends may name the same service labels: keep each matcher once.
  const m = [...new Set([...src, ...dest])];
  if (t.protocol === "tcp") {
    return [
      { name: "tcpSent", query: perReporter(rateOf(ISTIO_METRICS.tcpSent, m, window)) },
      { name: "tcpReceived", query: perReporter(rateOf(ISTIO_METRICS.tcpReceived, m, window)) },
    ];
  }
  return requestQueries(m, window, t.protocol);
}

/** Range of a chart over the graph window: about 60 points, at least 5 s apart; rates over ≥ 1 minute. */
export function seriesRange(windowSeconds: number, endSeconds: number): { start: number; end: number; step: number; rateWindow: string } {
  const step = Math.max(5, Math.round(windowSeconds / 60));
  const end = Math.floor(endSeconds / step) * step;
  return { start: end - windowSeconds, end, step, rateWindow: `${Math.max(60, step)}s` };
}
