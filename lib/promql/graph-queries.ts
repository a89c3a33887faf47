/**
 * The PromQL behind one graph request. The number of queries depends only on the options that add a
 * metric family (throughput), never on how many namespaces are selected: every selector matches the
 * selected namespaces with one regex matcher (`destination_workload_namespace=~"a|b|c"`).
 *
 * Each metric family is read with three disjoint selectors joined by `or`:
 *  1. both reporters, `destination_workload_namespace=~S`: traffic INTO workloads of the selection;
 *  2. both reporters, `source_workload_namespace=~S` and `destination_workload_namespace!~S`: traffic OUT
 *     of the selection to elsewhere (cross-namespace edges are kept);
 *  3. `reporter="source"`, `destination_workload="unknown"`, `destination_service_namespace=~S`, and
 *     neither workload namespace in S: calls from outside the selection to hosts of the selection that
 *     have no workload (ServiceEntries).
 * The negative matchers change nothing in the result (`or` drops a series an earlier selector already
 * matched), but Prometheus no longer computes the rates of in-selection series twice or three times,
 * which on the latency histogram of a large selection is a sixth of the query's time.
 * The `reporter` label is kept in the grouping, and the pure builder (`lib/graph/counting.ts`) decides
 * which reporter counts each request, so that no request is counted twice.
 */
import type { GraphType } from "@/lib/graph/options";
import { byLabels, checkDuration, labelEquals, labelMatchesAny, labelMatchesNone, selector } from "./escape";
import type { NamedQuery } from "./types";

/** The graph's metric families, by query name. */
export type GraphQueryName = "requests" | "tcp" | "latency" | "throughput";

/** What the graph's queries depend on. */
export interface GraphQueryOptions {
  namespaces: readonly string[];
  graphType: GraphType;
  /** Rate window, a PromQL duration such as `5m`. */
  window: string;
  throughput: boolean;
}

/** Istio's standard metric names (https://istio.io/latest/docs/reference/config/metrics/). */
export const ISTIO_METRICS = {
  requests: "istio_requests_total",
  durationBucket: "istio_request_duration_milliseconds_bucket",
  durationSum: "istio_request_duration_milliseconds_sum",
  requestBytesSum: "istio_request_bytes_sum",
  responseBytesSum: "istio_response_bytes_sum",
  tcpSent: "istio_tcp_sent_bytes_total",
  tcpReceived: "istio_tcp_received_bytes_total",
} as const;

/** The label a query adds (with `label_replace`) to tell two metrics apart inside one result. */
export const PART_LABEL = "meshscope_part";

/**
 * Labels every graph query groups by: the reporter (for the counting rule), both workloads, the
 * destination service, the protocol and the response flags (the counting rule reads them). They
 * identify a workload-to-workload edge through a service, which every graph type needs: the counting
 * rule works per destination workload and the service graph is reduced from workload edges.
 */
export const EDGE_IDENTITY_LABELS = [
  "reporter",
  "source_cluster",
  "source_workload_namespace",
  "source_workload",
  "destination_cluster",
  "destination_workload_namespace",
  "destination_workload",
  "destination_service_namespace",
  "destination_service_name",
  "destination_service",
  "request_protocol",
  "response_flags",
] as const;

/** Security labels: mTLS share and principals (one principal per workload, so no extra series). */
export const SECURITY_LABELS = ["connection_security_policy", "source_principal", "destination_principal"] as const;

/** Response labels of `istio_requests_total`. */
export const RESPONSE_LABELS = ["response_code", "grpc_response_status"] as const;

/**
 * Labels each graph type needs beyond the edge identity. They are functions of the workload (app and
 * version labels of its pods), so they name nodes without adding series.
 */
export function nodeLabels(graphType: GraphType): string[] {
  switch (graphType) {
    case "app":
      return ["source_app", "destination_app", "source_canonical_service", "destination_canonical_service"];
    case "versionedApp":
      return [
        "source_app",
        "destination_app",
        "source_canonical_service",
        "destination_canonical_service",
        "source_version",
        "destination_version",
        "source_canonical_revision",
        "destination_canonical_revision",
      ];
    case "workload":
      return ["source_app", "destination_app", "source_version", "destination_version"];
    case "service":
      return [];
  }
}

