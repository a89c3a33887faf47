import "server-only";
import type { z } from "zod";
import { getConfig } from "../config";
import { observeUpstream } from "../telemetry";
import { UpstreamUnavailableError, type UpstreamName } from "./errors";

export interface UpstreamFetchOptions {
  upstream: UpstreamName;
  /** A short, low-cardinality name for metrics, e.g. `query` or `services`. */
  operation: string;
  timeoutMs?: number;
  init?: RequestInit;
}

/**
 * GETs JSON from an upstream and parses it with `schema`. Network failures, timeouts, non-2xx answers
 * and unexpected shapes all become {@link UpstreamUnavailableError} naming the upstream and URL.
 * `onErrorBody` may turn a non-2xx body into a better message (e.g. Prometheus's `error` field).
 */
export async function fetchUpstreamJson<S extends z.ZodType>(
  url: string,
  schema: S,
  opts: UpstreamFetchOptions,
  onErrorBody?: (status: number, body: unknown) => string | undefined,
): Promise<z.infer<S>> {
  const timeoutMs = opts.timeoutMs ?? getConfig().upstreamTimeoutMs;
  const { upstream } = opts;
  return observeUpstream(
    upstream,
    opts.operation,
    async () => {
      let res: Response;
      try {
        res = await fetch(url, {
          ...opts.init,
          headers: { accept: "application/json", ...opts.init?.headers },
          signal: AbortSignal.timeout(timeoutMs),
          cache: "no-store",
        });
      } catch (err) {
        const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
        const why = timedOut ? `no answer within ${timeoutMs} ms` : describeNetworkError(err);
        throw new UpstreamUnavailableError(upstream, url, why, timedOut);
      }
      const text = await res.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        throw new UpstreamUnavailableError(upstream, url, `HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`);
      }
      if (!res.ok) {
        const detail = onErrorBody?.(res.status, body) ?? text.slice(0, 300);
        throw new UpstreamUnavailableError(upstream, url, `HTTP ${res.status}: ${detail}`);
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new UpstreamUnavailableError(
          upstream,
          url,
          `unexpected response shape at ${first?.path.join(".") || "(root)"}: ${first?.message ?? "invalid"}`,
        );
      }
      return parsed.data;
    },
    (err) => (err instanceof UpstreamUnavailableError ? (err.timedOut ? "timeout" : "unavailable") : "error"),
  );
}

/** Node's fetch hides the socket error in `cause`; surface it (ECONNREFUSED, ENOTFOUND, …). */
export function describeNetworkError(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ""}`;
    if (cause?.message) return `${err.message}: ${cause.message}`;
    return err.message;
  }
  return String(err);
}
