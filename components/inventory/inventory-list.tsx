"use client";

import { useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { SourceError } from "@/lib/api/schemas";
import type { HealthStatus } from "@/lib/health/status";
import { rowFilter, type Filterable } from "@/lib/inventory/filter";
import type { TimeWindow } from "@/lib/url-state";
import { QueryState } from "@/components/ui/query-state";
import { useRefetchInterval, useViewQuery, useViewState } from "@/components/layout/use-view-state";
import { ViewQueryContext } from "./detail-link";
import { ListToolbar } from "./list-toolbar";
import { SourceErrors } from "./source-errors";
import { useLiveUpdates } from "./use-live-updates";
import { sortRows, VirtualTable, type SortState, type VColumn } from "./virtual-table";

const rowKey = (r: { namespace: string; name: string }) => `${r.namespace}/${r.name}`;

/**
 * A list of the selected namespaces' workloads, apps or services: fetched with the page's window and
 * refresh interval, refetched when the cluster changes, filtered by name, label and health, sorted by
 * any sortable column, and virtualized.
 */
export function InventoryList<TData extends { errors?: SourceError[] }, TRow extends Filterable & { namespace: string }, TKey extends QueryKey>({
  what,
  label,
  query,
  rows,
  columns,
  rowTestId,
  defaultSort,
}: {
  /** Plural noun for messages: "workloads". */
  what: string;
  label: string;
  query: (namespaces: readonly string[], window: TimeWindow) => UseQueryOptions<TData, Error, TData, TKey>;
  rows: (data: TData) => TRow[];
  columns: VColumn<TRow>[];
  rowTestId: string;
  defaultSort: SortState;
}) {
  const [view] = useViewState();
  const viewQuery = useViewQuery();
  const refetchInterval = useRefetchInterval();
  const live = useLiveUpdates(view.namespaces);
  const [text, setText] = useState("");
  const [health, setHealth] = useState<HealthStatus | "">("");
  const [sort, setSort] = useState<SortState>(defaultSort);
  const { data, error, isPending } = useQuery({ ...query(view.namespaces, view.window), refetchInterval });

  const all = useMemo(() => (data ? rows(data) : []), [data, rows]);
  const shown = useMemo(() => {
    const keep = rowFilter({ text, health: health ? [health] : [] });
    return sortRows(all.filter(keep), columns, sort);
  }, [all, text, health, sort, columns]);

  if (view.namespaces.length === 0) {
    return <p className="text-sm text-slate-500">Select one or more namespaces above to see their {what}.</p>;
  }
  return (
    <div className="space-y-3">
      <ListToolbar what={what} text={text} onTextChange={setText} health={health} onHealthChange={setHealth} shown={shown.length} total={all.length} live={live} />
      <SourceErrors errors={data?.errors} />
      <QueryState isPending={isPending} error={error} empty={shown.length === 0} emptyText={all.length === 0 ? `No ${what} in the selected namespaces.` : `No ${what} match.`}>
        <ViewQueryContext.Provider value={viewQuery}>
          <VirtualTable label={label} columns={columns} rows={shown} rowKey={rowKey} rowTestId={rowTestId} sort={sort} onSortChange={setSort} />
        </ViewQueryContext.Provider>
      </QueryState>
    </div>
  );
}
