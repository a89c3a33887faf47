import { NextResponse } from "next/server";
import { deleteQuery, objectPath, writeQuery } from "@/lib/istio-config/params";
import { mutationRoute } from "@/server/http/mutation";
import { route } from "@/server/http/route";
import { resolveIdentity } from "@/server/kube/identity";
import { getIstioObject, istioConfigDeps } from "@/server/services/istio-config";
import { answerWrite, parseSearch, parseWith, parseWriteBody } from "@/server/services/istio-config-http";
import { deleteIstioObject, replaceIstioObject } from "@/server/services/istio-config-writes";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ namespace: string; kind: string; name: string }> };

async function refOf(ctx: Ctx) {
  const p = parseWith(objectPath, await ctx.params);
  return p.ok ? { ok: true as const, ref: { key: p.data.kind, namespace: p.data.namespace, name: p.data.name } } : p;
}

/** The object as JSON and YAML, with its findings (docs/api-istio-config.md). */
export const GET = route("/api/istio-config/[namespace]/[kind]/[name]", async (req, ctx: Ctx) => {
  const r = await refOf(ctx);
  if (!r.ok) return r.response;
  const identity = resolveIdentity(req.headers);
  return NextResponse.json(await getIstioObject(identity, istioConfigDeps(identity), r.ref));
});

/** Replaces the object at the body's `metadata.resourceVersion` (409 when stale); `?dryRun=true`. */
export const PUT = mutationRoute("/api/istio-config/[namespace]/[kind]/[name]", async (req, ctx: Ctx, identity) => {
  const r = await refOf(ctx);
  if (!r.ok) return r.response;
  const q = parseSearch(writeQuery, req);
  if (!q.ok) return q.response;
  const body = await parseWriteBody(req);
  if (!body.ok) return body.response;
  return answerWrite(() => replaceIstioObject(identity, istioConfigDeps(identity), r.ref, body.data, q.data.dryRun));
});

/** Deletes the object; `?resourceVersion=` only if it is still that version (409 otherwise); `?dryRun=true`. */
export const DELETE = mutationRoute("/api/istio-config/[namespace]/[kind]/[name]", async (req, ctx: Ctx, identity) => {
  const r = await refOf(ctx);
  if (!r.ok) return r.response;
  const q = parseSearch(deleteQuery, req);
  if (!q.ok) return q.response;
  return NextResponse.json(await deleteIstioObject(identity, r.ref, q.data));
});
