"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { QueryState } from "@/components/ui/query-state";
import { queries } from "@/lib/queries";
import { diffTraces } from "@/lib/tracing/diff";
import { formatDurationUs, shortTraceId } from "@/lib/tracing/format";
import { normalizeTraceId } from "@/lib/tracing/ids";
import type { Trace } from "@/lib/tracing/model";
import { DiffTable } from "./diff-table";

function Side({ label, trace, query }: { label: string; trace: Trace; query: string }) {
  return (
    <div className="rounded border border-slate-200 bg-white p-3 text-sm">
      <span className="mr-2 rounded bg-slate-800 px-1.5 py-0.5 text-xs font-semibold text-white">{label}</span>
      <Link href={`/traces/${trace.traceId}${query}`} className="font-mono text-blue-700 hover:underline">
        {shortTraceId(trace.traceId)}
      </Link>
      <span className="ml-3 tabular-nums">{formatDurationUs(trace.durationUs)}</span>
      <span className="ml-3 text-slate-500">{trace.spans.length} spans</span>
    </div>
  );
}

function Diff({ a, b, query }: { a: Trace; b: Trace; query: string }) {
  const [onlyChanges, setOnlyChanges] = useState(false);
  const diff = useMemo(() => diffTraces(a, b), [a, b]);
  return (
    <div className="space-y-3">
      <div className="grid gap-3 md:grid-cols-2">
        <Side label="A" trace={a} query={query} />
        <Side label="B" trace={b} query={query} />
      </div>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <span>
          B took <strong className="tabular-nums">{formatDurationUs(b.durationUs)}</strong>,{" "}
          <span className="tabular-nums">{formatDurationUs(Math.abs(b.durationUs - a.durationUs))}</span> {b.durationUs > a.durationUs ? "more" : "less"} than A.
        </span>
        <span className="text-slate-600">
          {diff.counts.changed} changed, {diff.counts.removed} only in A, {diff.counts.added} only in B, {diff.counts.same} the same
        </span>
        <label className="ml-auto flex items-center gap-1.5">
          <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} />
          Only differences
        </label>
      </div>
      <DiffTable diff={diff} onlyChanges={onlyChanges} />
    </div>
  );
}

/** Two trace IDs, kept in the URL as `?a=&b=`. */
function PickTraces({ a, b }: { a: string; b: string }) {
  const pathname = usePathname();
  const [draft, setDraft] = useState({ a, b });
  const [error, setError] = useState<string>();
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const na = normalizeTraceId(draft.a.trim());
    const nb = normalizeTraceId(draft.b.trim());
    if (!na || !nb) return setError("Trace IDs are 1 to 32 hex digits.");
    setError(undefined);
    const q = new URLSearchParams(window.location.search);
    q.set("a", na);
    q.set("b", nb);
    window.history.replaceState(null, "", `${pathname}?${q.toString()}`);
  };
  const field = "w-80 rounded border border-slate-300 px-2 py-1 font-mono text-xs";
  return (
    <form onSubmit={handleSubmit} aria-label="Traces to compare" className="flex flex-wrap items-center gap-2 text-sm">
      <input aria-label="Trace A" placeholder="Trace A" className={field} value={draft.a} onChange={(e) => setDraft((d) => ({ ...d, a: e.target.value }))} />
      <input aria-label="Trace B" placeholder="Trace B" className={field} value={draft.b} onChange={(e) => setDraft((d) => ({ ...d, b: e.target.value }))} />
      <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-white hover:bg-slate-700">
        Compare
      </button>
      {error && <span className="text-xs text-red-700">{error}</span>}
    </form>
  );
}

/** The compare view: `?a=<trace>&b=<trace>`, their spans matched by service+operation path. */
export function TraceCompare() {
  const params = useSearchParams();
  const a = params.get("a") ?? "";
  const b = params.get("b") ?? "";
  const qa = useQuery(queries.trace(a));
  const qb = useQuery(queries.trace(b));
  const rest = new URLSearchParams(params);
  rest.delete("a");
  rest.delete("b");
  const query = rest.size > 0 ? `?${rest.toString()}` : "";
  return (
    <div className="space-y-4">
      <PickTraces key={`${a}/${b}`} a={a} b={b} />
      {a && b ? (
        <QueryState isPending={qa.isPending || qb.isPending} error={qa.error ?? qb.error}>
          {qa.data && qb.data && <Diff a={qa.data.trace} b={qb.data.trace} query={query} />}
        </QueryState>
      ) : (
        <p className="text-sm text-slate-500">Give two trace IDs, or tick two traces in a search.</p>
      )}
    </div>
  );
}
