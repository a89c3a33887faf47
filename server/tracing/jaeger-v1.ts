import "server-only";
import type { Trace } from "@/lib/tracing/model";
import type { TraceQuery } from "@/lib/tracing/search-params";
import type { JaegerAdapter } from "./adapter";
import { TraceNotFoundError } from "./errors";
import { jaegerGet, refused } from "./jaeger-http";
import { reshapeV1Trace } from "./reshape-v1";
import { v1OperationNamesResponse, v1ServicesResponse, v1TracesResponse } from "./v1-schema";

/** The query string of `GET /api/traces` (Jaeger's `parseTraceQueryParams`): µs times, Go durations. */
export function v1SearchParams(q: TraceQuery): URLSearchParams {
  const p = new URLSearchParams({ service: q.service, start: String(q.startUs), end: String(q.endUs), limit: String(q.limit) });
  if (q.operation) p.set("operation", q.operation);
  if (Object.keys(q.tags).length > 0) p.set("tags", JSON.stringify(q.tags));
  if (q.minDurationUs !== undefined) p.set("minDuration", `${q.minDurationUs}us`);
  if (q.maxDurationUs !== undefined) p.set("maxDuration", `${q.maxDurationUs}us`);
  return p;
}

/**
 * Jaeger's v1 JSON query API (`/api/services`, `/api/services/{service}/operations`, `/api/traces`,
 * `/api/traces/{id}`), the one every Jaeger 1.x and the Jaeger UI speak.
 */
export function jaegerV1(baseUrl: string, timeoutMs?: number): JaegerAdapter {
  const opts = { timeoutMs };
  return {
    api: "v1",
    baseUrl,
    async services() {
      const url = `${baseUrl}/api/services`;
      const r = await jaegerGet(url, v1ServicesResponse, "services", opts);
      if (!r.ok) throw refused(url, r);
      return [...(r.data.data ?? [])].sort();
    },
    async operations(service) {
      const url = `${baseUrl}/api/services/${encodeURIComponent(service)}/operations`;
      const r = await jaegerGet(url, v1OperationNamesResponse, "operations", opts);
      if (!r.ok) throw refused(url, r);
      return [...(r.data.data ?? [])].sort().map((name) => ({ name }));
    },
    async findTraces(q) {
      const url = `${baseUrl}/api/traces?${v1SearchParams(q).toString()}`;
      const r = await jaegerGet(url, v1TracesResponse, "find_traces", opts);
      if (!r.ok) throw refused(url, r);
      return (r.data.data ?? []).map(reshapeV1Trace).filter((t): t is Trace => t !== undefined);
    },
    async getTrace(traceId) {
      const url = `${baseUrl}/api/traces/${encodeURIComponent(traceId)}`;
      const r = await jaegerGet(url, v1TracesResponse, "get_trace", opts);
      if (!r.ok && r.status === 404) throw new TraceNotFoundError(traceId);
      if (!r.ok) throw refused(url, r);
      const trace = (r.data.data ?? []).map(reshapeV1Trace).find((t) => t?.traceId === traceId);
      if (!trace) throw new TraceNotFoundError(traceId);
      return trace;
    },
  };
}
