/**
 * OTLP trace data in the protobuf JSON mapping, as Jaeger's v3 API writes it (through the
 * collector's pdata JSON marshaler): hex IDs, 64-bit integers as decimal strings, enums as numbers,
 * and fields holding their zero value left out.
 */

/** `opentelemetry.proto.common.v1.AnyValue` for the scalar kinds the demo produces. */
export type OtlpAnyValue = { stringValue: string } | { boolValue: boolean } | { intValue: string } | { doubleValue: number };

export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}

/** `Span.SpanKind`. */
export const OTLP_SPAN_KIND = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
} as const;

/** `Status.StatusCode`. */
export const OTLP_STATUS_CODE = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 } as const;

export interface OtlpStatus {
  /** Absent when unset (0). */
  code?: number;
  message?: string;
}

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  /** Absent on root spans. */
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  /** Absent when there are none. */
  attributes?: OtlpKeyValue[];
  status: OtlpStatus;
}

export interface OtlpScopeSpans {
  scope: { name?: string; version?: string };
  spans: OtlpSpan[];
}

export interface OtlpResourceSpans {
  resource: { attributes?: OtlpKeyValue[] };
  scopeSpans: OtlpScopeSpans[];
}

export interface OtlpTracesData {
  resourceSpans: OtlpResourceSpans[];
}
