/**
 * The inventory API's answers (lists with health, details, overview): one zod schema per shape, so the
 * client validates what it receives and the server's types cannot drift from it.
 */
import { z } from "zod";
import { appSummary, serviceSummary, sourceError, workloadSummary } from "@/lib/api/schemas";
import { healthStatus } from "@/lib/health/status";

/** Health as lists show it: the status and why. */
export const healthBrief = z.object({
  status: healthStatus,
  /** Why it is not healthy (`inbound HTTP 5xx 12.3% ≥ 10% (failure)`, `0 of 1 replicas available`). */
  reasons: z.array(z.string()),
  /** Configuration problems met while judging it (a malformed rate annotation, ignored). */
  problems: z.array(z.string()),
  /** False when request health could not be judged (Prometheus unavailable): replicas only. */
  requestsKnown: z.boolean(),
});
export type HealthBrief = z.infer<typeof healthBrief>;

/** One error ratio of a detail page's health (see lib/health `ErrorRatio`). */
export const healthRatio = z.object({
  direction: z.enum(["inbound", "outbound"]),
  protocol: z.enum(["http", "grpc"]),
  label: z.string(),
  rule: z.string(),
  source: z.string(),
  errors: z.number(),
  requests: z.number(),
  percent: z.number(),
  thresholds: z.object({ degraded: z.number(), failure: z.number() }),
  status: z.enum(["healthy", "degraded", "failure"]),
});

/** Health as detail pages show it: the brief plus ratios, request totals and replicas. */
export const healthDetail = healthBrief.extend({
  ratios: z.array(healthRatio),
  /** Requests per second over the window, by direction and protocol. */
  totals: z.array(z.object({ direction: z.enum(["inbound", "outbound"]), protocol: z.enum(["http", "grpc"]), rps: z.number() })),
  replicas: z.object({ desired: z.number(), available: z.number() }).optional(),
});
export type HealthDetail = z.infer<typeof healthDetail>;

/**
 * An Istio object that applies to an inventory object. `scope` says how: `host` (a VirtualService or
 * DestinationRule naming the service's host), `workload` (a selector matching its pods), `namespace`
 * (no selector, in its namespace), `mesh` (no selector, in the root namespace).
 */
export const istioRef = z.object({
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  scope: z.enum(["host", "workload", "namespace", "mesh"]),
});
export type IstioRef = z.infer<typeof istioRef>;

/** Requests per second over the health window, and the share of them that failed (5xx, no response, gRPC errors). */
export const trafficBrief = z.object({ inboundRps: z.number(), outboundRps: z.number(), inboundErrorPercent: z.number() });
export type TrafficBrief = z.infer<typeof trafficBrief>;

export const workloadListItem = workloadSummary.extend({
  health: healthBrief,
  traffic: trafficBrief,
  /** Services whose selector matches the workload's pods. */
  services: z.array(z.string()),
  istio: z.array(istioRef),
});
export type WorkloadListItem = z.infer<typeof workloadListItem>;

export const appListItem = appSummary.extend({
  labels: z.record(z.string(), z.string()),
  pods: z.number(),
  podsReady: z.number(),
  health: healthBrief,
  traffic: trafficBrief,
  services: z.array(z.string()),
  istio: z.array(istioRef),
});
export type AppListItem = z.infer<typeof appListItem>;

export const serviceListItem = serviceSummary.extend({
  health: healthBrief,
  traffic: trafficBrief,
  /** Sidecars of the workloads behind the service. */
  sidecar: z.enum(["present", "missing", "partial", "none"]),
  /** Versions of the workloads behind the service. */
  versions: z.array(z.string()),
  istio: z.array(istioRef),
});
export type ServiceListItem = z.infer<typeof serviceListItem>;

/** What the Prometheus queries behind a response cost: the count must not grow with the namespaces. */
export const queryStats = z.object({
  queries: z.array(z.object({ name: z.string(), ms: z.number(), series: z.number() })),
  /** Reading the Kubernetes objects (the watch-fed cache for the console's identity). */
  inventoryMs: z.number(),
  totalMs: z.number(),
});
export type QueryStats = z.infer<typeof queryStats>;

const listMeta = {
  /** Sources that failed; what they would have added is missing (e.g. request health without Prometheus). */
  errors: z.array(sourceError).optional(),
  window: z.string(),
  stats: queryStats.optional(),
};

export const workloadListResponse = z.object({ workloads: z.array(workloadListItem), ...listMeta });
export type WorkloadListResponse = z.infer<typeof workloadListResponse>;
export const appListResponse = z.object({ apps: z.array(appListItem), ...listMeta });
export type AppListResponse = z.infer<typeof appListResponse>;
export const serviceListResponse = z.object({ services: z.array(serviceListItem), ...listMeta });
export type ServiceListResponse = z.infer<typeof serviceListResponse>;

/** One container of a pod, as the detail pages list them. */
export const containerInfo = z.object({
  name: z.string(),
  image: z.string(),
  ready: z.boolean(),
  restartCount: z.number(),
  state: z.enum(["running", "waiting", "terminated", "unknown"]),
  reason: z.string().optional(),
  /** Istio's proxy (`istio-proxy`), shown apart from the application's containers. */
  proxy: z.boolean(),
  init: z.boolean(),
});
export type ContainerInfo = z.infer<typeof containerInfo>;

export const podInfo = z.object({
  namespace: z.string(),
  name: z.string(),
  phase: z.string(),
  ready: z.boolean(),
  restarts: z.number(),
  ip: z.string().optional(),
  node: z.string().optional(),
  created: z.string().optional(),
  labels: z.record(z.string(), z.string()),
  /** The workload (Deployment) it belongs to, when known. */
  workload: z.string().optional(),
  sidecar: z.boolean(),
  containers: z.array(containerInfo),
});
export type PodInfo = z.infer<typeof podInfo>;

/** Traffic with one peer over the health window. */
export const peerTraffic = z.object({
  direction: z.enum(["inbound", "outbound"]),
  kind: z.enum(["workload", "service", "unknown"]),
  namespace: z.string(),
  name: z.string(),
  rps: z.number(),
  errorPercent: z.number(),
});
export type PeerTraffic = z.infer<typeof peerTraffic>;

const detailMeta = {
  health: healthDetail,
  pods: z.array(podInfo),
  istio: z.array(istioRef),
  peers: z.array(peerTraffic),
  window: z.string(),
  errors: z.array(sourceError).optional(),
};

export const workloadDetail = z.object({
  workload: workloadListItem,
  annotations: z.record(z.string(), z.string()),
  selector: z.record(z.string(), z.string()),
  ...detailMeta,
});
export type WorkloadDetail = z.infer<typeof workloadDetail>;

export const appDetail = z.object({
  app: appListItem,
  workloads: z.array(workloadListItem),
  ...detailMeta,
});
export type AppDetail = z.infer<typeof appDetail>;

export const serviceDetail = z.object({
  service: serviceListItem,
  workloads: z.array(workloadListItem),
  ...detailMeta,
});
export type ServiceDetail = z.infer<typeof serviceDetail>;
