import "server-only";
import { z } from "zod";
import type { PromSample, PromSeries } from "@/lib/promql/types";
import { fetchUpstreamJson } from "../http/upstream-fetch";
import { prometheusGet, prometheusUrl } from "./client";
import { readMatrix, readScalar, readVector, ResultShapeError } from "./results";

export { parseSampleValue } from "./results";

/**
 * A result checked and converted by `read` (results.ts) inside the envelope's schema, so that a bad
 * sample fails like any bad answer (`UpstreamUnavailableError`, "unexpected response shape at …").
 */
function resultOf<T>(read: (result: unknown) => T) {
  return z.unknown().transform((result, ctx): T => {
    try {
      return read(result);
    } catch (err) {
      if (!(err instanceof ResultShapeError)) throw err;
      ctx.addIssue({ code: "custom", message: err.detail, path: err.path, input: result });
      return z.NEVER;
    }
  });
}

const instantData = z.discriminatedUnion("resultType", [
  z.object({ resultType: z.literal("vector"), result: resultOf(readVector) }),
  z.object({ resultType: z.literal("scalar"), result: resultOf(readScalar) }),
]);

const rangeData = z.object({ resultType: z.literal("matrix"), result: resultOf(readMatrix) });

const envelope = <D extends z.ZodType>(data: D) => z.object({ status: z.literal("success"), data, warnings: z.array(z.string()).optional() });

const instantResponse = envelope(instantData);
const rangeResponse = envelope(rangeData);

/** An instant query's answer, with what it cost. */
export interface InstantQueryResult {
  query: string;
  samples: PromSample[];
  /** Wall-clock time of the HTTP round trip. */
  ms: number;
  warnings?: string[];
}

export interface InstantQueryOptions {
  /** Evaluation time, unix seconds; Prometheus's now when absent. */
  time?: number;
  timeoutMs?: number;
  /** A short name for the console's upstream metrics (`meshscope_upstream_request_duration_seconds`). */
  operation?: string;
}

/**
 * Beyond this length a query goes in a POST body: a regex over hundreds of namespaces makes URLs that
 * proxies in front of Prometheus (and Node's 16 KiB header limit) refuse.
 */
const MAX_GET_QUERY = 6_000;

const errorBody = z.object({ status: z.literal("error"), errorType: z.string().optional(), error: z.string() });

function errorMessage(_status: number, body: unknown): string | undefined {
  const parsed = errorBody.safeParse(body);
  return parsed.success ? `${parsed.data.errorType ?? "error"}: ${parsed.data.error}` : undefined;
}

async function call<S extends z.ZodType>(path: string, params: URLSearchParams, schema: S, operation: string, timeoutMs?: number): Promise<z.infer<S>> {
  const qs = params.toString();
  if (qs.length <= MAX_GET_QUERY) return prometheusGet(`${path}?${qs}`, schema, operation, timeoutMs);
  return fetchUpstreamJson(
    `${prometheusUrl()}${path}`,
    schema,
    { upstream: "prometheus", operation, timeoutMs, init: { method: "POST", body: params } },
    errorMessage,
  );
}

/**
 * Runs an instant query (`/api/v1/query`) and returns its vector as samples (a scalar becomes one
 * sample without labels). Failures are `UpstreamUnavailableError`s naming Prometheus, including
 * a PromQL error (Prometheus answers 400 with its message) and an answer that is not a vector.
 */
export async function instantQuery(query: string, opts: InstantQueryOptions = {}): Promise<InstantQueryResult> {
  const params = new URLSearchParams({ query });
  if (opts.time !== undefined) params.set("time", String(opts.time));
  const started = performance.now();
  const res = await call("/api/v1/query", params, instantResponse, opts.operation ?? "query", opts.timeoutMs);
  const ms = performance.now() - started;
  const samples: PromSample[] = res.data.result;
  return { query, samples, ms, warnings: res.warnings };
}

export interface RangeQueryOptions {
  /** Unix seconds. */
  start: number;
  end: number;
  /** Seconds between points. */
  step: number;
  timeoutMs?: number;
  operation?: string;
}

/** An range query's answer, with what it cost. */
export interface RangeQueryResult {
  query: string;
  series: PromSeries[];
  ms: number;
  warnings?: string[];
}

/** Runs a range query (`/api/v1/query_range`) and returns its matrix as series of points. */
export async function rangeQuery(query: string, opts: RangeQueryOptions): Promise<RangeQueryResult> {
  if (!(opts.step > 0) || !(opts.end >= opts.start)) {
    throw new RangeError(`invalid range: start ${opts.start}, end ${opts.end}, step ${opts.step}`);
  }
  const params = new URLSearchParams({ query, start: String(opts.start), end: String(opts.end), step: String(opts.step) });
  const started = performance.now();
  const res = await call("/api/v1/query_range", params, rangeResponse, opts.operation ?? "query_range", opts.timeoutMs);
  const ms = performance.now() - started;
  const series: PromSeries[] = res.data.result;
  return { query, series, ms, warnings: res.warnings };
}
