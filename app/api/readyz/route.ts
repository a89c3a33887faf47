import { NextResponse } from "next/server";
import { route } from "@/server/http/route";
import { readiness } from "@/server/services/readiness";

export const dynamic = "force-dynamic";

/** Readiness of each upstream (Kubernetes, Prometheus, Jaeger): the URL in use, and whether it answers. */
export const GET = route("/api/readyz", async () => {
  const body = await readiness();
  return NextResponse.json(body, { status: body.ready ? 200 : 503 });
});
