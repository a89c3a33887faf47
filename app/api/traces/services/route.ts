import { NextResponse } from "next/server";
import { route } from "@/server/http/route";
import { listTraceServices } from "@/server/tracing/traces";

export const dynamic = "force-dynamic";

/** The services Jaeger has spans of (Istio names them `<app>.<namespace>`). */
export const GET = route("/api/traces/services", async () => NextResponse.json(await listTraceServices()));
