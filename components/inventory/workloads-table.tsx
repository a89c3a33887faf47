"use client";

import type { WorkloadListResponse } from "@/lib/inventory/schemas";
import { queries } from "@/lib/queries";
import { WORKLOAD_COLUMNS } from "./columns";
import { InventoryList } from "./inventory-list";

const rows = (d: WorkloadListResponse) => d.workloads;

/** The workloads of the selected namespaces, with health, pods, sidecars and Istio config. */
export function WorkloadsTable() {
  return (
    <InventoryList what="workloads" label="Workloads" query={queries.workloads} rows={rows} columns={WORKLOAD_COLUMNS} rowTestId="workload-row" defaultSort={{ column: "namespace", descending: false }} />
  );
}
