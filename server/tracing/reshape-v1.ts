import "server-only";
import { assembleTrace, type RawSpan } from "@/lib/tracing/assemble";
import { normalizeSpanId, normalizeTraceId } from "@/lib/tracing/ids";
import type { SpanLink, SpanProcess, Trace } from "@/lib/tracing/model";
import { foldV1Tags, reshapeV1Tag, sortLogFields, sortTags } from "./reshape-tags";
import type { V1Process, V1Span, V1Trace } from "./v1-schema";

const UNKNOWN_SERVICE = "unknown";

function reshapeV1Process(p: V1Process | null | undefined, warnings: string[]): SpanProcess {
  if (!p) return { service: UNKNOWN_SERVICE, tags: [] };
  return { service: p.serviceName || UNKNOWN_SERVICE, tags: sortTags((p.tags ?? []).map((t) => reshapeV1Tag(t, warnings))) };
}

/**
 * The parent is the first CHILD_OF reference within the trace, else the first FOLLOWS_FROM within it
 * (as Jaeger's model reads `ParentSpanID`); every other reference is kept as a link.
 */
function splitReferences(span: V1Span, traceId: string): { parentId?: string; links: SpanLink[] } {
  const refs = (span.references ?? []).map((r) => ({
    traceId: normalizeTraceId(r.traceID) ?? r.traceID,
    spanId: normalizeSpanId(r.spanID),
    type: r.refType === "FOLLOWS_FROM" ? ("followsFrom" as const) : ("childOf" as const),
  }));
  const parent = refs.find((r) => r.traceId === traceId && r.type === "childOf") ?? refs.find((r) => r.traceId === traceId);
  return { ...(parent ? { parentId: parent.spanId } : {}), links: refs.filter((r) => r !== parent) };
}

/** One v1 span in the domain form, before it is placed in the tree. */
export function reshapeV1Span(span: V1Span, traceId: string, processes: Record<string, V1Process>): RawSpan {
  const warnings = [...(span.warnings ?? [])];
  const rawProcess = span.process ?? (span.processID ? processes[span.processID] : undefined);
  if (!rawProcess) warnings.push(`process ${span.processID ?? "(none)"} is not in the trace's processes`);
  const process = reshapeV1Process(rawProcess, warnings);
  const folded = foldV1Tags((span.tags ?? []).map((t) => reshapeV1Tag(t, warnings)));
  const { parentId, links } = splitReferences(span, traceId);
  return {
    spanId: normalizeSpanId(span.spanID),
    ...(parentId !== undefined ? { parentId } : {}),
    service: process.service,
    operation: span.operationName,
    kind: folded.kind,
    startUs: span.startTime,
    durationUs: Math.max(0, span.duration),
    error: folded.error,
    tags: folded.tags,
    logs: (span.logs ?? []).map((l) => ({ timestampUs: l.timestamp, fields: sortLogFields((l.fields ?? []).map((f) => reshapeV1Tag(f, warnings))) })),
    process,
    links,
    warnings,
  };
}

/**
 * A v1 JSON trace (one element of `/api/traces`' `data`) as the console's {@link Trace}; undefined
 * when it has no spans (Jaeger answers an empty trace for an ID it only half knows).
 */
export function reshapeV1Trace(raw: V1Trace): Trace | undefined {
  const spans = raw.spans ?? [];
  const first = spans[0];
  if (!first) return undefined;
  const traceId = normalizeTraceId(raw.traceID) ?? normalizeTraceId(first.traceID) ?? raw.traceID;
  const processes = raw.processes ?? {};
  return assembleTrace(
    traceId,
    spans.map((s) => reshapeV1Span(s, traceId, processes)),
    raw.warnings ?? [],
  );
}
