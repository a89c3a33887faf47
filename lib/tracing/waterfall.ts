import type { Span } from "./model";

/**
 * The spans a waterfall shows when the spans in `collapsed` have their subtrees folded away. `spans`
 * must be in waterfall order (a trace's `spans`): a subtree is the run of deeper spans after its root.
 */
export function visibleSpans(spans: readonly Span[], collapsed: ReadonlySet<string>): Span[] {
  const out: Span[] = [];
  let hideBelow = Infinity;
  for (const s of spans) {
    if (s.depth > hideBelow) continue;
    hideBelow = collapsed.has(s.spanId) ? s.depth : Infinity;
    out.push(s);
  }
  return out;
}

/** IDs of the spans that have children. */
export function parentsOf(spans: readonly Span[]): Set<string> {
  return new Set(spans.flatMap((s) => (s.parentId !== undefined ? [s.parentId] : [])));
}

/** Where a span sits on the trace's time axis, as percentages (a minimum width keeps it visible). */
export function barPosition(startUs: number, durationUs: number, traceStartUs: number, traceDurationUs: number): { left: number; width: number } {
  const total = Math.max(traceDurationUs, 1);
  const left = ((startUs - traceStartUs) / total) * 100;
  return { left: Math.min(Math.max(left, 0), 100), width: Math.max((durationUs / total) * 100, 0.15) };
}
