import { detailQuery } from "@/lib/inventory/params";
import { getAppDetail } from "@/server/services/inventory-detail";
import { objectRoute } from "@/server/services/inventory-http";

export const dynamic = "force-dynamic";

/** One application: its workloads, pods, services, Istio objects and peers (docs/api.md). */
export const GET = objectRoute("/api/apps/[ns]/[name]", detailQuery, (ns, name, q, deps) => getAppDetail(ns, name, q.window, deps));
