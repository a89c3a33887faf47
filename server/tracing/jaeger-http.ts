import "server-only";
import type { z } from "zod";
import { getConfig } from "../config";
import { UpstreamUnavailableError } from "../http/errors";
import { describeNetworkError } from "../http/upstream-fetch";
import { observeUpstream } from "../telemetry";

/** A Jaeger answer that is neither a success nor a server failure: the caller decides what it means. */
export interface JaegerMiss {
  status: number;
  /** Jaeger's own message from the error body, when it has one. */
  message: string;
}

/** Statuses the adapters interpret themselves (not found, no such endpoint, bad request). */
const INTERPRETED = new Set([400, 404, 405, 501]);

/** Jaeger's error message in either API's error body, else the start of the text. */
export function jaegerErrorMessage(body: unknown, text: string): string {
  if (body && typeof body === "object") {
    const v1 = (body as { errors?: Array<{ msg?: unknown }> | null }).errors?.[0]?.msg;
    if (typeof v1 === "string") return v1;
    const v3 = (body as { error?: { message?: unknown } }).error?.message;
    if (typeof v3 === "string") return v3;
  }
  return text.trim().slice(0, 300);
}

/**
 * Parses a body as JSON, or as newline-delimited JSON objects (what a gRPC-gateway streaming endpoint
 * writes, as Jaeger's v3 API did before its own HTTP gateway), merged into an array.
 */
function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch (err) {
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    if (lines.length > 1) return lines.map((l) => JSON.parse(l) as unknown);
    throw err;
  }
}

/**
 * GETs a Jaeger query API URL and parses the answer with `schema`. Network failures, timeouts, 5xx and
 * unexpected shapes are {@link UpstreamUnavailableError} naming jaeger (counted in the console's
 * upstream metrics); 400/404/405/501 come back as a {@link JaegerMiss} for the caller to interpret
 * (trace not found, endpoint absent, query refused). `prepare` lets a caller admit a body that is not
 * the schema (a v3 streaming answer) by reshaping it first; `nonJsonIsMiss` turns a 2xx answer that is
 * not JSON (a web UI's page) into a miss too.
 */
export async function jaegerGet<S extends z.ZodType>(
  url: string,
  schema: S,
  operation: string,
  opts: { timeoutMs?: number; prepare?: (body: unknown) => unknown; nonJsonIsMiss?: boolean } = {},
): Promise<{ ok: true; data: z.infer<S> } | ({ ok: false } & JaegerMiss)> {
  const timeoutMs = opts.timeoutMs ?? getConfig().upstreamTimeoutMs;
  return observeUpstream(
    "jaeger",
    operation,
    async () => {
      let res: Response;
      try {
        res = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(timeoutMs), cache: "no-store" });
      } catch (err) {
        const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
        throw new UpstreamUnavailableError("jaeger", url, timedOut ? `no answer within ${timeoutMs} ms` : describeNetworkError(err), timedOut);
      }
      let text: string;
      try {
        text = await res.text();
      } catch (err) {
        const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
        throw new UpstreamUnavailableError("jaeger", url, timedOut ? `answer not complete within ${timeoutMs} ms` : describeNetworkError(err), timedOut);
      }
      let body: unknown;
      let jsonError: unknown;
      try {
        body = parseBody(text);
      } catch (err) {
        jsonError = err;
      }
      if (INTERPRETED.has(res.status)) return { ok: false as const, status: res.status, message: jaegerErrorMessage(body, text) };
      if (!res.ok) throw new UpstreamUnavailableError("jaeger", url, `HTTP ${res.status}: ${jaegerErrorMessage(body, text)}`);
      if (jsonError !== undefined && opts.nonJsonIsMiss) return { ok: false as const, status: res.status, message: `not JSON: ${text.slice(0, 100)}` };
      if (jsonError !== undefined) throw new UpstreamUnavailableError("jaeger", url, `HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`);
      const parsed = schema.safeParse(opts.prepare ? opts.prepare(body) : body);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new UpstreamUnavailableError("jaeger", url, `unexpected response shape at ${first?.path.join(".") || "(root)"}: ${first?.message ?? "invalid"}`);
      }
      return { ok: true as const, data: parsed.data as z.infer<S> };
    },
    (err) => (err instanceof UpstreamUnavailableError ? (err.timedOut ? "timeout" : "unavailable") : "error"),
  );
}

/** A query refused by Jaeger (400): reported as the tracing source failing, with Jaeger's reason. */
export function refused(url: string, miss: JaegerMiss): UpstreamUnavailableError {
  return new UpstreamUnavailableError("jaeger", url, `HTTP ${miss.status}: ${miss.message}`);
}
