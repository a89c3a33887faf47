import { NextResponse } from "next/server";
import { validateRequest } from "@/lib/istio-config/schemas";
import { route } from "@/server/http/route";
import { resolveIdentity } from "@/server/kube/identity";
import { istioConfigDeps, validateDraft } from "@/server/services/istio-config";
import { parseWith, readJson } from "@/server/services/istio-config-http";

export const dynamic = "force-dynamic";

/**
 * Findings of an object as the editor holds it, judged as if it were applied. Writes nothing, so it
 * is not a mutation (it works on a read-only console); it takes JSON only (docs/api-istio-config.md).
 */
export const POST = route("/api/istio-config/validate", async (req) => {
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const parsed = parseWith(validateRequest, body.data);
  if (!parsed.ok) return parsed.response;
  return NextResponse.json(await validateDraft(istioConfigDeps(resolveIdentity(req.headers)), parsed.data));
});
