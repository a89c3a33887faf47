import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/api-client";
import { graphResponse } from "@/lib/graph/schema";
import { graphQueryString, type GraphRequest } from "@/lib/graph-view/request";
import { istioConfigResponse, namespacesResponse, readyzResponse } from "@/lib/api/schemas";
import { logsResponse } from "@/lib/inventory/logs";
import { overviewResponse } from "@/lib/inventory/overview";
import { appDetail, appListResponse, serviceDetail, serviceListResponse, workloadDetail, workloadListResponse } from "@/lib/inventory/schemas";
import { metricsResponse } from "@/lib/metrics/charts";
import type { MetricsQueryParams } from "@/lib/metrics/detail-queries";
import { DEFAULT_WINDOW } from "@/lib/url-state";
import { traceOperationsResponse, traceResponse, traceSearchResponse, traceServicesResponse } from "@/lib/tracing/model";
import { traceSearchQueryString, type TraceSearchForm } from "@/lib/tracing/search-params";
import type { TimeWindow } from "@/lib/url-state";

const nsParam = (namespaces: readonly string[]) => `namespaces=${encodeURIComponent(namespaces.join(","))}`;
const objectPath = (ns: string, name: string) => `${encodeURIComponent(ns)}/${encodeURIComponent(name)}`;

/** Query keys that show cluster objects: refetched when `/api/events` reports a change (see `useLiveUpdates`). */
export const INVENTORY_QUERY_KEYS = ["namespaces", "overview", "workloads", "apps", "services", "workload", "app", "service", "istio-config"] as const;

/** `GET /api/logs` parameters the logs panel sends (follow is streamed, never cached). */
export interface LogsRequest {
  namespace: string;
  pod: string;
  container: string;
  tailLines: number;
  filter?: string;
  /** Prefix each line with the kubelet's timestamp. */
  timestamps?: boolean;
}

