"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { formatClockUs, formatDurationUs, shortTraceId } from "@/lib/tracing/format";
import { normalizeTraceId } from "@/lib/tracing/ids";
import type { Trace, TraceSummary } from "@/lib/tracing/model";
import { ServiceChip } from "./trace-table";

function Stat({ label, value, tone }: { label: string; value: string | number; tone?: "error" }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`text-sm font-medium tabular-nums ${tone === "error" ? "text-red-700" : ""}`}>{value}</dd>
    </div>
  );
}

/** Compare this trace with another, by ID. */
function CompareWith({ traceId, viewQuery }: { traceId: string; viewQuery: string }) {
  const router = useRouter();
  const [other, setOther] = useState("");
  const [error, setError] = useState<string>();
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    const b = normalizeTraceId(other.trim());
    if (!b) return setError("a trace ID is 1 to 32 hex digits");
    const q = new URLSearchParams(viewQuery.slice(1));
    q.set("a", traceId);
    q.set("b", b);
    router.push(`/traces/compare?${q.toString()}`);
  };
  return (
    <form onSubmit={handleSubmit} className="flex items-center gap-2 text-sm">
      <input aria-label="Trace to compare with" placeholder="Compare with trace ID…" value={other} onChange={(e) => setOther(e.target.value)} className="w-56 rounded border border-slate-300 px-2 py-1 font-mono text-xs" />
      <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
        Compare
      </button>
      {error && <span className="text-xs text-red-700">{error}</span>}
    </form>
  );
}

/** Title, figures and links of a trace: root, start, duration, spans, services, errors, warnings. */
export function TraceHeader({
  trace,
  summary,
  colors,
  graphHref,
  viewQuery,
}: {
  trace: Trace;
  summary: TraceSummary;
  colors: ReadonlyMap<string, string>;
  graphHref: string;
  viewQuery: string;
}) {
  const depth = 1 + Math.max(...trace.spans.map((s) => s.depth));
  return (
    <header className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-xl font-semibold">
          {summary.rootService}: <span className="font-normal">{summary.rootOperation}</span>
        </h1>
        <span className="font-mono text-sm text-slate-500" title={trace.traceId}>
          {shortTraceId(trace.traceId)}
        </span>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <Link href={graphHref} className="rounded bg-slate-800 px-3 py-1 text-sm font-medium text-white hover:bg-slate-700">
            Show on graph
          </Link>
          <CompareWith traceId={trace.traceId} viewQuery={viewQuery} />
        </div>
      </div>
      <dl className="flex flex-wrap gap-x-8 gap-y-2">
        <Stat label="Started" value={formatClockUs(trace.startUs)} />
        <Stat label="Duration" value={formatDurationUs(trace.durationUs)} />
        <Stat label="Spans" value={summary.spanCount} />
        <Stat label="Depth" value={depth} />
        <Stat label="Services" value={summary.services.length} />
        <Stat label="Errors" value={summary.errorCount} tone={summary.errorCount > 0 ? "error" : undefined} />
      </dl>
      <div className="flex flex-wrap gap-1">
        {summary.services.map((s) => (
          <ServiceChip key={s.name} name={s.name} count={s.spanCount} errors={s.errorCount} color={colors.get(s.name)} />
        ))}
      </div>
      {(trace.warnings.length > 0 || summary.warningCount > 0) && (
        <p className="text-xs text-amber-800">
          ⚠ {summary.warningCount} warning{summary.warningCount === 1 ? "" : "s"} (orphan spans, clock skew or Jaeger&apos;s own; open a span marked ⚠ for details)
          {trace.warnings.length > 0 && `: ${trace.warnings.join("; ")}`}
        </p>
      )}
    </header>
  );
}
