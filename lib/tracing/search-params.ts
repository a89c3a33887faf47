import { z } from "zod";
import { durationMs, TIME_WINDOWS, type TimeWindow } from "@/lib/url-state";

const UNIT_US: Record<string, number> = { us: 1, µs: 1, μs: 1, ms: 1_000, s: 1_000_000, m: 60_000_000, h: 3_600_000_000 };

/**
 * A span duration bound as people write it (and Jaeger's UI does): a number and a unit, `500us`,
 * `1.5ms`, `2s`, `1m`. Whole microseconds (rounded); undefined when it is not one.
 */
export function parseDurationUs(s: string): number | undefined {
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*(us|µs|μs|ms|s|m|h)$/.exec(s.trim());
  if (!m) return undefined;
  const us = Math.round(Number(m[1]) * UNIT_US[m[2]!]!);
  return Number.isSafeInteger(us) ? us : undefined;
}

/** `k=v,k2=v2` → `{k: "v", k2: "v2"}` (the first `=` splits; blanks around names are dropped). */
export function parseTagsParam(s: string): { tags: Record<string, string> } | { error: string } {
  const tags: Record<string, string> = {};
  for (const part of s.split(",")) {
    if (part.trim() === "") continue;
    const eq = part.indexOf("=");
    const key = eq < 0 ? "" : part.slice(0, eq).trim();
    if (eq < 0 || key === "") return { error: `"${part.trim()}" is not key=value (write tags as k=v,k2=v2)` };
    tags[key] = part.slice(eq + 1).trim();
  }
  return { tags };
}

const durationParam = z
  .string()
  .transform((s, ctx) => {
    const us = parseDurationUs(s);
    if (us === undefined) {
      ctx.addIssue({ code: "custom", message: "must be a duration such as 500us, 1.5ms or 2s" });
      return z.NEVER;
    }
    return us;
  })
  .optional();

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Default number of traces a search returns. */
export const DEFAULT_TRACE_LIMIT = 20;
/** Most traces one search may ask for. */
export const MAX_TRACE_LIMIT = 1_000;
/** Look-back of a search without `window`. */
export const DEFAULT_TRACE_WINDOW: TimeWindow = "1h";

/**
 * The query of `GET /api/traces`: `service` (required), `operation`, `tags=k=v,k2=v2`,
 * `minDuration`/`maxDuration` (`500us`, `1.5ms`, `2s`), `limit` (1–1000, default 20) and `window`
 * (the shell's windows, `1m`–`1d`, default 1h) ending now. Empty values count as absent.
 */
export const traceSearchParams = z
  .object({
    service: z.preprocess(blankToUndefined, z.string({ error: "is required: choose a service" }).trim().max(512)),
    operation: z.preprocess(blankToUndefined, z.string().trim().max(1024).optional()),
    tags: z.preprocess(
      blankToUndefined,
      z
        .string()
        .max(4096)
        .transform((s, ctx) => {
          const r = parseTagsParam(s);
          if ("error" in r) {
            ctx.addIssue({ code: "custom", message: r.error });
            return z.NEVER;
          }
          return r.tags;
        })
        .optional(),
    ),
    minDuration: z.preprocess(blankToUndefined, durationParam),
    maxDuration: z.preprocess(blankToUndefined, durationParam),
    limit: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[0-9]+$/, "must be a whole number")
        .transform(Number)
        .pipe(z.number().min(1, "must be at least 1").max(MAX_TRACE_LIMIT, `must be at most ${MAX_TRACE_LIMIT}`))
        .optional(),
    ),
    window: z.preprocess(blankToUndefined, z.enum(TIME_WINDOWS, { error: `must be one of ${TIME_WINDOWS.join(", ")}` }).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.minDuration !== undefined && v.maxDuration !== undefined && v.maxDuration < v.minDuration) {
      ctx.addIssue({ code: "custom", path: ["maxDuration"], message: "must not be less than minDuration" });
    }
  })
  .transform((v) => ({
    service: v.service,
    ...(v.operation ? { operation: v.operation } : {}),
    tags: v.tags ?? {},
    ...(v.minDuration !== undefined ? { minDurationUs: v.minDuration } : {}),
    ...(v.maxDuration !== undefined ? { maxDurationUs: v.maxDuration } : {}),
    limit: v.limit ?? DEFAULT_TRACE_LIMIT,
    window: v.window ?? DEFAULT_TRACE_WINDOW,
  }));
export type TraceSearch = z.output<typeof traceSearchParams>;

/** What the adapters search for: a {@link TraceSearch} with its window turned into times. */
export interface TraceQuery {
  service: string;
  operation?: string;
  tags: Record<string, string>;
  minDurationUs?: number;
  maxDurationUs?: number;
  limit: number;
  /** Span start times, µs since the epoch. */
  startUs: number;
  endUs: number;
}

/** The search's window, ending at `nowMs`, as start/end microseconds. */
export function toTraceQuery(search: TraceSearch, nowMs: number): TraceQuery {
  const { window, ...rest } = search;
  return { ...rest, startUs: (nowMs - durationMs(window)) * 1_000, endUs: nowMs * 1_000 };
}

/** The search fields of the traces page, as typed (kept in the URL under these names). */
export interface TraceSearchForm {
  service: string;
  operation: string;
  tags: string;
  minDuration: string;
  maxDuration: string;
  limit: string;
}

export const TRACE_FORM_KEYS = ["service", "operation", "tags", "minDuration", "maxDuration", "limit"] as const satisfies ReadonlyArray<keyof TraceSearchForm>;

/** Reads the traces page's search fields from the URL (missing ones are empty). */
export function readTraceSearchForm(params: Pick<URLSearchParams, "get">): TraceSearchForm {
  const out = {} as TraceSearchForm;
  for (const k of TRACE_FORM_KEYS) out[k] = params.get(k) ?? "";
  return out;
}

/** Writes the search fields into a copy of `params`, leaving out empty ones and keeping the rest. */
export function writeTraceSearchForm(params: URLSearchParams, form: TraceSearchForm): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const k of TRACE_FORM_KEYS) {
    const v = form[k].trim();
    if (v) next.set(k, v);
    else next.delete(k);
  }
  return next;
}

/** The `GET /api/traces` query string for a search form and the shell's window. */
export function traceSearchQueryString(form: Partial<TraceSearchForm>, window: TimeWindow): string {
  const q = new URLSearchParams();
  for (const k of TRACE_FORM_KEYS) {
    const v = form[k]?.trim();
    if (v) q.set(k, v);
  }
  q.set("window", window);
  return q.toString();
}
