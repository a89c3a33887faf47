import { queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/api-client";
import { appsResponse, istioConfigResponse, namespacesResponse, readyzResponse, servicesResponse, workloadsResponse } from "@/lib/api/schemas";

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
};
