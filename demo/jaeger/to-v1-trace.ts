import type { SimSpan, TagValue } from "../tracing/span-store";
import { v1TraceIdString } from "./trace-id";
import type { V1KeyValue, V1Process, V1Span, V1Trace } from "./v1-model";

/** Envoy marks every span it reports as sampled, so Jaeger stores flags = 1 (sampled). */
const SAMPLED_FLAG = 1;

/**
 * One tag in Jaeger's typed form. Integers become `int64` (as a decimal string past 2^53, like
 * Jaeger's `jsMaxSafeInteger` rule), other numbers `float64`.
 */
export function toV1KeyValue(key: string, value: TagValue): V1KeyValue {
  if (typeof value === "boolean") return { key, type: "bool", value };
  if (typeof value === "string") return { key, type: "string", value };
  if (Number.isInteger(value)) {
    return { key, type: "int64", value: Number.isSafeInteger(value) ? value : BigInt(value).toString() };
  }
  return { key, type: "float64", value };
}

/** Tags sorted by key, as Jaeger's `SortTagsAndLogFields` adjuster leaves them. */
function toSortedKeyValues(tags: Record<string, TagValue>): V1KeyValue[] {
  return Object.keys(tags)
    .sort()
    .map((key) => toV1KeyValue(key, tags[key] as TagValue));
}

/**
 * The span tags a Zipkin-reporting Envoy leaves in Jaeger: the simulator's tags plus `span.kind`
 * and, for failed requests, `error=true`.
 */
function spanTags(span: SimSpan): V1KeyValue[] {
  const tags: Record<string, TagValue> = { ...span.tags };
  tags["span.kind"] ??= span.kind;
  if (span.error) tags.error = true;
  return toSortedKeyValues(tags);
}

/**
 * Assigns `p1`, `p2`, … to distinct processes (service name + tags) in order of first appearance,
 * like Jaeger's `processHashtable`.
 */
class ProcessTable {
  private readonly ids = new Map<string, string>();
  readonly processes: Record<string, V1Process> = {};

  idFor(span: SimSpan): string {
    const tags = toSortedKeyValues(span.processTags);
    const identity = JSON.stringify([span.serviceName, tags]);
    let id = this.ids.get(identity);
    if (!id) {
      id = `p${this.ids.size + 1}`;
      this.ids.set(identity, id);
      this.processes[id] = { serviceName: span.serviceName, tags };
    }
    return id;
  }
}

function toV1Span(span: SimSpan, processID: string): V1Span {
  const traceID = v1TraceIdString(span.traceId);
  return {
    traceID,
    spanID: span.spanId,
    flags: SAMPLED_FLAG,
    operationName: span.operationName,
    references: span.parentSpanId ? [{ refType: "CHILD_OF", traceID, spanID: span.parentSpanId }] : [],
    startTime: span.startTimeUs,
    duration: Math.max(0, span.durationUs),
    tags: spanTags(span),
    logs: [],
    processID,
    warnings: null,
  };
}

/**
 * Converts the spans of one trace to Jaeger's v1 JSON trace (what `/api/traces` puts in `data`).
 * An empty input gives an empty trace with `traceID: ""`, as Jaeger's converter would.
 */
export function toV1Trace(spans: readonly SimSpan[]): V1Trace {
  const table = new ProcessTable();
  const v1Spans = spans.map((span) => toV1Span(span, table.idFor(span)));
  return {
    traceID: spans[0] ? v1TraceIdString(spans[0].traceId) : "",
    spans: v1Spans,
    processes: table.processes,
    warnings: null,
  };
}
