/**
 * Istio's standard metric label names, in the order Istio's own test fixtures list them
 * (istio/proxy testdata/metric/*.yaml.tmpl, copied to /work/shared/fixtures/istio-metrics).
 */

/** The peer labels shared by HTTP and TCP metrics. */
export const PEER_LABEL_NAMES = [
  "reporter",
  "source_workload",
  "source_canonical_service",
  "source_canonical_revision",
  "source_workload_namespace",
  "source_principal",
  "source_app",
  "source_version",
  "source_cluster",
  "destination_workload",
  "destination_workload_namespace",
  "destination_principal",
  "destination_app",
  "destination_version",
  "destination_service",
  "destination_canonical_service",
  "destination_canonical_revision",
  "destination_service_name",
  "destination_service_namespace",
  "destination_cluster",
  "request_protocol",
] as const;

/** Labels of `istio_requests_total` and the request histograms. */
export const HTTP_LABEL_NAMES = [
  ...PEER_LABEL_NAMES,
  "response_code",
  "grpc_response_status",
  "response_flags",
  "connection_security_policy",
] as const;

/** Labels of the `istio_tcp_*` counters. */
export const TCP_LABEL_NAMES = [...PEER_LABEL_NAMES, "response_flags", "connection_security_policy"] as const;

export type HttpLabelName = (typeof HTTP_LABEL_NAMES)[number];
export type TcpLabelName = (typeof TCP_LABEL_NAMES)[number];
export type HttpLabels = Record<HttpLabelName, string>;
export type TcpLabels = Record<TcpLabelName, string>;
