import { NextResponse } from "next/server";
import { validationsQuery } from "@/lib/istio-config/params";
import { route } from "@/server/http/route";
import { resolveIdentity } from "@/server/kube/identity";
import { istioConfigDeps, namespaceValidations } from "@/server/services/istio-config";
import { parseSearch } from "@/server/services/istio-config-http";

export const dynamic = "force-dynamic";

/** Findings counts (errors, warnings, infos) of each namespace's Istio objects, for the overview (docs/api-istio-config.md). */
export const GET = route("/api/istio-config/validations", async (req) => {
  const q = parseSearch(validationsQuery, req);
  if (!q.ok) return q.response;
  return NextResponse.json(await namespaceValidations(istioConfigDeps(resolveIdentity(req.headers)), q.data.namespaces));
});
