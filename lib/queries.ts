import { queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/api-client";
import { namespacesResponse, readyzResponse, workloadsResponse } from "@/lib/api/schemas";

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
      queryFn: ({ signal }) =>
        getJson(`/api/workloads?namespaces=${encodeURIComponent(namespaces.join(","))}`, workloadsResponse, signal),
      enabled: namespaces.length > 0,
    }),
};
