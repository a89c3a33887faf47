"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useRefetchInterval, useViewQuery, useViewState } from "@/components/layout/use-view-state";
import { QueryState } from "@/components/ui/query-state";
import { queries } from "@/lib/queries";
import type { TraceSearchForm } from "@/lib/tracing/search-params";
import { ScatterPlot } from "./scatter-plot";
import { TraceTable } from "./trace-table";

/**
 * The traces a search finds over the shell's window, refreshed with the shell's interval: a scatter
 * plot and a list, with a link to compare two of them.
 */
export function TraceResults({ search }: { search: Partial<TraceSearchForm> }) {
  const [view] = useViewState();
  const viewQuery = useViewQuery();
  const router = useRouter();
  const refetchInterval = useRefetchInterval();
  const [selected, setSelected] = useState<string[]>([]);
  const { data, error, isPending } = useQuery({ ...queries.traceSearch(search, view.window), refetchInterval });
  // The trace view keeps the page's query, so that its way back returns to this very search.
  const pageQuery = useSearchParams().toString();
  const hrefFor = (id: string) => `/traces/${id}${pageQuery ? `?${pageQuery}` : ""}`;
  const handleToggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id].slice(-2)));
  const traces = data?.traces ?? [];
  const compareQuery = new URLSearchParams(viewQuery.slice(1));
  compareQuery.set("a", selected[0] ?? "");
  compareQuery.set("b", selected[1] ?? "");

  return (
    <QueryState isPending={isPending} error={error} empty={traces.length === 0} emptyText={`No traces of ${search.service} in the last ${view.window}.`}>
      <div className="space-y-3">
        <div className="flex items-center gap-3 text-sm text-slate-600">
          <span>
            {traces.length} trace{traces.length === 1 ? "" : "s"} in the last {view.window}
            {data ? ` (Jaeger ${data.api} API)` : ""}
          </span>
          {selected.length === 2 ? (
            <Link href={`/traces/compare?${compareQuery.toString()}`} className="ml-auto rounded bg-slate-800 px-3 py-1 text-white hover:bg-slate-700">
              Compare the two selected traces
            </Link>
          ) : (
            <span className="ml-auto text-xs text-slate-500">Tick two traces to compare them.</span>
          )}
        </div>
        <ScatterPlot traces={traces} onOpen={(id) => router.push(hrefFor(id))} />
        <TraceTable traces={traces} hrefFor={hrefFor} selected={selected} onToggle={handleToggle} />
      </div>
    </QueryState>
  );
}
