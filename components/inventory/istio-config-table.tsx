"use client";

import type { IstioObjectSummary } from "@/lib/api/schemas";
import { queries } from "@/lib/queries";
import { DataTable, type Column } from "@/components/ui/data-table";
import { NamespacedList } from "./namespaced-list";

const columns: Column<IstioObjectSummary>[] = [
  { header: "Name", className: "font-medium", cell: (o) => o.name },
  { header: "Kind", cell: (o) => o.kind },
  { header: "Namespace", cell: (o) => o.namespace },
  { header: "API version", cell: (o) => o.apiVersion },
  { header: "Created", cell: (o) => (o.created ? new Date(o.created).toLocaleString() : "—") },
];

/** Istio objects of every kind in the selected namespaces. */
export function IstioConfigTable() {
  return (
    <NamespacedList
      what="Istio objects"
      query={queries.istioConfig}
      rows={(d) => d.objects}
      matches={(o, f) => o.name.includes(f) || o.kind.toLowerCase().includes(f)}
      placeholder="Filter by name or kind…"
    >
      {(rows) => <DataTable label="Istio objects" columns={columns} rows={rows} rowKey={(o) => `${o.kind}/${o.namespace}/${o.name}`} rowTestId="istio-row" />}
    </NamespacedList>
  );
}
