import { overviewQuery } from "@/lib/inventory/params";
import { rangeQuery } from "@/server/prometheus/query";
import { inventoryRoute } from "@/server/services/inventory-http";
import { getOverview } from "@/server/services/overview";

export const dynamic = "force-dynamic";

/** Per namespace: counts, health summaries, mTLS mode and an inbound request-rate sparkline (docs/api.md). */
export const GET = inventoryRoute("/api/overview", overviewQuery, (q, deps) => getOverview(q, { ...deps, range: rangeQuery }));
