import "server-only";
import { assembleTrace, type RawSpan } from "@/lib/tracing/assemble";
import { otlpIdToHex } from "@/lib/tracing/ids";
import type { SpanKind, SpanLink, SpanProcess, SpanTag, Trace } from "@/lib/tracing/model";
import { sortLogFields, sortTags } from "./reshape-tags";
import type { OtlpAnyValue, OtlpKeyValue, OtlpResourceSpans, OtlpSpan, OtlpTracesData } from "./v3-schema";

/** Where Jaeger keeps its own warnings on OTLP spans (`jptrace.WarningsAttribute`). */
const WARNINGS_ATTRIBUTE = "@jaeger@warnings";
const FLOAT_WORDS = new Set(["NaN", "Infinity", "-Infinity"]);

function plain(v: OtlpAnyValue | null | undefined): unknown {
  if (!v) return null;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return String(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.bytesValue !== undefined) return v.bytesValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(plain);
  if (v.kvlistValue) return Object.fromEntries((v.kvlistValue.values ?? []).map((kv) => [kv.key, plain(kv.value)]));
  return null;
}

/**
 * One OTLP attribute as a domain tag. `intValue` is a decimal string in the JSON mapping, so 64-bit
 * integers stay exact; arrays and maps become JSON text (as Jaeger's v1 converter writes them).
 */
export function reshapeOtlpAttribute({ key, value: v }: OtlpKeyValue, warnings: string[]): SpanTag {
  if (v?.stringValue !== undefined) return { key, type: "string", value: v.stringValue };
  if (v?.boolValue !== undefined) return { key, type: "bool", value: v.boolValue };
  if (v?.intValue !== undefined) {
    if (typeof v.intValue === "number" && !Number.isSafeInteger(v.intValue)) warnings.push(`tag ${key}: int64 sent as a JSON number beyond 2^53, digits may be lost`);
    return { key, type: "int64", value: BigInt(v.intValue).toString() };
  }
  if (v?.doubleValue !== undefined) {
    const d = v.doubleValue;
    if (typeof d === "number") return { key, type: "float64", value: d };
    if (FLOAT_WORDS.has(d)) return { key, type: "float64", value: d as "NaN" | "Infinity" | "-Infinity" };
    if (Number.isFinite(Number(d))) return { key, type: "float64", value: Number(d) };
    return { key, type: "string", value: d };
  }
  if (v?.bytesValue !== undefined) return { key, type: "binary", value: v.bytesValue };
  if (v?.arrayValue || v?.kvlistValue) return { key, type: "string", value: JSON.stringify(plain(v)) };
  return { key, type: "string", value: "" };
}

const KIND_NUMBERS: SpanKind[] = ["unspecified", "internal", "server", "client", "producer", "consumer"];

/** `Span.SpanKind` as a number (Jaeger) or an enum name (the generic protobuf JSON mapping). */
export function reshapeOtlpKind(kind: number | string | null | undefined): SpanKind {
  if (typeof kind === "number") return KIND_NUMBERS[kind] ?? "unspecified";
  const name = (kind ?? "").replace(/^SPAN_KIND_/, "").toLowerCase();
  return KIND_NUMBERS.includes(name as SpanKind) ? (name as SpanKind) : "unspecified";
}

/** Nanoseconds since the epoch (a decimal string or a number) to whole microseconds. */
export function nanosToMicros(ns: string | number | null | undefined): number {
  if (ns === null || ns === undefined) return 0;
  return Number(BigInt(ns) / 1000n);
}

function reshapeLink(l: { traceId: string; spanId: string; attributes?: OtlpKeyValue[] | null }): SpanLink {
  const refType = (l.attributes ?? []).find((a) => a.key === "opentracing.ref_type")?.value?.stringValue;
  return {
    traceId: otlpIdToHex(l.traceId, 16) ?? l.traceId,
    spanId: otlpIdToHex(l.spanId, 8) ?? l.spanId,
    type: refType === "follows_from" ? "followsFrom" : refType === "child_of" ? "childOf" : "link",
  };
}

