/**
 * The graph response: nodes, edges, the options it was built with, and what the queries cost. One zod
 * schema per shape so that the client can validate what it receives and the types cannot drift.
 */
import { z } from "zod";
import { sourceError } from "@/lib/api/schemas";
import { graphOptions } from "./options";

/**
 * What a node stands for. `app`, `workload` and `service` follow the graph type; `serviceEntry` is a
 * host declared by a ServiceEntry; `external` a destination without workload or declaration
 * (PassthroughCluster, undeclared hosts); `unknown` the source of requests from outside the mesh.
 */
export const nodeType = z.enum(["app", "workload", "service", "serviceEntry", "external", "unknown"]);
export type NodeType = z.infer<typeof nodeType>;

export const protocol = z.enum(["http", "grpc", "tcp"]);
export type Protocol = z.infer<typeof protocol>;

/** Response code classes; `-` means no response (response code 0: reset, timeout before headers). */
export const codeClass = z.enum(["1xx", "2xx", "3xx", "4xx", "5xx", "-"]);
export type CodeClass = z.infer<typeof codeClass>;

/** Totals over a node's inbound or outbound edges. */
export const trafficTotals = z.object({
  /** HTTP requests per second. */
  http: z.number(),
  /** gRPC requests per second. */
  grpc: z.number(),
  /** Failed HTTP and gRPC requests per second (see `GraphEdge.errorRate`). */
  errors: z.number(),
  /** TCP bytes per second, both directions. */
  tcp: z.number(),
});
export type TrafficTotals = z.infer<typeof trafficTotals>;

export const graphNode = z.object({
  id: z.string(),
  type: nodeType,
  namespace: z.string(),
  cluster: z.string().optional(),
  app: z.string().optional(),
  version: z.string().optional(),
  workload: z.string().optional(),
  /** Service name (service nodes) or host (serviceEntry and external nodes). */
  service: z.string().optional(),
  /** The workloads an app node aggregates (when known). */
  workloads: z.array(z.string()).optional(),
  /** The ServiceEntry declaring this host, and whether it is MESH_EXTERNAL. */
  serviceEntry: z.object({ name: z.string(), external: z.boolean() }).optional(),
  /** An Istio gateway (by the `istio` label of its pods, or its name when not in the inventory). */
  gateway: z.enum(["ingress", "egress"]).optional(),
  /** No inbound edges but outbound ones: where traffic enters the graph (the ingress gateway, `unknown`). */
  root: z.boolean(),
  /** In the graph because of an edge, although its namespace is not selected. */
  outsideNamespaces: z.boolean(),
  /** No traffic in the window (added from the inventory, or only idle edges). */
  idle: z.boolean(),
  /** Pods without the istio-proxy sidecar (inventory), or only ever reported by callers (telemetry). */
  missingSidecar: z.boolean().optional(),
  traffic: z.object({ in: trafficTotals, out: trafficTotals }),
  /** Request error ratios (errors / requests) in and out: the input of health; null without requests. */
  health: z.object({ errorRatioIn: z.number().nullable(), errorRatioOut: z.number().nullable() }),
});
export type GraphNode = z.infer<typeof graphNode>;

export const latencyStats = z.object({
  avg: z.number().nullable(),
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  p99: z.number().nullable(),
});
export type LatencyStats = z.infer<typeof latencyStats>;

export const graphEdge = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  protocol,
  /** Requests per second (http, grpc) or bytes per second in both directions (tcp). */
  rate: z.number(),
  /** Requests per second by HTTP response code (`-` for no response). Empty for tcp. */
  responses: z.record(z.string(), z.number()),
  /** Requests per second by HTTP code class. Empty for tcp. */
  codeClasses: z.partialRecord(codeClass, z.number()),
  /** Requests per second by gRPC status (`0` is OK), for grpc edges. */
  grpcStatuses: z.record(z.string(), z.number()).optional(),
  /** Requests per second by Envoy response flags other than `-` (e.g. `UT`, `UF`, `FI`). */
  flags: z.record(z.string(), z.number()),
  /**
   * Failed requests per second: gRPC status other than 0 on grpc edges, otherwise HTTP 4xx, 5xx and no
   * response.
   */
  errorRate: z.number(),
  errorRatio: z.number().nullable(),
  /** Latency in milliseconds (http, grpc): average and `histogram_quantile` of the duration buckets. */
  latency: latencyStats.optional(),
  /** The statistic chosen by the `responseTime` option, in milliseconds. */
  responseTimeMs: z.number().nullable().optional(),
  /** Request and response bytes per second (when `throughput` is asked). */
  throughput: z.object({ request: z.number(), response: z.number() }).optional(),
  /** TCP bytes per second sent by the destination (`sent`) and by the source (`received`). */
  tcp: z.object({ sent: z.number(), received: z.number() }).optional(),
  /** Share of the traffic whose security policy is known that was mutual TLS; null when none is known. */
  mtlsShare: z.number().nullable(),
  principals: z.object({ source: z.array(z.string()), destination: z.array(z.string()) }),
  /** How much of `rate` each reporter's telemetry contributed (see the counting rule). */
  reporters: z.object({ destination: z.number(), source: z.number() }),
  /** Series exist but the rate over the window is zero. */
  idle: z.boolean(),
});
export type GraphEdge = z.infer<typeof graphEdge>;

/** One Prometheus query of a graph request: its text, time taken and series returned. */
export const queryStat = z.object({ name: z.string(), query: z.string(), ms: z.number(), series: z.number() });
export type QueryStat = z.infer<typeof queryStat>;

export const graphStats = z.object({
  queries: z.array(queryStat),
  /** Inventory read (Kubernetes), in parallel with the queries. */
  inventoryMs: z.number(),
  buildMs: z.number(),
  totalMs: z.number(),
});
export type GraphStats = z.infer<typeof graphStats>;

export const graphResponse = z.object({
  options: graphOptions,
  /** Evaluation time of the queries (unix seconds). */
  timestamp: z.number(),
  nodes: z.array(graphNode),
  edges: z.array(graphEdge),
  stats: graphStats,
  /** Sources that failed while the graph could still be built (e.g. the inventory). */
  errors: z.array(sourceError).optional(),
});
export type GraphResponse = z.infer<typeof graphResponse>;
