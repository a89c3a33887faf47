import type { SimSpan } from "../tracing/span-store";
import { microsToNanoString } from "./to-otlp";

/**
 * One entry of `GET /api/v3/trace-summaries` (`FindTraceSummaries`). As in proto3 JSON, counts that
 * are zero are left out.
 */
export interface TraceSummary {
  traceId: string;
  rootServiceName: string;
  rootOperationName: string;
  minStartTimeUnixNano: string;
  maxEndTimeUnixNano: string;
  spanCount?: number;
  errorSpanCount?: number;
  orphanSpanCount?: number;
  services: Array<{ name: string; spanCount?: number; errorSpanCount?: number }>;
}

function nonZero(n: number): number | undefined {
  return n === 0 ? undefined : n;
}

function pickRoot(spans: readonly SimSpan[]): SimSpan | undefined {
  const withoutParent = spans.filter((s) => !s.parentSpanId);
  const candidates = withoutParent.length > 0 ? withoutParent : spans;
  return [...candidates].sort((a, b) => a.startTimeUs - b.startTimeUs)[0];
}

/** Summarises one trace: its root, time span, span and error counts, overall and per service. */
export function toTraceSummary(spans: readonly SimSpan[]): TraceSummary {
  const root = pickRoot(spans);
  const ids = new Set(spans.map((s) => s.spanId));
  const perService = new Map<string, { spans: number; errors: number }>();
  let minStart = Number.POSITIVE_INFINITY;
  let maxEnd = 0;
  let errors = 0;
  let orphans = 0;
  for (const s of spans) {
    minStart = Math.min(minStart, s.startTimeUs);
    maxEnd = Math.max(maxEnd, s.startTimeUs + Math.max(0, s.durationUs));
    if (s.error) errors++;
    if (s.parentSpanId && !ids.has(s.parentSpanId)) orphans++;
    const svc = perService.get(s.serviceName) ?? { spans: 0, errors: 0 };
    svc.spans++;
    if (s.error) svc.errors++;
    perService.set(s.serviceName, svc);
  }
  const summary: TraceSummary = {
    traceId: (root?.traceId ?? "").toLowerCase().padStart(32, "0"),
    rootServiceName: root?.serviceName ?? "",
    rootOperationName: root?.operationName ?? "",
    minStartTimeUnixNano: microsToNanoString(Number.isFinite(minStart) ? minStart : 0),
    maxEndTimeUnixNano: microsToNanoString(maxEnd),
    spanCount: nonZero(spans.length),
    errorSpanCount: nonZero(errors),
    orphanSpanCount: nonZero(orphans),
    services: [...perService.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, c]) => ({ name, spanCount: nonZero(c.spans), errorSpanCount: nonZero(c.errors) })),
  };
  return summary;
}
