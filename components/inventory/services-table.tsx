"use client";

import type { ServiceSummary } from "@/lib/api/schemas";
import { queries } from "@/lib/queries";
import { DataTable, Labels, type Column } from "@/components/ui/data-table";
import { NamespacedList, nameOrLabelMatches } from "./namespaced-list";

const columns: Column<ServiceSummary>[] = [
  { header: "Name", className: "font-medium", cell: (s) => s.name },
  { header: "Namespace", cell: (s) => s.namespace },
  { header: "Type", cell: (s) => s.type },
  { header: "Ports", cell: (s) => s.ports.map((p) => `${p.name ? `${p.name} ` : ""}${p.port}/${p.protocol}`).join(", ") },
  { header: "Workloads", cell: (s) => s.workloads.join(", ") || <span className="text-amber-700">none selected</span> },
  { header: "Selector", cell: (s) => <Labels labels={s.selector} /> },
];

/** Services of the selected namespaces. */
export function ServicesTable() {
  return (
    <NamespacedList
      what="services"
      query={queries.services}
      rows={(d) => d.services}
      matches={(s, f) => nameOrLabelMatches(s.name, s.labels, f)}
      placeholder="Filter by name or label…"
    >
      {(rows) => <DataTable label="Services" columns={columns} rows={rows} rowKey={(s) => `${s.namespace}/${s.name}`} rowTestId="service-row" />}
    </NamespacedList>
  );
}
