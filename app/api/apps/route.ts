import { listQuery } from "@/lib/inventory/params";
import { listApps } from "@/server/services/inventory";
import { inventoryRoute } from "@/server/services/inventory-http";

export const dynamic = "force-dynamic";

/** Applications (workloads grouped by `app` label) in `namespaces`, with health (docs/api.md). */
export const GET = inventoryRoute("/api/apps", listQuery, (q, deps) => listApps(q.namespaces, q.window, deps));
