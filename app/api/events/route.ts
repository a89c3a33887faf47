import { z } from "zod";
import { namespacesParam } from "@/lib/api/params";
import { route } from "@/server/http/route";
import { kubeCache } from "@/server/kube/cache";
import { resolveIdentity } from "@/server/kube/identity";
import { kubeReader } from "@/server/kube/reader";
import { changeEventStream } from "@/server/services/events";
import { parseQuery } from "@/server/services/inventory-http";

export const dynamic = "force-dynamic";

const query = z.object({ namespaces: namespacesParam.optional() });

/**
 * Server-sent events of cluster changes in `namespaces` (all when absent), from the watch-fed cache, so
 * that open pages refetch within a second of a change (docs/api.md). A caller with their own token must
 * be able to list deployments there: the stream names objects.
 */
export const GET = route("/api/events", async (req) => {
  const q = parseQuery(query, req);
  if (!q.ok) return q.response;
  const identity = resolveIdentity(req.headers);
  if (identity.kind === "user") {
    const reader = kubeReader(identity);
    await (q.data.namespaces ? reader.list("deployments", q.data.namespaces) : reader.list("namespaces"));
  }
  const cache = kubeCache();
  await cache.waitForSync(5_000);
  return new Response(changeEventStream(cache, req.signal, { namespaces: q.data.namespaces }), {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
});
