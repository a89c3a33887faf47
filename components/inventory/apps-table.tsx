"use client";

import type { AppListResponse } from "@/lib/inventory/schemas";
import { queries } from "@/lib/queries";
import { APP_COLUMNS } from "./columns";
import { InventoryList } from "./inventory-list";

const rows = (d: AppListResponse) => d.apps;

/** Applications (workloads grouped by `app` label) of the selected namespaces, with health. */
export function AppsTable() {
  return (
    <InventoryList what="applications" label="Applications" query={queries.apps} rows={rows} columns={APP_COLUMNS} rowTestId="app-row" defaultSort={{ column: "namespace", descending: false }} />
  );
}
