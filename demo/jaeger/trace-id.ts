import { GoParseError, parseGoUint } from "./go-parse";

/** A trace ID split like Jaeger's `model.TraceID`: high and low 64 bits. */
export interface TraceIdParts {
  high: bigint;
  low: bigint;
}

/**
 * Jaeger's `model.TraceIDFromString`: 1–32 hex digits, the last 16 being the low half.
 * @throws GoParseError with Jaeger's message.
 */
export function parseTraceIdHex(s: string): TraceIdParts {
  if (s.length > 32) throw new GoParseError(`TraceID cannot be longer than 32 hex characters: ${s}`);
  if (s.length > 16) {
    const cut = s.length - 16;
    return { high: parseGoUint(s.slice(0, cut), 16, 64), low: parseGoUint(s.slice(cut), 16, 64) };
  }
  return { high: 0n, low: parseGoUint(s, 16, 64) };
}

const BASE64_RE = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * The v3 API's trace ID parser: hex first, then (for at most 24 characters) standard or URL-safe
 * base64 of 8 or 16 bytes, as `apiv3.TraceIDFromString` accepts.
 * @throws GoParseError with the hex parser's message when neither form fits.
 */
export function parseTraceIdHexOrBase64(s: string): TraceIdParts {
  try {
    return parseTraceIdHex(s);
  } catch (hexError) {
    if (s.length > 24 || !BASE64_RE.test(s)) throw hexError;
    const bytes = Buffer.from(s.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (bytes.length === 16) return { high: bytes.readBigUInt64BE(0), low: bytes.readBigUInt64BE(8) };
    if (bytes.length === 8) return { high: 0n, low: bytes.readBigUInt64BE(0) };
    throw hexError;
  }
}

function hex16(n: bigint): string {
  return n.toString(16).padStart(16, "0");
}

/** The 32-hex-digit form the span store and OTLP use. */
export function traceIdToHex32(id: TraceIdParts): string {
  return hex16(id.high) + hex16(id.low);
}

/**
 * Jaeger's `TraceID.String()` as the v1 JSON model prints it: 16 hex digits when the high half is
 * zero, 32 otherwise.
 */
export function v1TraceIdString(hex32: string): string {
  const padded = hex32.toLowerCase().padStart(32, "0");
  return padded.startsWith("0000000000000000") ? padded.slice(16) : padded;
}

/** Re-exported so callers can tell parse failures apart. */
export { GoParseError };
