import "server-only";
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { searchParamsObject } from "@/lib/api/params";
import { objectPath } from "@/lib/inventory/params";
import { validationError } from "../http/errors";
import { route } from "../http/route";
import { resolveIdentity } from "../kube/identity";
import { inventoryDeps, type InventoryDeps } from "./inventory";

type Parsed<S extends z.ZodType> = { ok: true; data: z.output<S> } | { ok: false; response: Response };

/** Parses a request's query string with `schema`; a failure is the 422 answer naming each field. */
export function parseQuery<S extends z.ZodType>(schema: S, req: NextRequest): Parsed<S> {
  const p = schema.safeParse(searchParamsObject(req.nextUrl.searchParams));
  return p.success ? { ok: true, data: p.data } : { ok: false, response: validationError(p.error) };
}

/**
 * A GET handler answering `load(query, deps)` as JSON after validating the query string, with the
 * caller's identity bound into the dependencies.
 */
export function inventoryRoute<S extends z.ZodType, T>(name: string, schema: S, load: (q: z.output<S>, deps: InventoryDeps) => Promise<T>) {
  return route(name, async (req: NextRequest) => {
    const q = parseQuery(schema, req);
    if (!q.ok) return q.response;
    return NextResponse.json(await load(q.data, inventoryDeps(resolveIdentity(req.headers))));
  });
}

type ObjectCtx = { params: Promise<{ ns: string; name: string }> };

/** A GET handler for `/<kind>/[ns]/[name]`: validates path and query, then answers `load`'s result. */
export function objectRoute<S extends z.ZodType, T>(
  name: string,
  schema: S,
  load: (ns: string, objName: string, q: z.output<S>, deps: InventoryDeps) => Promise<T>,
) {
  return route(name, async (req: NextRequest, ctx: ObjectCtx) => {
    const path = objectPath.safeParse(await ctx.params);
    if (!path.success) return validationError(path.error);
    const q = parseQuery(schema, req);
    if (!q.ok) return q.response;
    return NextResponse.json(await load(path.data.ns, path.data.name, q.data, inventoryDeps(resolveIdentity(req.headers))));
  });
}
