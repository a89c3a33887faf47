import { NextResponse } from "next/server";
import { z } from "zod";
import { namespacesParam, searchParamsObject } from "@/lib/api/params";
import { validationError } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { resolveIdentity } from "@/server/kube/identity";
import { listWorkloads } from "@/server/services/inventory";

export const dynamic = "force-dynamic";

const query = z.object({ namespaces: namespacesParam });

/** Workloads in `namespaces` (comma-separated), with replicas, pods ready and sidecar presence. */
export const GET = route("/api/workloads", async (req) => {
  const parsed = query.safeParse(searchParamsObject(req.nextUrl.searchParams));
  if (!parsed.success) return validationError(parsed.error);
  return NextResponse.json(await listWorkloads(resolveIdentity(req.headers), parsed.data.namespaces));
});
