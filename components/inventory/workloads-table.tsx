"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { WorkloadSummary } from "@/lib/api/schemas";
import { queries } from "@/lib/queries";
import { StatusDot } from "@/components/ui/status-dot";
import { QueryState } from "@/components/ui/query-state";
import { useRefetchInterval, useViewState } from "@/components/layout/use-view-state";

function replicaTone(w: WorkloadSummary): "ok" | "warn" | "error" | "idle" {
  if (w.desiredReplicas === 0) return "idle";
  if (w.availableReplicas === 0) return "error";
  return w.availableReplicas < w.desiredReplicas ? "warn" : "ok";
}

/** The workloads of the selected namespaces, filterable by name or label. */
export function WorkloadsTable() {
  const [view] = useViewState();
  const [filter, setFilter] = useState("");
  const { data, error, isPending } = useQuery({ ...queries.workloads(view.namespaces), refetchInterval: useRefetchInterval() });

  if (view.namespaces.length === 0) {
    return <p className="text-sm text-slate-500">Select one or more namespaces above to see their workloads.</p>;
  }
  const f = filter.trim().toLowerCase();
  const rows = (data?.workloads ?? []).filter(
    (w) => !f || w.name.includes(f) || Object.entries(w.labels).some(([k, v]) => `${k}=${v}`.includes(f)),
  );

  return (
    <div className="space-y-3">
      <input
        aria-label="Filter workloads"
        placeholder="Filter by name or label (app=reviews)…"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        className="w-80 rounded border border-slate-300 px-2 py-1 text-sm"
      />
      <QueryState isPending={isPending} error={error} empty={rows.length === 0} emptyText="No workloads match.">
        <table className="w-full border-collapse rounded bg-white text-sm" aria-label="Workloads">
          <thead className="border-b border-slate-200 text-left text-slate-500">
            <tr>
              <th className="p-2">Name</th>
              <th className="p-2">Namespace</th>
              <th className="p-2">App</th>
              <th className="p-2">Version</th>
              <th className="p-2">Pods ready</th>
              <th className="p-2">Sidecar</th>
              <th className="p-2">Labels</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <tr key={`${w.namespace}/${w.name}`} className="border-b border-slate-100" data-testid="workload-row">
                <td className="p-2 font-medium">
                  <span className="inline-flex items-center gap-2">
                    <StatusDot tone={replicaTone(w)} label={`${w.availableReplicas}/${w.desiredReplicas} available`} />
                    {w.name}
                  </span>
                </td>
                <td className="p-2">{w.namespace}</td>
                <td className="p-2">{w.app ?? "—"}</td>
                <td className="p-2">{w.version ?? "—"}</td>
                <td className="p-2">
                  {w.podsReady}/{w.desiredReplicas}
                </td>
                <td className="p-2">{w.sidecar === "present" ? "yes" : w.sidecar === "partial" ? "some pods" : <span className="text-amber-700">missing</span>}</td>
                <td className="p-2 text-xs text-slate-500">
                  {Object.entries(w.labels)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
    </div>
  );
}
