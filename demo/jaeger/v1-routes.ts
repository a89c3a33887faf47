import type { ServerResponse } from "node:http";
import type { SimSpan, SpanKind, SpanStore } from "../tracing/span-store";
import { GoParseError } from "./go-parse";
import { decodeSegment, replyGoHttpError, replyJson } from "./http-reply";
import { toV1Trace } from "./to-v1-trace";
import { parseTraceIdHex, traceIdToHex32, v1TraceIdString } from "./trace-id";
import type { V1Operation, V1Response, V1StructuredError, V1Trace } from "./v1-model";
import { parseMicrosParam, parseV1Search } from "./v1-query";

/** Jaeger's `spanstore.ErrTraceNotFound` text. */
const TRACE_NOT_FOUND = "trace not found";

function envelope<T>(data: T, total = 0, errors: V1StructuredError[] | null = null): V1Response<T> {
  return { data, total, limit: 0, offset: 0, errors };
}

/** Jaeger's `handleError`: the envelope with one `{code, msg}` error, through `http.Error`. */
function replyV1Error(res: ServerResponse, status: number, msg: string): void {
  replyGoHttpError(res, status, JSON.stringify(envelope(null, 0, [{ code: status, msg }])));
}

function handleServices(store: SpanStore, res: ServerResponse): void {
  const services = store.services();
  // Jaeger's memory store returns a nil slice when empty, which encodes as null.
  replyJson(res, envelope(services.length > 0 ? services : null, services.length));
}

function handleLegacyOperations(store: SpanStore, service: string, res: ServerResponse): void {
  const names = [...new Set(store.operations(service).map((o) => o.name))].sort();
  replyJson(res, envelope(names.length > 0 ? names : null, names.length));
}

function isSpanKind(s: string): s is SpanKind {
  return s === "server" || s === "client";
}

function handleOperations(store: SpanStore, q: URLSearchParams, res: ServerResponse): void {
  const service = q.get("service") ?? "";
  if (service === "") return replyV1Error(res, 400, "parameter 'service' is required");
  const spanKind = q.get("spanKind") ?? "";
  // Kinds the simulator never records (internal, producer, consumer) simply match nothing.
  const ops = spanKind === "" ? store.operations(service) : isSpanKind(spanKind) ? store.operations(service, spanKind) : [];
  const data: V1Operation[] = ops.map((o) => ({ name: o.name, spanKind: o.kind }));
  replyJson(res, envelope(data, data.length));
}

function handleSearch(store: SpanStore, q: URLSearchParams, res: ServerResponse, nowUs: number): void {
  const request = parseV1Search(q, nowUs);
  if (request.kind === "search") {
    replyJson(res, envelope(store.findTraces(request.query).map(toV1Trace)));
    return;
  }
  const traces: V1Trace[] = [];
  const errors: V1StructuredError[] = [];
  for (const id of request.traceIds) {
    const spans = store.getTrace(id);
    if (spans) traces.push(toV1Trace(spans));
    else errors.push({ msg: TRACE_NOT_FOUND, traceID: v1TraceIdString(id) });
  }
  replyJson(res, envelope(traces, 0, errors.length > 0 ? errors : null));
}

function handleGetTrace(store: SpanStore, rawId: string, q: URLSearchParams, res: ServerResponse, nowUs: number): void {
  const hex32 = traceIdToHex32(parseTraceIdHex(rawId));
  parseMicrosParam(q, "start", nowUs);
  parseMicrosParam(q, "end", nowUs);
  const spans: SimSpan[] | undefined = store.getTrace(hex32);
  if (!spans) return replyV1Error(res, 404, TRACE_NOT_FOUND);
  replyJson(res, envelope([toV1Trace(spans)]));
}

/**
 * Serves Jaeger's v1 query API (`/api/services`, `/api/services/{service}/operations`,
 * `/api/operations`, `/api/traces`, `/api/traces/{traceID}`) from a span store, in the wire format
 * of `cmd/query/app/http_handler.go`. Returns false when the path is not one of these.
 */
export function handleV1(store: SpanStore, path: string, q: URLSearchParams, res: ServerResponse): boolean {
  const nowUs = Date.now() * 1000;
  const segments = path.split("/").slice(1); // ["api", ...]
  try {
    if (path === "/api/services") handleServices(store, res);
    else if (path === "/api/operations") handleOperations(store, q, res);
    else if (path === "/api/traces") handleSearch(store, q, res, nowUs);
    else if (segments.length === 4 && segments[1] === "services" && segments[3] === "operations") {
      const service = decodeSegment(segments[2] ?? "");
      if (!service) return false;
      handleLegacyOperations(store, service, res);
    } else if (segments.length === 3 && segments[1] === "traces") {
      const id = decodeSegment(segments[2] ?? "");
      if (!id) return false;
      handleGetTrace(store, id, q, res, nowUs);
    } else return false;
  } catch (e) {
    if (!(e instanceof GoParseError)) throw e;
    replyV1Error(res, 400, e.message);
  }
  return true;
}
