"use client";

import type { WorkloadSummary } from "@/lib/api/schemas";
import { queries } from "@/lib/queries";
import { DataTable, Labels, type Column } from "@/components/ui/data-table";
import { StatusDot } from "@/components/ui/status-dot";
import { NamespacedList, nameOrLabelMatches } from "./namespaced-list";

function replicaTone(w: WorkloadSummary): "ok" | "warn" | "error" | "idle" {
  if (w.desiredReplicas === 0) return "idle";
  if (w.availableReplicas === 0) return "error";
  return w.availableReplicas < w.desiredReplicas ? "warn" : "ok";
}

const columns: Column<WorkloadSummary>[] = [
  {
    header: "Name",
    className: "font-medium",
    cell: (w) => (
      <span className="inline-flex items-center gap-2">
        <StatusDot tone={replicaTone(w)} label={`${w.availableReplicas}/${w.desiredReplicas} available`} />
        {w.name}
      </span>
    ),
  },
  { header: "Namespace", cell: (w) => w.namespace },
  { header: "App", cell: (w) => w.app ?? "—" },
  { header: "Version", cell: (w) => w.version ?? "—" },
  { header: "Pods ready", cell: (w) => `${w.podsReady}/${w.desiredReplicas}` },
  {
    header: "Sidecar",
    cell: (w) => (w.sidecar === "present" ? "yes" : w.sidecar === "partial" ? "some pods" : <span className="text-amber-700">missing</span>),
  },
  { header: "Labels", cell: (w) => <Labels labels={w.labels} /> },
];

/** The workloads of the selected namespaces. */
export function WorkloadsTable() {
  return (
    <NamespacedList
      what="workloads"
      query={queries.workloads}
      rows={(d) => d.workloads}
      matches={(w, f) => nameOrLabelMatches(w.name, w.labels, f)}
      placeholder="Filter by name or label (app=reviews)…"
    >
      {(rows) => <DataTable label="Workloads" columns={columns} rows={rows} rowKey={(w) => `${w.namespace}/${w.name}`} rowTestId="workload-row" />}
    </NamespacedList>
  );
}
