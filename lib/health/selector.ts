import type { RequestOutcome } from "./tally";

/**
 * Which requests a rate rule counts, parsed from its `code` string:
 * - `5xx`, `50x`, `503`: HTTP status codes, `x` standing for any digit;
 * - `grpc`: gRPC statuses 1–16 (0 is OK); `grpc:14`: one gRPC status;
 * - `-` (or `none`): no response at all.
 */
export type CodeSelector = { kind: "http"; pattern: string } | { kind: "grpc"; status?: number } | { kind: "no-response" };

/** Highest gRPC status code that exists (UNAUTHENTICATED). */
const MAX_GRPC_STATUS = 16;

/** Parses a code selector; returns an error message for anything else. */
export function parseCodeSelector(input: string): CodeSelector | { error: string } {
  const s = input.trim().toLowerCase();
  if (s === "-" || s === "none") return { kind: "no-response" };
  if (s === "grpc") return { kind: "grpc" };
  if (/^[1-5][0-9x]{2}$/.test(s)) return { kind: "http", pattern: s };
  const grpc = /^grpc:(\d{1,2})$/.exec(s);
  if (grpc) {
    const status = Number(grpc[1]);
    if (status === 0) return { error: `gRPC status 0 is OK and cannot count as an error` };
    if (status <= MAX_GRPC_STATUS) return { kind: "grpc", status };
  }
  return { error: `unknown code "${input.trim()}" (use an HTTP code such as 5xx, 50x or 503, grpc, grpc:14, or - for no response)` };
}

/** The canonical spelling of a selector, used as part of a rule's identity. */
export function selectorKey(s: CodeSelector): string {
  if (s.kind === "http") return s.pattern;
  if (s.kind === "grpc") return s.status === undefined ? "grpc" : `grpc:${s.status}`;
  return "-";
}

/** True when the selector counts requests with this outcome. */
export function selectorMatches(s: CodeSelector, o: RequestOutcome): boolean {
  if (s.kind === "http") return o.kind === "http" && [...s.pattern].every((c, i) => c === "x" || c === o.code[i]);
  if (s.kind === "grpc") {
    if (o.kind !== "grpc" || o.status < 1 || o.status > MAX_GRPC_STATUS) return false;
    return s.status === undefined || s.status === o.status;
  }
  return o.kind === "no-response";
}

/** How narrow a selector is: among selectors matching the same request, the narrowest wins. */
export function selectorSpecificity(s: CodeSelector): number {
  if (s.kind === "http") return [...s.pattern].filter((c) => c !== "x").length;
  if (s.kind === "grpc") return s.status === undefined ? 1 : 2;
  return 1;
}

/** How reasons name what a selector counts, e.g. `5xx`, `status 1–16`, `status 14`, `no response`. */
export function selectorLabel(s: CodeSelector): string {
  if (s.kind === "http") return s.pattern;
  if (s.kind === "grpc") return s.status === undefined ? "status 1–16" : `status ${s.status}`;
  return "no response";
}
