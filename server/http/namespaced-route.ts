import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { namespacesParam, searchParamsObject } from "@/lib/api/params";
import type { Identity } from "../kube/identity";
import { resolveIdentity } from "../kube/identity";
import { validationError } from "./errors";
import { route } from "./route";

const query = z.object({ namespaces: namespacesParam });

/**
 * A GET handler for a list over `?namespaces=a,b`: validates the parameter (422 naming it), resolves
 * the caller's identity and answers `load`'s result as JSON.
 */
export function namespacedListRoute<T>(name: string, load: (identity: Identity, namespaces: string[]) => Promise<T>) {
  return route(name, async (req) => {
    const parsed = query.safeParse(searchParamsObject(req.nextUrl.searchParams));
    if (!parsed.success) return validationError(parsed.error);
    return NextResponse.json(await load(resolveIdentity(req.headers), parsed.data.namespaces));
  });
}
