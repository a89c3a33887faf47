/** Pod logs: the parameters of `GET /api/logs`, its JSON answer, and the text filter. */
import { z } from "zod";
import { namespaceName } from "@/lib/api/params";
import { objectName } from "./params";

const bool = (dflt: boolean) =>
  z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .optional()
    .transform((v) => (v === undefined ? dflt : v === "true" || v === "1"));

const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,7}$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** Lines a request may ask for at most. */
export const MAX_TAIL_LINES = 5_000;

export const logsQuery = z.object({
  namespace: namespaceName,
  pod: objectName,
  /** A container name (DNS-1123 label). */
  container: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a container name").max(63),
  tailLines: int(1, MAX_TAIL_LINES).default(200),
  sinceSeconds: int(1, 7 * 86_400).optional(),
  /** Stream new lines as server-sent events (`event: lines`, data a JSON array of lines). */
  follow: bool(false),
  previous: bool(false),
  timestamps: bool(true),
  /** Keep only lines containing this text (case-insensitive). */
  filter: z.string().max(200, "must be at most 200 characters").optional(),
});
export type LogsQuery = z.output<typeof logsQuery>;

export const logsResponse = z.object({
  namespace: z.string(),
  pod: z.string(),
  container: z.string(),
  lines: z.array(z.string()),
  /** Lines read before the filter. */
  total: z.number(),
});
export type LogsResponse = z.infer<typeof logsResponse>;

/** A predicate for the text filter: case-insensitive substring; everything passes without one. */
export function lineFilter(filter: string | undefined): (line: string) => boolean {
  const f = filter?.trim().toLowerCase();
  if (!f) return () => true;
  return (line) => line.toLowerCase().includes(f);
}

/** Splits log text into lines; the last, unterminated piece is returned apart (`rest`) for streams. */
export function splitLines(text: string): { lines: string[]; rest: string } {
  const parts = text.split("\n");
  const rest = parts.pop() ?? "";
  return { lines: parts.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l)), rest };
}
