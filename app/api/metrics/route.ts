import { NextResponse } from "next/server";
import { metricsQueryParams } from "@/lib/metrics/detail-queries";
import { route } from "@/server/http/route";
import { resolveIdentity } from "@/server/kube/identity";
import { parseQuery } from "@/server/services/inventory-http";
import { getMetrics, metricsDeps } from "@/server/services/metrics";

export const dynamic = "force-dynamic";

/**
 * Inbound and outbound metrics of an app, workload or service over a window (request volume, success
 * ratio, latency avg/p50/p95/p99, sizes, TCP bytes), split by peer or response code (docs/api.md).
 */
export const GET = route("/api/metrics", async (req) => {
  const q = parseQuery(metricsQueryParams, req);
  if (!q.ok) return q.response;
  return NextResponse.json(await getMetrics(q.data, metricsDeps(resolveIdentity(req.headers))));
});
