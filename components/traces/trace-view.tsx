"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { useViewQuery } from "@/components/layout/use-view-state";
import { QueryState } from "@/components/ui/query-state";
import { queries } from "@/lib/queries";
import { serviceColors } from "@/lib/tracing/colors";
import { criticalPath, type CriticalSegment } from "@/lib/tracing/critical-path";
import { traceGraphHref } from "@/lib/tracing/graph-hops";
import type { Trace } from "@/lib/tracing/model";
import { summarizeTrace } from "@/lib/tracing/summary";
import { parentsOf } from "@/lib/tracing/waterfall";
import { TraceHeader } from "./trace-header";
import { Waterfall } from "./waterfall";

function TraceDetail({ trace }: { trace: Trace }) {
  const viewQuery = useViewQuery();
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const [selected, setSelected] = useState<string>();
  const [showCritical, setShowCritical] = useState(true);
  const summary = useMemo(() => summarizeTrace(trace), [trace]);
  const colors = useMemo(() => serviceColors(trace.services), [trace]);
  const critical = useMemo(() => {
    const bySpan = new Map<string, CriticalSegment[]>();
    for (const seg of criticalPath(trace).segments) bySpan.set(seg.spanId, [...(bySpan.get(seg.spanId) ?? []), seg]);
    return bySpan;
  }, [trace]);
  const graphHref = traceGraphHref(trace, new URLSearchParams(viewQuery.slice(1)));
  const handleToggle = (id: string) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="space-y-3">
      <TraceHeader trace={trace} summary={summary} colors={colors} graphHref={graphHref} viewQuery={viewQuery} />
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={showCritical} onChange={(e) => setShowCritical(e.target.checked)} />
          Critical path <span className="inline-block h-1 w-6 rounded-sm bg-slate-900" />
        </label>
        <button type="button" className="text-blue-700 hover:underline" onClick={() => setCollapsed(new Set(parentsOf(trace.spans)))}>
          Collapse all
        </button>
        <button type="button" className="text-blue-700 hover:underline" onClick={() => setCollapsed(new Set())}>
          Expand all
        </button>
        <span className="ml-auto text-xs text-slate-500">Click a span for its tags, logs and process; ⚠ marks spans with warnings.</span>
      </div>
      <Waterfall
        trace={trace}
        colors={colors}
        critical={showCritical ? critical : new Map()}
        collapsed={collapsed}
        selected={selected}
        onToggleCollapse={handleToggle}
        onSelect={(id) => setSelected((s) => (s === id ? undefined : id))}
      />
    </div>
  );
}

/** The trace view: header, links and the waterfall of one trace, fetched by ID. */
export function TraceView({ traceId }: { traceId: string }) {
  // Opened from a search, the URL still carries it: the way back returns to it.
  const pageQuery = useSearchParams().toString();
  const { data, error, isPending } = useQuery(queries.trace(traceId));
  return (
    <div className="space-y-3">
      <Link href={`/traces${pageQuery ? `?${pageQuery}` : ""}`} className="text-sm text-blue-700 hover:underline">
        ← Traces
      </Link>
      <QueryState isPending={isPending} error={error}>
        {data && <TraceDetail trace={data.trace} />}
      </QueryState>
    </div>
  );
}
