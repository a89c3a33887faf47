/**
 * Jaeger's v1 JSON model as its query API writes it (`internal/uimodel/model.go` in
 * jaegertracing/jaeger) and the envelope of every `/api/...` answer (`structuredResponse` in
 * `cmd/query/app/http_handler.go`).
 */

export type V1ValueType = "string" | "bool" | "int64" | "float64" | "binary";

/**
 * A typed tag. `int64` values beyond ±(2^53−1) are written as decimal strings and `binary` values
 * as base64, as Jaeger does.
 */
export interface V1KeyValue {
  key: string;
  type: V1ValueType;
  value: string | number | boolean;
}

export interface V1Reference {
  refType: "CHILD_OF" | "FOLLOWS_FROM";
  traceID: string;
  spanID: string;
}

export interface V1Log {
  /** Microseconds since the epoch. */
  timestamp: number;
  fields: V1KeyValue[];
}

export interface V1Span {
  traceID: string;
  spanID: string;
  /** `omitempty` in Jaeger: absent when 0. */
  flags?: number;
  operationName: string;
  references: V1Reference[];
  /** Microseconds since the epoch. */
  startTime: number;
  /** Microseconds. */
  duration: number;
  tags: V1KeyValue[];
  logs: V1Log[];
  processID: string;
  warnings: string[] | null;
}

export interface V1Process {
  serviceName: string;
  tags: V1KeyValue[];
}

export interface V1Trace {
  traceID: string;
  spans: V1Span[];
  processes: Record<string, V1Process>;
  warnings: string[] | null;
}

/** One entry of the envelope's `errors`; `code` and `traceID` are `omitempty`. */
export interface V1StructuredError {
  code?: number;
  msg: string;
  traceID?: string;
}

/** The envelope of every v1 answer, errors included. */
export interface V1Response<T> {
  data: T;
  total: number;
  limit: number;
  offset: number;
  errors: V1StructuredError[] | null;
}

/** An entry of `GET /api/operations`. */
export interface V1Operation {
  name: string;
  spanKind: string;
}
