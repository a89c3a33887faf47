import { detailQuery } from "@/lib/inventory/params";
import { getWorkloadDetail } from "@/server/services/inventory-detail";
import { objectRoute } from "@/server/services/inventory-http";

export const dynamic = "force-dynamic";

/** One workload: health with ratios, pods and containers, services, Istio objects, peers (docs/api.md). */
export const GET = objectRoute("/api/workloads/[ns]/[name]", detailQuery, (ns, name, q, deps) => getWorkloadDetail(ns, name, q.window, deps));
