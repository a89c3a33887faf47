"use client";

import type { ServiceListResponse } from "@/lib/inventory/schemas";
import { queries } from "@/lib/queries";
import { SERVICE_COLUMNS } from "./columns";
import { InventoryList } from "./inventory-list";

const rows = (d: ServiceListResponse) => d.services;

/** Services of the selected namespaces, with health, the workloads behind them and Istio config. */
export function ServicesTable() {
  return (
    <InventoryList what="services" label="Services" query={queries.services} rows={rows} columns={SERVICE_COLUMNS} rowTestId="service-row" defaultSort={{ column: "namespace", descending: false }} />
  );
}
