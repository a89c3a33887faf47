import { NextResponse } from "next/server";
import { z } from "zod";
import { searchParamsObject } from "@/lib/api/params";
import { validationError } from "@/server/http/errors";
import { route } from "@/server/http/route";
import { listTraceOperations } from "@/server/tracing/traces";

export const dynamic = "force-dynamic";

const query = z.object({ service: z.string({ error: "is required" }).trim().min(1, "is required").max(512) });

/** The operations of one service's spans, with their span kind when Jaeger reports it. */
export const GET = route("/api/traces/operations", async (req) => {
  const parsed = query.safeParse(searchParamsObject(req.nextUrl.searchParams));
  if (!parsed.success) return validationError(parsed.error);
  return NextResponse.json(await listTraceOperations(parsed.data.service));
});
