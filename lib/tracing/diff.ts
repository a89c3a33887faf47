import type { Trace } from "./model";
import { indexSpans } from "./summary";

/** The spans of one trace at one path. */
export interface PathStats {
  count: number;
  errors: number;
  totalUs: number;
  meanUs: number;
  maxUs: number;
}

export type DiffChange = "count" | "errors" | "duration";

export interface DiffRow {
  /** `service operation` of each span from the root down to this one. */
  path: string[];
  /** `path` joined, unique within a diff. */
  key: string;
  depth: number;
  service: string;
  operation: string;
  a?: PathStats;
  b?: PathStats;
  status: "same" | "changed" | "added" | "removed";
  /** For `changed`: what differs. */
  changes: DiffChange[];
  /** `b.meanUs - a.meanUs` when both have the path. */
  deltaMeanUs?: number;
}

export interface TraceDiff {
  a: { traceId: string; durationUs: number; spanCount: number };
  b: { traceId: string; durationUs: number; spanCount: number };
  /** Tree order: a path's rows follow their parent's; A's order first, then what only B has. */
  rows: DiffRow[];
  counts: Record<DiffRow["status"], number>;
}

export interface DiffOptions {
  /** A mean duration counts as changed when it differs by at least this share of A's (default 0.2)… */
  relative?: number;
  /** …and by at least this many microseconds (default 1000), so that jitter is not a change. */
  absoluteUs?: number;
}

const SEP = "\u0000";

interface PathEntry {
  path: string[];
  service: string;
  operation: string;
  stats: PathStats;
}

/** Groups a trace's spans by their service+operation path from the root, in waterfall order. */
export function spansByPath(trace: Trace): Map<string, PathEntry> {
  const { byId } = indexSpans(trace);
  const pathOf = new Map<string, string[]>();
  const out = new Map<string, PathEntry>();
  // Waterfall order puts every parent before its children, so one pass suffices.
  for (const s of trace.spans) {
    const parentPath = s.parentId !== undefined && byId.has(s.parentId) ? (pathOf.get(s.parentId) ?? []) : [];
    const path = [...parentPath, `${s.service} ${s.operation}`];
    pathOf.set(s.spanId, path);
    const key = path.join(SEP);
    const entry = out.get(key) ?? { path, service: s.service, operation: s.operation, stats: { count: 0, errors: 0, totalUs: 0, meanUs: 0, maxUs: 0 } };
    entry.stats.count += 1;
    entry.stats.errors += s.error ? 1 : 0;
    entry.stats.totalUs += s.durationUs;
    entry.stats.maxUs = Math.max(entry.stats.maxUs, s.durationUs);
    entry.stats.meanUs = entry.stats.totalUs / entry.stats.count;
    out.set(key, entry);
  }
  return out;
}

/**
 * Compares two traces span by span, matching spans by their path of `service operation` from the root
 * (so the same call made from two places is two rows): which paths only one trace has, and for the
 * shared ones whether the number of spans, of errors or the mean duration changed.
 */
export function diffTraces(a: Trace, b: Trace, opts: DiffOptions = {}): TraceDiff {
  const relative = opts.relative ?? 0.2;
  const absoluteUs = opts.absoluteUs ?? 1_000;
  const pa = spansByPath(a);
  const pb = spansByPath(b);

  // A trie of the union of paths keeps the tree order: A's paths in A's order, B's extras after.
  const childKeys = new Map<string, string[]>();
  const add = (key: string, path: string[]) => {
    const parent = path.slice(0, -1).join(SEP);
    const list = childKeys.get(parent) ?? [];
    if (!list.includes(key)) list.push(key);
    childKeys.set(parent, list);
  };
  for (const [key, e] of pa) add(key, e.path);
  for (const [key, e] of pb) add(key, e.path);

  const rows: DiffRow[] = [];
  const counts = { same: 0, changed: 0, added: 0, removed: 0 };
  const visit = (parent: string) => {
    for (const key of childKeys.get(parent) ?? []) {
      const ea = pa.get(key);
      const eb = pb.get(key);
      const e = (ea ?? eb)!;
      const row: DiffRow = { path: e.path, key: e.path.join(" › "), depth: e.path.length - 1, service: e.service, operation: e.operation, status: "same", changes: [] };
      if (ea) row.a = ea.stats;
      if (eb) row.b = eb.stats;
      if (ea && eb) {
        row.deltaMeanUs = eb.stats.meanUs - ea.stats.meanUs;
        if (ea.stats.count !== eb.stats.count) row.changes.push("count");
        if (ea.stats.errors !== eb.stats.errors) row.changes.push("errors");
        const d = Math.abs(row.deltaMeanUs);
        if (d >= absoluteUs && d >= relative * ea.stats.meanUs) row.changes.push("duration");
        row.status = row.changes.length > 0 ? "changed" : "same";
      } else row.status = ea ? "removed" : "added";
      counts[row.status] += 1;
      rows.push(row);
      visit(key);
    }
  };
  visit("");
  const side = (t: Trace) => ({ traceId: t.traceId, durationUs: t.durationUs, spanCount: t.spans.length });
  return { a: side(a), b: side(b), rows, counts };
}
