"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import { queries } from "@/lib/queries";
import { withViewState } from "@/lib/url-state";
import { QueryState } from "@/components/ui/query-state";
import { useRefetchInterval, useViewState } from "@/components/layout/use-view-state";

/** A card per namespace with its workload counts; a card opens that namespace's workloads. */
export function NamespaceCards() {
  const [view] = useViewState();
  const refetchInterval = useRefetchInterval();
  const nsQuery = useQuery({ ...queries.namespaces(), refetchInterval });
  const names = useMemo(() => (nsQuery.data?.namespaces ?? []).map((n) => n.name), [nsQuery.data]);
  const wlQuery = useQuery({ ...queries.workloads(names), refetchInterval });

  const counts = useMemo(() => {
    const m = new Map<string, { total: number; ready: number; sidecars: number }>();
    for (const w of wlQuery.data?.workloads ?? []) {
      const c = m.get(w.namespace) ?? { total: 0, ready: 0, sidecars: 0 };
      c.total++;
      if (w.desiredReplicas > 0 && w.availableReplicas >= w.desiredReplicas) c.ready++;
      if (w.sidecar === "present") c.sidecars++;
      m.set(w.namespace, c);
    }
    return m;
  }, [wlQuery.data]);

  return (
    <QueryState isPending={nsQuery.isPending} error={nsQuery.error} empty={names.length === 0} emptyText="No namespaces visible.">
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {nsQuery.data?.namespaces.map((ns) => {
          const c = counts.get(ns.name);
          const href = `/workloads?${withViewState(new URLSearchParams(), { ...view, namespaces: [ns.name] })}`;
          return (
            <li key={ns.name}>
              <Link href={href} data-testid={`namespace-card-${ns.name}`} className="block rounded border border-slate-200 bg-white p-4 hover:border-slate-400">
                <div className="flex items-center justify-between">
                  <span className="font-medium">{ns.name}</span>
                  <span className={`rounded px-1.5 py-0.5 text-xs ${ns.injection ? "bg-sky-100 text-sky-800" : "bg-slate-100 text-slate-600"}`}>
                    {ns.injection ? "sidecar injection" : "no injection"}
                  </span>
                </div>
                <p className="mt-2 text-sm text-slate-600">
                  {wlQuery.error ? "workloads unavailable" : c ? `${c.total} workloads · ${c.ready} ready · ${c.sidecars} with sidecar` : wlQuery.isPending ? "…" : "0 workloads"}
                </p>
              </Link>
            </li>
          );
        })}
      </ul>
    </QueryState>
  );
}
