import { z } from "zod";

/** Which upstream a message or failure concerns. */
export const upstreamName = z.enum(["kubernetes", "prometheus", "jaeger"]);
export type UpstreamName = z.infer<typeof upstreamName>;

/** One upstream's readiness, as `GET /api/readyz` reports it. */
export const upstreamStatus = z.object({
  name: upstreamName,
  url: z.string().nullable(),
  ok: z.boolean(),
  /** Version or summary when it answers (e.g. `v1.32.0`, `2.42.0`, `12 services`). */
  detail: z.string().optional(),
  error: z.string().optional(),
  latencyMs: z.number().optional(),
});
export type UpstreamStatus = z.infer<typeof upstreamStatus>;

export const readyzResponse = z.object({
  ready: z.boolean(),
  upstreams: z.array(upstreamStatus),
  cache: z
    .array(z.object({ kind: z.string(), synced: z.boolean(), notInstalled: z.boolean(), count: z.number(), error: z.string().optional() }))
    .optional(),
});
export type ReadyzResponse = z.infer<typeof readyzResponse>;

export const namespaceSummary = z.object({
  name: z.string(),
  phase: z.string(),
  labels: z.record(z.string(), z.string()),
  /** Sidecar injection enabled by label (`istio-injection=enabled` or an `istio.io/rev`). */
  injection: z.boolean(),
  created: z.string().optional(),
});
export type NamespaceSummary = z.infer<typeof namespaceSummary>;

export const sidecarState = z.enum(["present", "missing", "partial"]);

export const workloadSummary = z.object({
  namespace: z.string(),
  name: z.string(),
  kind: z.string(),
  app: z.string().optional(),
  version: z.string().optional(),
  labels: z.record(z.string(), z.string()),
  desiredReplicas: z.number(),
  readyReplicas: z.number(),
  availableReplicas: z.number(),
  pods: z.number(),
  podsReady: z.number(),
  /** Whether the workload's pods carry an istio-proxy sidecar (all, none, or only some). */
  sidecar: sidecarState,
  serviceAccount: z.string().optional(),
  created: z.string().optional(),
});
export type WorkloadSummary = z.infer<typeof workloadSummary>;

/** A failure of one source in a response that still carries what the other sources gave. */
export const sourceError = z.object({ source: upstreamName, message: z.string() });
export type SourceError = z.infer<typeof sourceError>;

export const namespacesResponse = z.object({ namespaces: z.array(namespaceSummary) });
export type NamespacesResponse = z.infer<typeof namespacesResponse>;

export const workloadsResponse = z.object({ workloads: z.array(workloadSummary) });
export type WorkloadsResponse = z.infer<typeof workloadsResponse>;

export const apiErrorBody = z.object({
  error: z.string(),
  upstream: upstreamName.optional(),
  reason: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;

export const appSummary = z.object({
  namespace: z.string(),
  name: z.string(),
  versions: z.array(z.string()),
  workloads: z.array(z.string()),
  desiredReplicas: z.number(),
  availableReplicas: z.number(),
  sidecar: sidecarState,
});
export type AppSummary = z.infer<typeof appSummary>;

export const appsResponse = z.object({ apps: z.array(appSummary) });
export type AppsResponse = z.infer<typeof appsResponse>;

export const servicePort = z.object({ name: z.string().optional(), port: z.number(), protocol: z.string(), targetPort: z.string().optional() });

export const serviceSummary = z.object({
  namespace: z.string(),
  name: z.string(),
  type: z.string(),
  clusterIP: z.string().optional(),
  ports: z.array(servicePort),
  selector: z.record(z.string(), z.string()),
  labels: z.record(z.string(), z.string()),
  /** Workloads whose pods the selector matches. */
  workloads: z.array(z.string()),
  created: z.string().optional(),
});
export type ServiceSummary = z.infer<typeof serviceSummary>;

export const servicesResponse = z.object({ services: z.array(serviceSummary) });
export type ServicesResponse = z.infer<typeof servicesResponse>;

export const istioObjectSummary = z.object({
  kind: z.string(),
  apiVersion: z.string(),
  namespace: z.string(),
  name: z.string(),
  created: z.string().optional(),
  resourceVersion: z.string().optional(),
});
export type IstioObjectSummary = z.infer<typeof istioObjectSummary>;

export const istioConfigResponse = z.object({
  objects: z.array(istioObjectSummary),
  /** Kinds this cluster does not serve (Istio not installed, or an older Istio). */
  notInstalled: z.array(z.string()),
});
export type IstioConfigResponse = z.infer<typeof istioConfigResponse>;