/** Query options per resource; keys are scoped `['kind', ...params]` so invalidation can target them. */
export const queries = {
  readyz: () =>
    queryOptions({
      queryKey: ["readyz"],
      // 503 carries the same body: readiness is data here, not an error.
      queryFn: async ({ signal }) => {
        const res = await fetch("/api/readyz", { signal });
        return readyzResponse.parse(await res.json());
      },
    }),
  namespaces: () =>
    queryOptions({
      queryKey: ["namespaces"],
      queryFn: ({ signal }) => getJson("/api/namespaces", namespacesResponse, signal),
    }),
  /** Workloads with health, services and Istio objects (`GET /api/workloads`). */
  workloads: (namespaces: readonly string[], window: TimeWindow = DEFAULT_WINDOW) =>
    queryOptions({
      queryKey: ["workloads", [...namespaces], window],
      queryFn: ({ signal }) => getJson(`/api/workloads?${nsParam(namespaces)}&window=${window}`, workloadListResponse, signal),
      enabled: namespaces.length > 0,
      placeholderData: keepPreviousData,
    }),
  apps: (namespaces: readonly string[], window: TimeWindow = DEFAULT_WINDOW) =>
    queryOptions({
      queryKey: ["apps", [...namespaces], window],
      queryFn: ({ signal }) => getJson(`/api/apps?${nsParam(namespaces)}&window=${window}`, appListResponse, signal),
      enabled: namespaces.length > 0,
      placeholderData: keepPreviousData,
    }),
  services: (namespaces: readonly string[], window: TimeWindow = DEFAULT_WINDOW) =>
    queryOptions({
      queryKey: ["services", [...namespaces], window],
      queryFn: ({ signal }) => getJson(`/api/services?${nsParam(namespaces)}&window=${window}`, serviceListResponse, signal),
      enabled: namespaces.length > 0,
      placeholderData: keepPreviousData,
    }),
  /** The overview of every visible namespace (`namespaces` empty) or of some (`GET /api/overview`). */
  overview: (namespaces: readonly string[], window: TimeWindow = DEFAULT_WINDOW) =>
    queryOptions({
      queryKey: ["overview", [...namespaces], window],
      queryFn: ({ signal }) =>
        getJson(`/api/overview?window=${window}${namespaces.length ? `&${nsParam(namespaces)}` : ""}`, overviewResponse, signal),
      placeholderData: keepPreviousData,
    }),
  workload: (ns: string, name: string, window: TimeWindow = DEFAULT_WINDOW) =>
    queryOptions({
      queryKey: ["workload", ns, name, window],
      queryFn: ({ signal }) => getJson(`/api/workloads/${objectPath(ns, name)}?window=${window}`, workloadDetail, signal),
      placeholderData: keepPreviousData,
    }),
  app: (ns: string, name: string, window: TimeWindow = DEFAULT_WINDOW) =>
    queryOptions({
      queryKey: ["app", ns, name, window],
      queryFn: ({ signal }) => getJson(`/api/apps/${objectPath(ns, name)}?window=${window}`, appDetail, signal),
      placeholderData: keepPreviousData,
    }),
  service: (ns: string, name: string, window: TimeWindow = DEFAULT_WINDOW) =>
    queryOptions({
      queryKey: ["service", ns, name, window],
      queryFn: ({ signal }) => getJson(`/api/services/${objectPath(ns, name)}?window=${window}`, serviceDetail, signal),
      placeholderData: keepPreviousData,
    }),
  /** Inbound/outbound metrics of one object (`GET /api/metrics`). */
  metrics: (p: MetricsQueryParams) =>
    queryOptions({
      queryKey: ["metrics", p],
      queryFn: ({ signal }) => getJson(`/api/metrics?${new URLSearchParams({ ...p })}`, metricsResponse, signal),
      placeholderData: keepPreviousData,
    }),
  /** The last lines of a container's log (`GET /api/logs`). */
  logs: (p: LogsRequest) =>
    queryOptions({
      queryKey: ["logs", p],
      queryFn: ({ signal }) => {
        const qs = new URLSearchParams({ namespace: p.namespace, pod: p.pod, container: p.container, tailLines: String(p.tailLines), timestamps: String(p.timestamps ?? false) });
        if (p.filter) qs.set("filter", p.filter);
        return getJson(`/api/logs?${qs}`, logsResponse, signal);
      },
      enabled: Boolean(p.pod && p.container),
    }),
  istioConfig: (namespaces: readonly string[]) =>
    queryOptions({
      queryKey: ["istio-config", [...namespaces]],
      queryFn: ({ signal }) => getJson(`/api/istio-config?${nsParam(namespaces)}`, istioConfigResponse, signal),
      enabled: namespaces.length > 0,
    }),
  /** The service graph (`GET /api/graph`); the previous graph stays on screen while options change. */
  graph: (req: GraphRequest) =>
    queryOptions({
      queryKey: ["graph", req],
      queryFn: ({ signal }) => getJson(`/api/graph?${graphQueryString(req)}`, graphResponse, signal),
      enabled: req.namespaces.length > 0,
      placeholderData: keepPreviousData,
    }),
  traceServices: () =>
    queryOptions({
      queryKey: ["traces", "services"],
      queryFn: ({ signal }) => getJson("/api/traces/services", traceServicesResponse, signal),
      staleTime: 60_000,
    }),
  traceOperations: (service: string) =>
    queryOptions({
      queryKey: ["traces", "operations", service],
      queryFn: ({ signal }) => getJson(`/api/traces/operations?service=${encodeURIComponent(service)}`, traceOperationsResponse, signal),
      enabled: service !== "",
      staleTime: 60_000,
    }),
  /** A trace search over the window ending when it runs; only the search fields that are set count. */
  traceSearch: (form: Partial<TraceSearchForm>, window: TimeWindow) => {
    const qs = traceSearchQueryString(form, window);
    return queryOptions({
      queryKey: ["traces", "search", qs],
      queryFn: ({ signal }) => getJson(`/api/traces?${qs}`, traceSearchResponse, signal),
      enabled: Boolean(form.service?.trim()),
    });
  },
  trace: (traceId: string) =>
    queryOptions({
      queryKey: ["traces", "trace", traceId],
      queryFn: ({ signal }) => getJson(`/api/traces/${encodeURIComponent(traceId)}`, traceResponse, signal),
      enabled: traceId !== "",
      // A finished trace changes little; spans arriving late are worth a reload now and then.
      staleTime: 60_000,
    }),
};