function reshapeResource(r: OtlpResourceSpans, warnings: string[]): SpanProcess {
  let service = "unknown";
  const tags: SpanTag[] = [];
  for (const a of r.resource?.attributes ?? []) {
    if (a.key === "service.name" && a.value?.stringValue) service = a.value.stringValue;
    else tags.push(reshapeOtlpAttribute(a, warnings));
  }
  return { service, tags: sortTags(tags) };
}

/** One OTLP span in the domain form, before it is placed in the tree. */
export function reshapeOtlpSpan(s: OtlpSpan, process: SpanProcess, scope: { name?: string | null; version?: string | null } | null | undefined, processWarnings: readonly string[]): RawSpan {
  const warnings = [...processWarnings];
  const tags: SpanTag[] = [];
  for (const a of s.attributes ?? []) {
    if (a.key === WARNINGS_ATTRIBUTE) {
      const list = plain(a.value);
      warnings.push(...(Array.isArray(list) ? list.map(String) : [String(list)]));
    } else if (!a.key.startsWith("@jaeger@")) tags.push(reshapeOtlpAttribute(a, warnings));
  }
  // The scope and the status message are tags in Jaeger's v1 model; keep them so both APIs agree.
  if (scope?.name) tags.push({ key: "otel.scope.name", type: "string", value: scope.name });
  if (scope?.version) tags.push({ key: "otel.scope.version", type: "string", value: scope.version });
  if (s.status?.message) tags.push({ key: "otel.status_description", type: "string", value: s.status.message });
  const code = s.status?.code;
  const parent = s.parentSpanId ? (otlpIdToHex(s.parentSpanId, 8) ?? s.parentSpanId) : undefined;
  const startUs = nanosToMicros(s.startTimeUnixNano);
  const endUs = s.endTimeUnixNano ? nanosToMicros(s.endTimeUnixNano) : startUs;
  return {
    spanId: otlpIdToHex(s.spanId, 8) ?? s.spanId,
    ...(parent ? { parentId: parent } : {}),
    service: process.service,
    operation: s.name,
    kind: reshapeOtlpKind(s.kind),
    startUs,
    durationUs: Math.max(0, endUs - startUs),
    error: code === 2 || code === "STATUS_CODE_ERROR",
    tags: sortTags(tags),
    logs: (s.events ?? []).map((e) => {
      const fields = (e.attributes ?? []).map((a) => reshapeOtlpAttribute(a, warnings));
      if (e.name && !fields.some((f) => f.key === "event")) fields.push({ key: "event", type: "string", value: e.name });
      return { timestampUs: nanosToMicros(e.timeUnixNano), fields: sortLogFields(fields) };
    }),
    process,
    links: (s.links ?? []).map(reshapeLink),
    warnings,
  };
}

/**
 * OTLP `TracesData` (the `result` of `/api/v3/traces`) as the console's traces, grouped by trace ID in
 * order of first appearance: Jaeger splits one trace over several resource spans (one per process) and
 * puts several traces one after another.
 */
export function reshapeOtlpTraces(data: OtlpTracesData): Trace[] {
  const byTrace = new Map<string, RawSpan[]>();
  for (const rs of data.resourceSpans ?? []) {
    const resourceWarnings: string[] = [];
    const process = reshapeResource(rs, resourceWarnings);
    for (const ss of rs.scopeSpans ?? []) {
      for (const s of ss.spans ?? []) {
        const traceId = otlpIdToHex(s.traceId, 16) ?? s.traceId.toLowerCase();
        const list = byTrace.get(traceId) ?? [];
        list.push(reshapeOtlpSpan(s, process, ss.scope, resourceWarnings));
        byTrace.set(traceId, list);
      }
    }
  }
  return [...byTrace].map(([traceId, spans]) => assembleTrace(traceId, spans));
}
