import { z } from "zod";

/** Which side of the object the requests were reported by: received (`inbound`) or sent (`outbound`). */
export const trafficDirection = z.enum(["inbound", "outbound"]);
export type TrafficDirection = z.infer<typeof trafficDirection>;

/** Istio's `request_protocol`, reduced to what health distinguishes. */
export const trafficProtocol = z.enum(["http", "grpc"]);
export type TrafficProtocol = z.infer<typeof trafficProtocol>;

/** Prometheus labels are strings, but hand-written fixtures and JSON often carry numbers. */
const codeString = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

/**
 * Requests over the health window that share direction, protocol and outcome — one row of
 * `sum by (direction, request_protocol, response_code, grpc_response_status, response_flags)
 * (increase(istio_requests_total[window]))`.
 */
export const requestTally = z.object({
  direction: trafficDirection,
  protocol: trafficProtocol,
  /** Istio's `response_code`: the HTTP status; `0`, `-` or empty when no response was received. */
  code: codeString,
  /** Istio's `grpc_response_status` for gRPC requests; absent, empty or `-` when unknown. */
  grpcStatus: codeString.optional(),
  /** Envoy's `response_flags` (e.g. `UH`, `UF,URX`; `-` for none). Informational only: outcome comes from the codes. */
  flags: z.string().optional(),
  /** Number of requests; `increase()` gives fractions, which are fine. */
  count: z.number().nonnegative(),
});
export type RequestTally = z.input<typeof requestTally>;

/** What a tally's requests ended with, as far as health rules are concerned. */
export type RequestOutcome =
  | { kind: "http"; code: string }
  | { kind: "grpc"; status: number }
  | { kind: "no-response" }
  | { kind: "unknown"; code: string };

function isAbsent(code: string | number | undefined): boolean {
  const c = code === undefined ? "" : String(code).trim();
  return c === "" || c === "-";
}

/**
 * Classifies a tally. gRPC requests are judged by their gRPC status when it is known — Istio
 * reports HTTP 200 for a gRPC call that failed with, say, UNAVAILABLE (14) — and by their HTTP code
 * otherwise (e.g. a 503 from Envoy before any gRPC status). A missing or zero HTTP code means no
 * response was received (Envoy aborted, reset or timed out; `response_flags` says why).
 */
export function classifyTally(t: Pick<RequestTally, "protocol" | "code" | "grpcStatus">): RequestOutcome {
  if (t.protocol === "grpc" && !isAbsent(t.grpcStatus)) {
    const status = Number(String(t.grpcStatus).trim());
    if (Number.isInteger(status) && status >= 0) return { kind: "grpc", status };
  }
  const code = String(t.code).trim();
  if (isAbsent(code) || Number(code) === 0) return { kind: "no-response" };
  if (/^\d{3}$/.test(code)) return { kind: "http", code };
  return { kind: "unknown", code };
}
