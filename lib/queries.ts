import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/api-client";
import { graphResponse } from "@/lib/graph/schema";
import { graphQueryString, type GraphRequest } from "@/lib/graph-view/request";
import { appsResponse, istioConfigResponse, namespacesResponse, readyzResponse, servicesResponse, workloadsResponse } from "@/lib/api/schemas";
import { traceOperationsResponse, traceResponse, traceSearchResponse, traceServicesResponse } from "@/lib/tracing/model";
import { traceSearchQueryString, type TraceSearchForm } from "@/lib/tracing/search-params";
import type { TimeWindow } from "@/lib/url-state";

const nsParam = (namespaces: readonly string[]) => `namespaces=${encodeURIComponent(namespaces.join(","))}`;

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
  workloads: (namespaces: readonly string[]) =>
    queryOptions({
      queryKey: ["workloads", [...namespaces]],
      queryFn: ({ signal }) => getJson(`/api/workloads?${nsParam(namespaces)}`, workloadsResponse, signal),
      enabled: namespaces.length > 0,
    }),
  apps: (namespaces: readonly string[]) =>
    queryOptions({
      queryKey: ["apps", [...namespaces]],
      queryFn: ({ signal }) => getJson(`/api/apps?${nsParam(namespaces)}`, appsResponse, signal),
      enabled: namespaces.length > 0,
    }),
  services: (namespaces: readonly string[]) =>
    queryOptions({
      queryKey: ["services", [...namespaces]],
      queryFn: ({ signal }) => getJson(`/api/services?${nsParam(namespaces)}`, servicesResponse, signal),
      enabled: namespaces.length > 0,
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
