import { z } from "zod";

/**
 * The console's one trace model. Both of Jaeger's query APIs (v1 JSON and v3 OTLP JSON) are reshaped
 * into it on the server (server/tracing); pages and pure algorithms here only ever see this.
 *
 * Times are integer microseconds since the Unix epoch (durations: microseconds). Trace IDs are 32
 * lowercase hex digits, span IDs 16 (a renamed duplicate span ID gets a `~n` suffix, see assemble.ts).
 */

/**
 * A typed tag. `int64` values are decimal strings so that 64-bit integers beyond 2^53 stay exact
 * (`BigInt(tag.value)` gives the number); `binary` values are base64; `float64` may be the strings
 * `NaN`/`Infinity`/`-Infinity`, which JSON numbers cannot carry.
 */
export const spanTag = z.discriminatedUnion("type", [
  z.object({ key: z.string(), type: z.literal("string"), value: z.string() }),
  z.object({ key: z.string(), type: z.literal("bool"), value: z.boolean() }),
  z.object({ key: z.string(), type: z.literal("int64"), value: z.string().regex(/^-?[0-9]+$/) }),
  z.object({ key: z.string(), type: z.literal("float64"), value: z.union([z.number(), z.enum(["NaN", "Infinity", "-Infinity"])]) }),
  z.object({ key: z.string(), type: z.literal("binary"), value: z.string() }),
]);
export type SpanTag = z.infer<typeof spanTag>;

/** A timestamped log (OTLP: an event, whose name is the `event` field). */
export const spanLog = z.object({ timestampUs: z.number(), fields: z.array(spanTag) });
export type SpanLog = z.infer<typeof spanLog>;

/** The process (OTLP: the resource) that reported a span; `tags` leave out the service name. */
export const spanProcess = z.object({ service: z.string(), tags: z.array(spanTag) });
export type SpanProcess = z.infer<typeof spanProcess>;

export const spanKind = z.enum(["client", "server", "producer", "consumer", "internal", "unspecified"]);
export type SpanKind = z.infer<typeof spanKind>;

/** A reference that is not the span's parent: FOLLOWS_FROM, a second CHILD_OF, an OTLP link. */
export const spanLink = z.object({ traceId: z.string(), spanId: z.string(), type: z.enum(["childOf", "followsFrom", "link"]) });
export type SpanLink = z.infer<typeof spanLink>;

/** Why a span was attached under the root span rather than where its references put it. */
export const orphanReason = z.enum(["missing-parent", "extra-root", "cycle"]);
export type OrphanReason = z.infer<typeof orphanReason>;

export const span = z.object({
  spanId: z.string(),
  /** Absent only on the root span. For orphans, the root (see `orphan`). */
  parentId: z.string().optional(),
  /** Depth in the tree (root: 0). */
  depth: z.number().int().min(0),
  service: z.string(),
  operation: z.string(),
  kind: spanKind,
  /** After clock-skew adjustment (see `skewUs`). */
  startUs: z.number(),
  durationUs: z.number().min(0),
  error: z.boolean(),
  /** Sorted by key; `span.kind`, `error` and the OTel status keys are folded into `kind`/`error`. */
  tags: z.array(spanTag),
  logs: z.array(spanLog),
  process: spanProcess,
  links: z.array(spanLink),
  /** Jaeger's warnings and the console's own (orphans, clock skew, lost precision). */
  warnings: z.array(z.string()),
  /** Set when the span's references did not place it in the tree. */
  orphan: z.object({ reason: orphanReason, missingParentId: z.string().optional() }).optional(),
  /** Microseconds added to the start and log times to correct clock skew (absent: none). */
  skewUs: z.number().optional(),
});
export type Span = z.infer<typeof span>;

export const trace = z.object({
  traceId: z.string(),
  rootSpanId: z.string(),
  /** Earliest span start. */
  startUs: z.number(),
  /** Latest span end minus `startUs`. */
  durationUs: z.number(),
  /** Depth-first, children by start time: the order of a waterfall. */
  spans: z.array(span),
  /** Services in order of first appearance in `spans`. */
  services: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type Trace = z.infer<typeof trace>;

/** What a list or a scatter plot of traces needs. */
export const traceSummary = z.object({
  traceId: z.string(),
  rootService: z.string(),
  rootOperation: z.string(),
  startUs: z.number(),
  durationUs: z.number(),
  spanCount: z.number(),
  errorCount: z.number(),
  warningCount: z.number(),
  services: z.array(z.object({ name: z.string(), spanCount: z.number(), errorCount: z.number() })),
});
export type TraceSummary = z.infer<typeof traceSummary>;

/** Which of Jaeger's query APIs answered. */
export const jaegerApi = z.enum(["v1", "v3"]);
export type JaegerApi = z.infer<typeof jaegerApi>;

export const traceSearchResponse = z.object({ api: jaegerApi, traces: z.array(traceSummary) });
export type TraceSearchResponse = z.infer<typeof traceSearchResponse>;

export const traceResponse = z.object({ api: jaegerApi, trace });
export type TraceResponse = z.infer<typeof traceResponse>;

export const traceServicesResponse = z.object({ api: jaegerApi, services: z.array(z.string()) });
export type TraceServicesResponse = z.infer<typeof traceServicesResponse>;

export const traceOperation = z.object({ name: z.string(), spanKind: z.string().optional() });
export type TraceOperation = z.infer<typeof traceOperation>;

export const traceOperationsResponse = z.object({ api: jaegerApi, operations: z.array(traceOperation) });
export type TraceOperationsResponse = z.infer<typeof traceOperationsResponse>;
