import type { ServerResponse } from "node:http";
import type { SimSpan, SpanKind, SpanStore } from "../tracing/span-store";
import { parseGoBool, parseRfc3339Nano } from "./go-parse";
import { decodeSegment, replyGoHttpError, replyJson } from "./http-reply";
import { toOtlpTracesData } from "./to-otlp";
import { parseTraceIdHexOrBase64, traceIdToHex32 } from "./trace-id";
import { toTraceSummary } from "./trace-summary";
import { getV3Param, parseV3FindTraces, parseV3Param, V3QueryError } from "./v3-query";

/** Jaeger's `GRPCGatewayError` JSON: `{"error":{"httpCode":…,"message":…}}` (zero fields omitted). */
function replyV3Error(res: ServerResponse, status: number, message: string): void {
  replyGoHttpError(res, status, JSON.stringify({ error: { httpCode: status, message } }));
}

/** Jaeger answers an empty result with 404 rather than an empty list (`returnTraces`). */
function replyTraces(res: ServerResponse, traces: ReadonlyArray<readonly SimSpan[]>): void {
  if (traces.length === 0) return replyV3Error(res, 404, "No traces found");
  replyJson(res, { result: toOtlpTracesData(traces) });
}

function handleOperations(store: SpanStore, q: URLSearchParams, res: ServerResponse): void {
  const service = q.get("service") ?? "";
  const [spanKind] = getV3Param(q, "spanKind", "span_kind");
  const isKnown = (k: string): k is SpanKind => k === "server" || k === "client";
  const ops = spanKind === "" ? store.operations(service) : isKnown(spanKind) ? store.operations(service, spanKind) : [];
  replyJson(res, { operations: ops.map((o) => ({ name: o.name, spanKind: o.kind })) });
}

function handleGetTrace(store: SpanStore, rawId: string, q: URLSearchParams, res: ServerResponse): void {
  const id = parseV3Param(rawId, "trace_id", parseTraceIdHexOrBase64);
  for (const [canonical, deprecated] of [
    ["startTime", "start_time"],
    ["endTime", "end_time"],
  ] as const) {
    const [value, name] = getV3Param(q, canonical, deprecated);
    if (value !== "") parseV3Param(value, name, parseRfc3339Nano);
  }
  const [raw, rawName] = getV3Param(q, "rawTraces", "raw_traces");
  if (raw !== "") parseV3Param(raw, rawName, parseGoBool);
  const spans = store.getTrace(traceIdToHex32(id));
  replyTraces(res, spans ? [spans] : []);
}

/**
 * Serves Jaeger's v3 query API (`/api/v3/services`, `/api/v3/operations`, `/api/v3/traces`,
 * `/api/v3/traces/{trace_id}`, `/api/v3/trace-summaries`) from a span store, in the wire format of
 * `cmd/jaeger/internal/extension/jaegerquery/internal/apiv3/http_gateway.go`. Returns false when
 * the path is not one of these.
 */
export function handleV3(store: SpanStore, path: string, q: URLSearchParams, res: ServerResponse): boolean {
  const traceMatch = /^\/api\/v3\/traces\/([^/]+)$/.exec(path);
  try {
    if (path === "/api/v3/services") replyJson(res, { services: store.services() });
    else if (path === "/api/v3/operations") handleOperations(store, q, res);
    else if (path === "/api/v3/traces") replyTraces(res, store.findTraces(parseV3FindTraces(q)));
    else if (path === "/api/v3/trace-summaries") {
      replyJson(res, { summaries: store.findTraces(parseV3FindTraces(q)).map(toTraceSummary) });
    } else if (traceMatch) {
      const id = decodeSegment(traceMatch[1] ?? "");
      if (!id) return false;
      handleGetTrace(store, id, q, res);
    } else return false;
  } catch (e) {
    if (!(e instanceof V3QueryError)) throw e;
    replyV3Error(res, e.status, e.message);
  }
  return true;
}
