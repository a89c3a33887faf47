import "server-only";
import type { TraceQuery } from "@/lib/tracing/search-params";
import type { JaegerAdapter } from "./adapter";
import { TraceNotFoundError } from "./errors";
import { jaegerGet, refused } from "./jaeger-http";
import { reshapeOtlpTraces } from "./reshape-v3";
import { v3OperationsResponse, v3ServicesResponse, v3TracesResponse } from "./v3-schema";

const rfc3339 = (us: number) => new Date(Math.floor(us / 1_000)).toISOString();

/**
 * The query string of `GET /api/v3/traces` (`parseFindTracesQuery`). The snake_case names are the ones
 * every Jaeger with a v3 API reads (newer ones also take camelCase); the number of traces goes as both
 * `search_depth` (current) and `num_traces` (before Jaeger 2.x renamed it).
 */
export function v3SearchParams(q: TraceQuery): URLSearchParams {
  const p = new URLSearchParams({
    "query.service_name": q.service,
    "query.start_time_min": rfc3339(q.startUs),
    "query.start_time_max": rfc3339(q.endUs),
    "query.search_depth": String(q.limit),
    "query.num_traces": String(q.limit),
  });
  if (q.operation) p.set("query.operation_name", q.operation);
  if (Object.keys(q.tags).length > 0) p.set("query.attributes", JSON.stringify(q.tags));
  if (q.minDurationUs !== undefined) p.set("query.duration_min", `${q.minDurationUs}us`);
  if (q.maxDurationUs !== undefined) p.set("query.duration_max", `${q.maxDurationUs}us`);
  return p;
}

/** A streamed v3 answer (one `{result}` per line) merged into one. */
function mergeStreamed(body: unknown): unknown {
  if (!Array.isArray(body)) return body;
  const resourceSpans = body.flatMap((chunk: { result?: { resourceSpans?: unknown[] } }) => chunk?.result?.resourceSpans ?? []);
  return { result: { resourceSpans } };
}

/**
 * Jaeger's v3 query API (`/api/v3/services`, `/api/v3/operations`, `/api/v3/traces`,
 * `/api/v3/traces/{id}`): OTLP JSON, the API Jaeger 2 keeps as it retires the v1 search endpoints.
 */
export function jaegerV3(baseUrl: string, timeoutMs?: number): JaegerAdapter {
  const opts = { timeoutMs, prepare: mergeStreamed };
  return {
    api: "v3",
    baseUrl,
    async services() {
      const url = `${baseUrl}/api/v3/services`;
      const r = await jaegerGet(url, v3ServicesResponse, "services", opts);
      if (!r.ok) throw refused(url, r);
      return [...(r.data.services ?? [])].sort();
    },
    async operations(service) {
      const url = `${baseUrl}/api/v3/operations?${new URLSearchParams({ service }).toString()}`;
      const r = await jaegerGet(url, v3OperationsResponse, "operations", opts);
      if (!r.ok) throw refused(url, r);
      return (r.data.operations ?? [])
        .map((o) => (o.spanKind ? { name: o.name, spanKind: o.spanKind } : { name: o.name }))
        .sort((a, b) => a.name.localeCompare(b.name) || (a.spanKind ?? "").localeCompare(b.spanKind ?? ""));
    },
    async findTraces(q) {
      const url = `${baseUrl}/api/v3/traces?${v3SearchParams(q).toString()}`;
      const r = await jaegerGet(url, v3TracesResponse, "find_traces", opts);
      // Jaeger answers an empty search with 404 "No traces found" rather than an empty list.
      if (!r.ok && r.status === 404) return [];
      if (!r.ok) throw refused(url, r);
      return reshapeOtlpTraces(r.data.result).slice(0, q.limit);
    },
    async getTrace(traceId) {
      const url = `${baseUrl}/api/v3/traces/${encodeURIComponent(traceId)}`;
      const r = await jaegerGet(url, v3TracesResponse, "get_trace", opts);
      if (!r.ok && r.status === 404) throw new TraceNotFoundError(traceId);
      if (!r.ok) throw refused(url, r);
      const trace = reshapeOtlpTraces(r.data.result).find((t) => t.traceId === traceId);
      if (!trace) throw new TraceNotFoundError(traceId);
      return trace;
    },
  };
}
