"use client";

import type { AppSummary } from "@/lib/api/schemas";
import { queries } from "@/lib/queries";
import { DataTable, type Column } from "@/components/ui/data-table";
import { NamespacedList } from "./namespaced-list";

const columns: Column<AppSummary>[] = [
  { header: "Name", className: "font-medium", cell: (a) => a.name },
  { header: "Namespace", cell: (a) => a.namespace },
  { header: "Versions", cell: (a) => a.versions.join(", ") || "—" },
  { header: "Workloads", cell: (a) => a.workloads.join(", ") },
  { header: "Replicas available", cell: (a) => `${a.availableReplicas}/${a.desiredReplicas}` },
  { header: "Sidecar", cell: (a) => (a.sidecar === "present" ? "yes" : a.sidecar === "partial" ? "some workloads" : "missing") },
];

/** Applications of the selected namespaces. */
export function AppsTable() {
  return (
    <NamespacedList what="applications" query={queries.apps} rows={(d) => d.apps} matches={(a, f) => a.name.includes(f)} placeholder="Filter by name…">
      {(rows) => <DataTable label="Applications" columns={columns} rows={rows} rowKey={(a) => `${a.namespace}/${a.name}`} rowTestId="app-row" />}
    </NamespacedList>
  );
}
