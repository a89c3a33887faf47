import type { z } from "zod";
import { apiErrorBody, type UpstreamName } from "@/lib/api/schemas";

/** An error answer of the console's API, with the upstream at fault when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly upstream?: UpstreamName,
    readonly issues?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** GETs one of the console's JSON APIs and validates the answer with `schema`. */
export async function getJson<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  const res = await fetch(path, { headers: { accept: "application/json" }, signal });
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = apiErrorBody.safeParse(body);
    if (err.success) throw new ApiError(res.status, err.data.error, err.data.upstream, err.data.issues);
    throw new ApiError(res.status, `HTTP ${res.status} from ${path}`);
  }
  return schema.parse(body);
}
