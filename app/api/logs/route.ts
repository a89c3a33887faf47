import { NextResponse } from "next/server";
import { logsQuery } from "@/lib/inventory/logs";
import { route } from "@/server/http/route";
import { kubeFor } from "@/server/kube/gateway";
import { resolveIdentity } from "@/server/kube/identity";
import { parseQuery } from "@/server/services/inventory-http";
import { followLogs, readLogs } from "@/server/services/logs";

export const dynamic = "force-dynamic";

/**
 * A container's log through the Kubernetes API, with the caller's identity: JSON `{lines}` or, with
 * `follow=true`, a stream of server-sent events (docs/api.md).
 */
export const GET = route("/api/logs", async (req) => {
  const q = parseQuery(logsQuery, req);
  if (!q.ok) return q.response;
  const kube = kubeFor(resolveIdentity(req.headers));
  if (!q.data.follow) return NextResponse.json(await readLogs(q.data, kube));
  const body = await followLogs(q.data, kube, req.signal);
  return new Response(body, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
});
