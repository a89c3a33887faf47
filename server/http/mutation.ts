import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { MUTATION_HEADER } from "@/lib/api/mutation";
import { audit } from "../audit";
import { getConfig } from "../config";
import { resolveIdentity, type Identity } from "../kube/identity";
import type { ApiErrorBody } from "./errors";
import { route } from "./route";

type MutationHandler<C> = (req: NextRequest, ctx: C, identity: Identity) => Promise<Response> | Response;

/**
 * Wraps a mutating route handler (POST, PUT, DELETE). Before the handler runs it refuses, with 403:
 * - any write when the console runs read-only (`MESHSCOPE_READ_ONLY=true`);
 * - a request without the `X-Meshscope-Request` header (a non-simple header: a cross-site page cannot
 *   send it without a CORS preflight, which the console never grants);
 * - a request whose `Origin` (or `Sec-Fetch-Site`) says it comes from another site.
 * The handler gets the caller's identity, so the cluster's RBAC decides the write itself.
 */
export function mutationRoute<C>(name: string, handler: MutationHandler<C>) {
  return route<C>(name, async (req, ctx) => {
    const identity = resolveIdentity(req.headers);
    const refusal = refuse(req);
    if (refusal) {
      // Refused before it reached the cluster: still a write someone attempted, so it is in the audit log.
      audit({ identity, action: req.method.toLowerCase(), kind: name, name: req.nextUrl.pathname, dryRun: req.nextUrl.searchParams.get("dryRun") === "true", result: `403 ${refusal}` });
      return NextResponse.json<ApiErrorBody>({ error: refusal, reason: "Forbidden" }, { status: 403 });
    }
    return handler(req, ctx, identity);
  });
}

/** Why a mutating request is refused, or undefined when it may go on. */
export function refuse(req: Pick<NextRequest, "headers">): string | undefined {
  if (getConfig().readOnly) return "The console is read-only (MESHSCOPE_READ_ONLY=true): writes are disabled";
  if (!req.headers.get(MUTATION_HEADER)) return `Mutating requests must carry the ${MUTATION_HEADER} header`;
  if (req.headers.get("sec-fetch-site") === "cross-site") return "Cross-site requests may not change the mesh";
  const origin = req.headers.get("origin");
  if (origin && origin !== "null") {
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return `Origin ${origin} is not a URL`;
    }
    if (!host || originHost !== host) return `Origin ${origin} does not match the console's host (${host ?? "unknown"})`;
  } else if (origin === "null") {
    return "Requests from an opaque origin may not change the mesh";
  }
  return undefined;
}
