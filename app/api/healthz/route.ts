import { NextResponse } from "next/server";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

/** Liveness: the process is up and serving. Does not touch any upstream. */
export const GET = route("/api/healthz", () => NextResponse.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) }));
