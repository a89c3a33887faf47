import type { SimSpan, SpanKind, TagValue } from "../tracing/span-store";
import {
  OTLP_SPAN_KIND,
  OTLP_STATUS_CODE,
  type OtlpAnyValue,
  type OtlpKeyValue,
  type OtlpResourceSpans,
  type OtlpSpan,
  type OtlpTracesData,
} from "./otlp-model";

const KIND_NUMBER: Record<SpanKind, number> = {
  server: OTLP_SPAN_KIND.SPAN_KIND_SERVER,
  client: OTLP_SPAN_KIND.SPAN_KIND_CLIENT,
};

/** A tag value as an OTLP `AnyValue`: integers as `intValue` strings, other numbers as doubles. */
export function toOtlpAnyValue(value: TagValue): OtlpAnyValue {
  if (typeof value === "boolean") return { boolValue: value };
  if (typeof value === "string") return { stringValue: value };
  if (Number.isInteger(value)) return { intValue: BigInt(value).toString() };
  return { doubleValue: value };
}

function toAttributes(tags: Record<string, TagValue>): OtlpKeyValue[] {
  return Object.entries(tags).map(([key, value]) => ({ key, value: toOtlpAnyValue(value) }));
}

/** Microseconds to the decimal nanosecond string OTLP JSON uses (exact past 2^53). */
export function microsToNanoString(us: number): string {
  return (BigInt(Math.trunc(us)) * 1000n).toString();
}

/** One span in OTLP JSON; `error` becomes STATUS_CODE_ERROR and is not repeated as an attribute. */
export function toOtlpSpan(span: SimSpan): OtlpSpan {
  const out: OtlpSpan = {
    traceId: span.traceId.toLowerCase().padStart(32, "0"),
    spanId: span.spanId,
    name: span.operationName,
    kind: KIND_NUMBER[span.kind],
    startTimeUnixNano: microsToNanoString(span.startTimeUs),
    endTimeUnixNano: microsToNanoString(span.startTimeUs + Math.max(0, span.durationUs)),
    status: span.error ? { code: OTLP_STATUS_CODE.STATUS_CODE_ERROR } : {},
  };
  if (span.parentSpanId) out.parentSpanId = span.parentSpanId;
  const attributes = toAttributes(span.tags);
  if (attributes.length > 0) out.attributes = attributes;
  return out;
}

/**
 * The resource spans of one trace: one entry per distinct process (service name + process tags),
 * in order of first appearance, as Jaeger's v1→OTLP adapter groups them.
 */
export function toOtlpResourceSpans(spans: readonly SimSpan[]): OtlpResourceSpans[] {
  const byProcess = new Map<string, OtlpResourceSpans>();
  for (const span of spans) {
    const identity = JSON.stringify([span.serviceName, Object.entries(span.processTags).sort()]);
    let entry = byProcess.get(identity);
    if (!entry) {
      const attributes = [{ key: "service.name", value: { stringValue: span.serviceName } }, ...toAttributes(span.processTags)];
      entry = { resource: { attributes }, scopeSpans: [{ scope: {}, spans: [] }] };
      byProcess.set(identity, entry);
    }
    entry.scopeSpans[0]?.spans.push(toOtlpSpan(span));
  }
  return [...byProcess.values()];
}

/**
 * Converts traces to the OTLP `TracesData` Jaeger's v3 API puts in `result`: the resource spans of
 * all traces, one after another.
 */
export function toOtlpTracesData(traces: ReadonlyArray<readonly SimSpan[]>): OtlpTracesData {
  return { resourceSpans: traces.flatMap((spans) => toOtlpResourceSpans(spans)) };
}
