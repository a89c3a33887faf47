import type { z } from "zod";
import { MUTATION_HEADER } from "@/lib/api/mutation";
import { apiErrorBody, type UpstreamName } from "@/lib/api/schemas";

/** An error answer of the console's API, with the upstream at fault when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly upstream?: UpstreamName,
    readonly issues?: Array<{ path: string; message: string }>,
    /** The Kubernetes Status reason when the API server refused (`Conflict`, `Forbidden`, …). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** GETs one of the console's JSON APIs and validates the answer with `schema`. */
export async function getJson<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  const res = await fetch(path, { headers: { accept: "application/json" }, signal });
  return parseAnswer(res, path, schema);
}

/** True for the answer the API server gives when an object changed since it was read. */
export function isConflict(err: unknown): err is ApiError {
  return err instanceof ApiError && err.status === 409;
}

/**
 * Sends a mutating request (POST, PUT, DELETE) to the console's API with the header mutating routes
 * require, and validates the answer with `schema`. Errors come out as {@link ApiError}: 409 for a
 * conflict (see {@link isConflict}), 422 with the fields at fault, 403 when refused.
 */
export async function sendJson<S extends z.ZodType>(method: "POST" | "PUT" | "DELETE", path: string, body: unknown, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  const res = await fetch(path, {
    method,
    headers: { accept: "application/json", "content-type": "application/json", [MUTATION_HEADER]: "1" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  return parseAnswer(res, path, schema);
}

async function parseAnswer<S extends z.ZodType>(res: Response, path: string, schema: S): Promise<z.infer<S>> {
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = apiErrorBody.safeParse(body);
    if (err.success) throw new ApiError(res.status, err.data.error, err.data.upstream, err.data.issues, err.data.reason);
    throw new ApiError(res.status, `HTTP ${res.status} from ${path}`);
  }
  return schema.parse(body);
}
