import { NextResponse } from "next/server";
import { z } from "zod";
import { traceIdParam } from "@/lib/tracing/ids";
import { validationError } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { TraceNotFoundError } from "@/server/tracing/errors";
import { getTrace } from "@/server/tracing/traces";

export const dynamic = "force-dynamic";

const params = z.object({ id: traceIdParam });

/** One trace, whole: every span with tags, logs, process and warnings. 404 when Jaeger does not know it. */
export const GET = route("/api/traces/[id]", async (_req, ctx: { params: Promise<{ id: string }> }) => {
  const parsed = params.safeParse(await ctx.params);
  if (!parsed.success) return validationError(parsed.error);
  try {
    return NextResponse.json(await getTrace(parsed.data.id));
  } catch (err) {
    if (err instanceof TraceNotFoundError) return NextResponse.json({ error: err.message, upstream: "jaeger" }, { status: 404 });
    throw err;
  }
});