/**
 * `rate(m[w])` over the three disjoint selectors of the module comment, joined with `or`. The namespace
 * regex is built once from all selected namespaces.
 */
export function countedRate(metric: string, namespaces: readonly string[], window: string): string {
  checkDuration(window);
  const both = 'reporter=~"source|destination"';
  const parts = [
    selector(metric, [both, labelMatchesAny("destination_workload_namespace", namespaces)]),
    selector(metric, [both, labelMatchesAny("source_workload_namespace", namespaces), labelMatchesNone("destination_workload_namespace", namespaces)]),
    selector(metric, [
      labelEquals("reporter", "source"),
      labelEquals("destination_workload", "unknown"),
      labelMatchesAny("destination_service_namespace", namespaces),
      labelMatchesNone("destination_workload_namespace", namespaces),
      labelMatchesNone("source_workload_namespace", namespaces),
    ]),
  ];
  return parts.map((p) => `rate(${p}[${window}])`).join(" or ");
}

function tagged(expr: string, part: string): string {
  return `label_replace(${expr}, "${PART_LABEL}", "${part}", "", "")`;
}

/** Requests per second by edge, reporter, response code, gRPC status, flags and security. */
export function requestsQuery(o: GraphQueryOptions): string {
  const labels = [...EDGE_IDENTITY_LABELS, ...nodeLabels(o.graphType), ...SECURITY_LABELS, ...RESPONSE_LABELS];
  return `sum ${byLabels(labels)} (${countedRate(ISTIO_METRICS.requests, o.namespaces, o.window)})`;
}

/**
 * TCP bytes per second by edge: `meshscope_part="sent"` (istio_tcp_sent_bytes_total, bytes the
 * destination sent back) and `"received"` (istio_tcp_received_bytes_total, bytes the source sent).
 */
export function tcpQuery(o: GraphQueryOptions): string {
  const labels = [...EDGE_IDENTITY_LABELS, ...nodeLabels(o.graphType), ...SECURITY_LABELS, PART_LABEL];
  const sent = tagged(countedRate(ISTIO_METRICS.tcpSent, o.namespaces, o.window), "sent");
  const received = tagged(countedRate(ISTIO_METRICS.tcpReceived, o.namespaces, o.window), "received");
  return `sum ${byLabels(labels)} (${sent} or ${received})`;
}

/**
 * The request-duration histogram, summed by `le` and edge (the input of `histogram_quantile`, which the
 * builder applies after the counting rule and the graph type's aggregation, so one query serves p50,
 * p95 and p99), plus the duration sum per edge (no `le` label) for the average.
 */
export function latencyQuery(o: GraphQueryOptions): string {
  const labels = [...EDGE_IDENTITY_LABELS, ...nodeLabels(o.graphType)];
  const buckets = `sum ${byLabels(["le", ...labels])} (${countedRate(ISTIO_METRICS.durationBucket, o.namespaces, o.window)})`;
  const sums = `sum ${byLabels(labels)} (${countedRate(ISTIO_METRICS.durationSum, o.namespaces, o.window)})`;
  return `${buckets} or ${sums}`;
}

/** Request and response bytes per second by edge (`meshscope_part="request"|"response"`). */
export function throughputQuery(o: GraphQueryOptions): string {
  const labels = [...EDGE_IDENTITY_LABELS, ...nodeLabels(o.graphType), PART_LABEL];
  const req = tagged(countedRate(ISTIO_METRICS.requestBytesSum, o.namespaces, o.window), "request");
  const res = tagged(countedRate(ISTIO_METRICS.responseBytesSum, o.namespaces, o.window), "response");
  return `sum ${byLabels(labels)} (${req} or ${res})`;
}

/**
 * Every query one graph request issues, in the order they are reported: requests, TCP bytes, latency
 * histogram and, when asked, throughput. Three or four queries whatever the number of namespaces.
 */
export function graphQueries(o: GraphQueryOptions): Array<NamedQuery<GraphQueryName>> {
  const queries: Array<NamedQuery<GraphQueryName>> = [
    { name: "requests", query: requestsQuery(o) },
    { name: "tcp", query: tcpQuery(o) },
    { name: "latency", query: latencyQuery(o) },
  ];
  if (o.throughput) queries.push({ name: "throughput", query: throughputQuery(o) });
  return queries;
}
