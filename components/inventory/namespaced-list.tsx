"use client";

import { useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { QueryState } from "@/components/ui/query-state";
import { useRefetchInterval, useViewState } from "@/components/layout/use-view-state";

/**
 * A list over the selected namespaces: asks to pick one when none is, fetches with the page's refresh
 * interval, and filters rows with a text box.
 */
export function NamespacedList<TData, TRow, TKey extends QueryKey>({
  what,
  query,
  rows,
  matches,
  placeholder,
  children,
}: {
  /** Plural noun for messages: "workloads". */
  what: string;
  query: (namespaces: readonly string[]) => UseQueryOptions<TData, Error, TData, TKey>;
  rows: (data: TData) => TRow[];
  matches: (row: TRow, filter: string) => boolean;
  placeholder: string;
  children: (rows: TRow[]) => ReactNode;
}) {
  const [view] = useViewState();
  const [filter, setFilter] = useState("");
  const refetchInterval = useRefetchInterval();
  const { data, error, isPending } = useQuery({ ...query(view.namespaces), refetchInterval });

  if (view.namespaces.length === 0) {
    return <p className="text-sm text-slate-500">Select one or more namespaces above to see their {what}.</p>;
  }
  const f = filter.trim().toLowerCase();
  const shown = data ? rows(data).filter((r) => !f || matches(r, f)) : [];
  return (
    <div className="space-y-3">
      <input
        aria-label={`Filter ${what}`}
        placeholder={placeholder}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        className="w-80 rounded border border-slate-300 px-2 py-1 text-sm"
      />
      <QueryState isPending={isPending} error={error} empty={shown.length === 0} emptyText={`No ${what} match.`}>
        {children(shown)}
      </QueryState>
    </div>
  );
}

/** True when `filter` is part of the name or of one `key=value` label. */
export function nameOrLabelMatches(name: string, labels: Record<string, string>, filter: string): boolean {
  return name.includes(filter) || Object.entries(labels).some(([k, v]) => `${k}=${v}`.includes(filter));
}
