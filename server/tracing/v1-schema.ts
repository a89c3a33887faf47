import "server-only";
import { z } from "zod";

/**
 * Jaeger's v1 JSON model as its query API writes it (`internal/uimodel/model.go`, inside the
 * `structuredResponse` envelope of `cmd/query/app/http_handler.go`). Liberal where Jaeger's encoder is
 * (nil slices are `null`), strict where the console depends on a field.
 */

/** A typed tag; `int64` beyond ±(2^53−1) comes as a decimal string, `binary` as base64. */
export const v1KeyValue = z.object({
  key: z.string(),
  type: z.string().default("string"),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});
export type V1KeyValue = z.infer<typeof v1KeyValue>;

export const v1Reference = z.object({
  refType: z.string(),
  traceID: z.string(),
  spanID: z.string(),
});

export const v1Log = z.object({ timestamp: z.number(), fields: z.array(v1KeyValue).nullish() });

export const v1Process = z.object({ serviceName: z.string(), tags: z.array(v1KeyValue).nullish() });
export type V1Process = z.infer<typeof v1Process>;

export const v1Span = z.object({
  traceID: z.string(),
  spanID: z.string(),
  operationName: z.string(),
  references: z.array(v1Reference).nullish(),
  startTime: z.number(),
  duration: z.number(),
  tags: z.array(v1KeyValue).nullish(),
  logs: z.array(v1Log).nullish(),
  processID: z.string().nullish(),
  /** Embedded instead of `processID` by some writers (Jaeger's own UI model allows either). */
  process: v1Process.nullish(),
  warnings: z.array(z.string()).nullish(),
});
export type V1Span = z.infer<typeof v1Span>;

export const v1Trace = z.object({
  traceID: z.string(),
  spans: z.array(v1Span).nullish(),
  processes: z.record(z.string(), v1Process).nullish(),
  warnings: z.array(z.string()).nullish(),
});
export type V1Trace = z.infer<typeof v1Trace>;

export const v1Error = z.object({ code: z.number().optional(), msg: z.string(), traceID: z.string().optional() });

/** The envelope of every v1 answer, errors included. */
export function v1Envelope<T extends z.ZodType>(data: T) {
  return z.object({ data: data.nullish(), errors: z.array(v1Error).nullish() });
}

export const v1ServicesResponse = v1Envelope(z.array(z.string()));
export const v1OperationNamesResponse = v1Envelope(z.array(z.string()));
export const v1TracesResponse = v1Envelope(z.array(v1Trace));
