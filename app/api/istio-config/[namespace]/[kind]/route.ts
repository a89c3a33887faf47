import { kindPath, writeQuery } from "@/lib/istio-config/params";
import { mutationRoute } from "@/server/http/mutation";
import { istioConfigDeps } from "@/server/services/istio-config";
import { answerWrite, parseSearch, parseWith, parseWriteBody } from "@/server/services/istio-config-http";
import { createIstioObject } from "@/server/services/istio-config-writes";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ namespace: string; kind: string }> };

/** Creates an object of the kind in the namespace from `{yaml}` or `{object}`; `?dryRun=true` (docs/api-istio-config.md). */
export const POST = mutationRoute("/api/istio-config/[namespace]/[kind]", async (req, ctx: Ctx, identity) => {
  const path = parseWith(kindPath, await ctx.params);
  if (!path.ok) return path.response;
  const q = parseSearch(writeQuery, req);
  if (!q.ok) return q.response;
  const body = await parseWriteBody(req);
  if (!body.ok) return body.response;
  const target = { key: path.data.kind, namespace: path.data.namespace };
  return answerWrite(() => createIstioObject(identity, istioConfigDeps(identity), target, body.data, q.data.dryRun), q.data.dryRun ? 200 : 201);
});
