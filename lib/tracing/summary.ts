import type { Trace, TraceSummary } from "./model";

/** The line a trace gets in a list or a scatter plot: root, duration, spans and errors per service. */
export function summarizeTrace(trace: Trace): TraceSummary {
  const root = trace.spans.find((s) => s.spanId === trace.rootSpanId) ?? trace.spans[0];
  const services = new Map<string, { name: string; spanCount: number; errorCount: number }>();
  let errorCount = 0;
  let warningCount = 0;
  for (const s of trace.spans) {
    const entry = services.get(s.service) ?? { name: s.service, spanCount: 0, errorCount: 0 };
    entry.spanCount += 1;
    if (s.error) {
      entry.errorCount += 1;
      errorCount += 1;
    }
    warningCount += s.warnings.length;
    services.set(s.service, entry);
  }
  return {
    traceId: trace.traceId,
    rootService: root?.service ?? "",
    rootOperation: root?.operation ?? "",
    startUs: trace.startUs,
    durationUs: trace.durationUs,
    spanCount: trace.spans.length,
    errorCount,
    warningCount: warningCount + trace.warnings.length,
    services: [...services.values()],
  };
}

/** Index of a trace's spans: by ID and the children of each (in waterfall order). */
export function indexSpans(trace: Trace) {
  const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
  const children = new Map<string, Trace["spans"]>();
  for (const s of trace.spans) {
    if (s.parentId === undefined) continue;
    const list = children.get(s.parentId) ?? [];
    list.push(s);
    children.set(s.parentId, list);
  }
  return { byId, childrenOf: (id: string) => children.get(id) ?? [] };
}
