import { detailQuery } from "@/lib/inventory/params";
import { getServiceDetail } from "@/server/services/inventory-detail";
import { objectRoute } from "@/server/services/inventory-http";

export const dynamic = "force-dynamic";

/** One service: ports, selector, workloads and pods behind it, Istio objects naming it, callers (docs/api.md). */
export const GET = objectRoute("/api/services/[ns]/[name]", detailQuery, (ns, name, q, deps) => getServiceDetail(ns, name, q.window, deps));
