import { NextResponse } from "next/server";
import { searchParamsObject } from "@/lib/api/params";
import { traceSearchParams } from "@/lib/tracing/search-params";
import { validationError } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { searchTraces } from "@/server/tracing/traces";

export const dynamic = "force-dynamic";

/**
 * Traces with a span of `service` (and `operation`, `tags=k=v,…`, `minDuration`/`maxDuration`) that
 * started in the last `window`, at most `limit`, newest first, as summaries. See docs/tracing-api.md.
 */
export const GET = route("/api/traces", async (req) => {
  const parsed = traceSearchParams.safeParse(searchParamsObject(req.nextUrl.searchParams));
  if (!parsed.success) return validationError(parsed.error);
  return NextResponse.json(await searchTraces(parsed.data));
});
