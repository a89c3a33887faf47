import { listQuery } from "@/lib/inventory/params";
import { listWorkloads } from "@/server/services/inventory";
import { inventoryRoute } from "@/server/services/inventory-http";

export const dynamic = "force-dynamic";

/** Workloads in `namespaces` with health, pods ready, sidecars, services and Istio objects (docs/api.md). */
export const GET = inventoryRoute("/api/workloads", listQuery, (q, deps) => listWorkloads(q.namespaces, q.window, deps));
