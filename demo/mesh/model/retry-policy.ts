/**
 * Envoy retry policies as Istio configures them. Without a `retries` block Istio still retries
 * twice on connect failures, refused streams, gRPC UNAVAILABLE/CANCELLED and 503 responses.
 * https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRetry
 */
import { parseDurationMs } from "./durations";

export interface RetryPolicy {
  /** Retries after the first attempt. */
  attempts: number;
  perTryTimeoutMs?: number;
  retryOn: ReadonlySet<string>;
  statusCodes: ReadonlySet<number>;
}

const ISTIO_DEFAULT_RETRY_ON = "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes";

function parseRetryOn(value: string): { retryOn: Set<string>; statusCodes: Set<number> } {
  const retryOn = new Set<string>();
  const statusCodes = new Set<number>([503]);
  for (const token of value.split(",").map((t) => t.trim()).filter(Boolean)) {
    if (/^\d{3}$/.test(token)) {
      statusCodes.add(Number(token));
      retryOn.add("retriable-status-codes");
    } else retryOn.add(token);
  }
  return { retryOn, statusCodes };
}

/** Istio's default policy (used when a route has no `retries`). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 2, ...parseRetryOn(ISTIO_DEFAULT_RETRY_ON) };

/** Compiles an `HTTPRetry`; absent → {@link DEFAULT_RETRY_POLICY}. */
export function compileRetries(raw: unknown): RetryPolicy {
  if (!raw || typeof raw !== "object") return DEFAULT_RETRY_POLICY;
  const r = raw as { attempts?: unknown; perTryTimeout?: unknown; retryOn?: unknown };
  const attempts = typeof r.attempts === "number" ? Math.max(0, Math.floor(r.attempts)) : DEFAULT_RETRY_POLICY.attempts;
  const parsed = parseRetryOn(typeof r.retryOn === "string" && r.retryOn ? r.retryOn : ISTIO_DEFAULT_RETRY_ON);
  return { attempts, perTryTimeoutMs: parseDurationMs(r.perTryTimeout), ...parsed };
}

/** The outcome of one upstream attempt, as far as retry decisions go. */
export interface AttemptResult {
  status: number;
  /** gRPC status for gRPC requests (0 = OK). */
  grpcStatus?: number;
  /** No response: the connection failed (`UF`) or was reset (`UC`). */
  connectFailure?: boolean;
  reset?: boolean;
  /** The per-try timeout fired. */
  perTryTimeout?: boolean;
}

/** Whether Envoy would retry after this attempt under `policy`. */
export function shouldRetry(policy: RetryPolicy, r: AttemptResult): boolean {
  const on = policy.retryOn;
  // Without a response, only the connection conditions apply (status-code policies need a response).
  if (r.connectFailure) return on.has("connect-failure") || on.has("5xx") || on.has("gateway-error") || on.has("reset");
  if (r.reset) return on.has("reset") || on.has("5xx") || on.has("gateway-error");
  if (r.perTryTimeout) return on.has("5xx") || on.has("gateway-error") || on.has("reset");
  if (r.status >= 500 && on.has("5xx")) return true;
  if ((r.status === 502 || r.status === 503 || r.status === 504) && on.has("gateway-error")) return true;
  if (on.has("retriable-status-codes") && policy.statusCodes.has(r.status)) return true;
  if (r.status === 409 && on.has("retriable-4xx")) return true;
  switch (r.grpcStatus) {
    case 14:
      return on.has("unavailable");
    case 1:
      return on.has("cancelled");
    case 4:
      return on.has("deadline-exceeded");
    case 8:
      return on.has("resource-exhausted");
    case 13:
      return on.has("internal");
    default:
      return false;
  }
}
