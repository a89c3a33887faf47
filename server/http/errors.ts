import "server-only";
import { NextResponse } from "next/server";
import type { ZodError } from "zod";

/** The upstreams the console depends on; every upstream error names one. */
export type UpstreamName = "kubernetes" | "prometheus" | "jaeger";

/** An upstream did not answer (down, refused, timed out) or answered with a server error. */
export class UpstreamUnavailableError extends Error {
  constructor(
    readonly upstream: UpstreamName,
    readonly url: string,
    message: string,
    readonly timedOut = false,
  ) {
    super(`${upstream} (${url}): ${message}`);
    this.name = "UpstreamUnavailableError";
  }
}

/** An upstream is not configured at all (e.g. `PROMETHEUS_URL` unset). */
export class UpstreamNotConfiguredError extends Error {
  constructor(
    readonly upstream: UpstreamName,
    readonly variable: string,
  ) {
    super(`${upstream} is not configured: set ${variable}`);
    this.name = "UpstreamNotConfiguredError";
  }
}

/** A Kubernetes API answer that is an error `Status` (403, 404, 409, 422, …), passed through as is. */
export class KubeStatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    /** The fields at fault, from the Status's `details.causes` (422 Invalid). */
    readonly causes: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = "KubeStatusError";
  }
}

/** The body every API error has: a message, and for validation errors the fields at fault. */
export interface ApiErrorBody {
  error: string;
  upstream?: UpstreamName;
  /** A Kubernetes Status reason (`Conflict`, `Forbidden`, `NotFound`, `AlreadyExists`, `Invalid`…). */
  reason?: string;
  issues?: Array<{ path: string; message: string }>;
}

/** 422 with the fields at fault, from a zod error. */
export function validationError(err: ZodError): NextResponse<ApiErrorBody> {
  const issues = err.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  return NextResponse.json({ error: `Invalid request: ${summary}`, issues }, { status: 422 });
}

/** Maps a thrown error to an HTTP response; unknown errors become 500 without leaking stack traces. */
export function errorResponse(err: unknown): NextResponse<ApiErrorBody> {
  if (err instanceof UpstreamUnavailableError) {
    return NextResponse.json({ error: err.message, upstream: err.upstream }, { status: err.timedOut ? 504 : 502 });
  }
  if (err instanceof UpstreamNotConfiguredError) {
    return NextResponse.json({ error: err.message, upstream: err.upstream }, { status: 503 });
  }
  if (err instanceof KubeStatusError) {
    const body: ApiErrorBody = { error: err.message, upstream: "kubernetes", reason: err.reason };
    if (err.causes.length > 0) body.issues = err.causes;
    return NextResponse.json(body, { status: err.code });
  }
  console.error("[meshscope] unexpected error", err);
  return NextResponse.json({ error: "Internal error" }, { status: 500 });
}
