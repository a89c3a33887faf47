"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import { editorHref, type IstioKey } from "@/lib/istio-config/kinds";
import { arrangeItems, type SortColumn } from "@/lib/istio-config/list-view";
import { istioConfigQueries } from "@/lib/istio-config/queries";
import type { IstioConfigItem } from "@/lib/istio-config/schemas";
import { QueryState } from "@/components/ui/query-state";
import { useRefetchInterval, useViewQuery, useViewState } from "@/components/layout/use-view-state";
import { useLiveUpdates } from "@/components/inventory/use-live-updates";
import { VirtualTable, type VColumn } from "@/components/inventory/virtual-table";
import { CreateMenu } from "./create-menu";
import { FindingsBadge } from "./findings-badge";
import { ListFilters } from "./list-filters";
import { useListView } from "./use-list-view";

/**
 * The Istio config list: every Istio object of the selected namespaces with its findings, filtered
 * by kind, worst severity and name, sorted, virtualized; filters live in the URL. Each row opens the
 * object's editor; Create starts from a template.
 */
export function IstioConfigList() {
  const [view] = useViewState();
  const viewQuery = useViewQuery();
  const refetchInterval = useRefetchInterval();
  useLiveUpdates(view.namespaces);
  const [state, setState] = useListView();
  const { data, error, isPending } = useQuery({ ...istioConfigQueries.list(view.namespaces), refetchInterval });

  const all = useMemo(() => data?.objects ?? [], [data]);
  const shown = useMemo(() => arrangeItems(all, state), [all, state]);
  const kindsPresent = useMemo(() => new Set<IstioKey>(all.map((o) => o.key)), [all]);
  const columns = useMemo(() => listColumns(viewQuery), [viewQuery]);

  if (view.namespaces.length === 0) {
    return <p className="text-sm text-slate-500">Select one or more namespaces above to see their Istio objects.</p>;
  }
  return (
    <div className="space-y-3">
      <div className="flex items-start gap-3">
        <div className="flex-1">
          <ListFilters state={state} onChange={setState} kindsPresent={kindsPresent} shown={shown.length} total={all.length} />
        </div>
        {!data?.readOnly && <CreateMenu namespace={view.namespaces[0] ?? "default"} />}
      </div>
      {data && data.notInstalled.length > 0 && <p className="text-xs text-slate-500">Not served by this cluster: {data.notInstalled.join(", ")}.</p>}
      {data?.validation.scope === "partial" && <p className="rounded border border-amber-200 bg-amber-50 p-2 text-xs text-amber-900">Findings are partial. {data.validation.note}</p>}
      <QueryState isPending={isPending} error={error} empty={shown.length === 0} emptyText={all.length === 0 ? "No Istio objects in the selected namespaces." : "No Istio objects match."}>
        <VirtualTable
          label="Istio objects"
          columns={columns}
          rows={shown}
          rowKey={(o) => `${o.key}/${o.namespace}/${o.name}`}
          rowTestId="istio-row"
          sort={{ column: state.sort, descending: state.descending }}
          onSortChange={(s) => setState({ sort: s.column as SortColumn, descending: s.descending })}
        />
      </QueryState>
    </div>
  );
}

// Sorting is done by `arrangeItems` (the URL's state); `compare` only marks the columns sortable.
const sortable = () => 0;

function listColumns(viewQuery: string): VColumn<IstioConfigItem>[] {
  return [
    { id: "kind", header: "Kind", width: "minmax(9rem, 1fr)", compare: sortable, cell: (o) => <span className="text-xs font-semibold text-violet-800">{o.kind}</span> },
    {
      id: "name",
      header: "Name",
      width: "minmax(12rem, 2fr)",
      compare: sortable,
      cell: (o) => (
        <Link href={`${editorHref(o)}${viewQuery}`} className="font-medium text-blue-800 hover:underline">
          {o.name}
        </Link>
      ),
    },
    { id: "namespace", header: "Namespace", width: "minmax(8rem, 1fr)", compare: sortable, cell: (o) => o.namespace },
    { id: "findings", header: "Findings", width: "minmax(14rem, 2fr)", compare: sortable, cell: (o) => <FindingsBadge findings={o.findings} /> },
  ];
}
