import { listQuery } from "@/lib/inventory/params";
import { listServices } from "@/server/services/inventory";
import { inventoryRoute } from "@/server/services/inventory-http";

export const dynamic = "force-dynamic";

/** Services in `namespaces` with health, the workloads they select and the Istio objects naming them (docs/api.md). */
export const GET = inventoryRoute("/api/services", listQuery, (q, deps) => listServices(q.namespaces, q.window, deps));
