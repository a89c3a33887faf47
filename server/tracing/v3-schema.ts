import "server-only";
import { z } from "zod";

/**
 * OTLP trace data in the protobuf JSON mapping, as Jaeger's v3 API writes it
 * (`cmd/jaeger/internal/extension/jaegerquery/internal/apiv3`). The mapping allows 64-bit integers as
 * strings or numbers and enums as numbers or names; zero values are left out; both are accepted.
 */

const int64 = z.union([z.string().regex(/^-?[0-9]+$/), z.number().int()]);

export type OtlpAnyValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number | string;
  bytesValue?: string;
  arrayValue?: { values?: OtlpAnyValue[] | null };
  kvlistValue?: { values?: OtlpKeyValue[] | null };
};
export type OtlpKeyValue = { key: string; value?: OtlpAnyValue | null };

export const otlpAnyValue: z.ZodType<OtlpAnyValue> = z.lazy(() =>
  z.object({
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    intValue: int64.optional(),
    doubleValue: z.union([z.number(), z.string()]).optional(),
    bytesValue: z.string().optional(),
    arrayValue: z.object({ values: z.array(otlpAnyValue).nullish() }).optional(),
    kvlistValue: z.object({ values: z.array(otlpKeyValue).nullish() }).optional(),
  }),
);
export const otlpKeyValue: z.ZodType<OtlpKeyValue> = z.lazy(() => z.object({ key: z.string(), value: otlpAnyValue.nullish() }));

const attributes = z.array(otlpKeyValue).nullish();

export const otlpSpan = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().nullish(),
  name: z.string().default(""),
  kind: z.union([z.number().int(), z.string()]).nullish(),
  startTimeUnixNano: int64.nullish(),
  endTimeUnixNano: int64.nullish(),
  attributes,
  events: z.array(z.object({ timeUnixNano: int64.nullish(), name: z.string().nullish(), attributes })).nullish(),
  links: z.array(z.object({ traceId: z.string(), spanId: z.string(), attributes })).nullish(),
  status: z.object({ code: z.union([z.number().int(), z.string()]).nullish(), message: z.string().nullish() }).nullish(),
});
export type OtlpSpan = z.infer<typeof otlpSpan>;

export const otlpResourceSpans = z.object({
  resource: z.object({ attributes }).nullish(),
  scopeSpans: z
    .array(z.object({ scope: z.object({ name: z.string().nullish(), version: z.string().nullish() }).nullish(), spans: z.array(otlpSpan).nullish() }))
    .nullish(),
});
export type OtlpResourceSpans = z.infer<typeof otlpResourceSpans>;

export const otlpTracesData = z.object({ resourceSpans: z.array(otlpResourceSpans).nullish() });
export type OtlpTracesData = z.infer<typeof otlpTracesData>;

/** `GET /api/v3/traces` and `/api/v3/traces/{id}`. */
export const v3TracesResponse = z.object({ result: otlpTracesData });
export const v3ServicesResponse = z.object({ services: z.array(z.string()).nullish() });
export const v3OperationsResponse = z.object({
  operations: z.array(z.object({ name: z.string(), spanKind: z.string().nullish() })).nullish(),
});
/** Jaeger's `GRPCGatewayError` body. */
export const v3ErrorBody = z.object({ error: z.object({ httpCode: z.number().optional(), message: z.string().optional() }) });
