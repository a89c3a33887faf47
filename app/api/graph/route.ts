import { NextResponse } from "next/server";
import { searchParamsObject } from "@/lib/api/params";
import { graphQueryParams } from "@/lib/graph/options";
import { validationError } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { resolveIdentity } from "@/server/kube/identity";
import { getGraph } from "@/server/services/graph";

export const dynamic = "force-dynamic";

/**
 * The service graph of `namespaces` (comma-separated): nodes, edges with rates, response codes, error
 * ratios, latency percentiles and mTLS share, and the cost of the Prometheus queries behind it. See
 * docs/graph-api.md for the options and the counting rule.
 */
export const GET = route("/api/graph", async (req) => {
  const parsed = graphQueryParams.safeParse(searchParamsObject(req.nextUrl.searchParams));
  if (!parsed.success) return validationError(parsed.error);
  return NextResponse.json(await getGraph(resolveIdentity(req.headers), parsed.data));
});
