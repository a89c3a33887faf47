import { z } from "zod";

const HEX = /^[0-9a-fA-F]+$/;

/**
 * A trace ID in the console's form: 32 lowercase hex digits. Jaeger's v1 API prints 64-bit IDs with 16
 * digits and accepts 1–32; OTLP always has 32. Undefined when `s` is not 1–32 hex digits.
 */
export function normalizeTraceId(s: string): string | undefined {
  return s.length >= 1 && s.length <= 32 && HEX.test(s) ? s.toLowerCase().padStart(32, "0") : undefined;
}

/** A span ID: 16 lowercase hex digits when it is hex at all; anything else is kept as given. */
export function normalizeSpanId(s: string): string {
  return s.length >= 1 && s.length <= 16 && HEX.test(s) ? s.toLowerCase().padStart(16, "0") : s;
}

/**
 * An OTLP ID as the protobuf JSON mapping may write it: hex (Jaeger's and the collector's marshaler) or
 * base64 (the generic protobuf mapping). Returns lowercase hex of `bytes` bytes, or undefined.
 */
export function otlpIdToHex(s: string, bytes: 8 | 16): string | undefined {
  if (s.length === bytes * 2 && HEX.test(s)) return s.toLowerCase();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) return undefined;
  let raw: string;
  try {
    raw = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return undefined;
  }
  if (raw.length !== bytes) return undefined;
  return [...raw].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("");
}

/** A trace ID path or query parameter: 1–32 hex digits, normalised to 32. */
export const traceIdParam = z
  .string({ error: "is required" })
  .trim()
  .transform((s, ctx) => {
    const id = normalizeTraceId(s);
    if (!id) {
      ctx.addIssue({ code: "custom", message: "must be a trace ID of 1 to 32 hex digits" });
      return z.NEVER;
    }
    return id;
  });
