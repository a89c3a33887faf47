import { NextResponse } from "next/server";
import { route } from "@/server/http/route";
import { resolveIdentity } from "@/server/kube/identity";
import { listNamespaces } from "@/server/services/inventory";

export const dynamic = "force-dynamic";

/** The namespaces the caller may see. */
export const GET = route("/api/namespaces", async (req) => NextResponse.json(await listNamespaces(resolveIdentity(req.headers))));
