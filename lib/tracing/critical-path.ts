import type { Span, Trace } from "./model";
import { indexSpans } from "./summary";

/** A stretch of time during which `spanId` itself (not one of its children) held up the trace. */
export interface CriticalSegment {
  spanId: string;
  startUs: number;
  endUs: number;
}

export interface CriticalPath {
  /** Chronological; together they cover the root span from start to end without overlap. */
  segments: CriticalSegment[];
  /** Every span with at least one segment, in waterfall order. */
  spanIds: string[];
}

interface Window {
  span: Span;
  startUs: number;
  endUs: number;
}

/**
 * The critical path of a trace: walking back from the end of the root span, the time is charged to the
 * child that finished last before that instant (recursively), and to the span itself where no child was
 * running. Children are first clipped to their parent's time (a child that overflows its parent, as an
 * async or timed-out call does, only counts inside it; one entirely outside is ignored). This is the
 * algorithm of Jaeger UI's critical path (`getCriticalPath`), written as a single pass per span.
 */
export function criticalPath(trace: Trace): CriticalPath {
  const { byId, childrenOf } = indexSpans(trace);
  const root = byId.get(trace.rootSpanId);
  if (!root) return { segments: [], spanIds: [] };
  const reversed: CriticalSegment[] = [];

  const walk = (w: Window): void => {
    const kids: Window[] = [];
    for (const c of childrenOf(w.span.spanId)) {
      const startUs = Math.max(c.startUs, w.startUs);
      const endUs = Math.min(c.startUs + c.durationUs, w.endUs);
      if (endUs >= startUs) kids.push({ span: c, startUs, endUs });
    }
    // Last-finishing first; on a tie, the one that started later (it was the one still being waited on).
    kids.sort((a, b) => b.endUs - a.endUs || b.startUs - a.startUs);
    let cursor = w.endUs;
    let next = 0;
    for (;;) {
      while (next < kids.length && kids[next]!.endUs > cursor) next++;
      const child = kids[next];
      if (!child) {
        if (cursor > w.startUs) reversed.push({ spanId: w.span.spanId, startUs: w.startUs, endUs: cursor });
        return;
      }
      next++;
      if (child.endUs < cursor) reversed.push({ spanId: w.span.spanId, startUs: child.endUs, endUs: cursor });
      walk(child);
      cursor = child.startUs;
      if (cursor <= w.startUs) return;
    }
  };
  walk({ span: root, startUs: root.startUs, endUs: root.startUs + root.durationUs });

  const segments = reversed.reverse();
  const onPath = new Set(segments.map((s) => s.spanId));
  return { segments, spanIds: trace.spans.filter((s) => onPath.has(s.spanId)).map((s) => s.spanId) };
}
