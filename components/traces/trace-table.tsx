"use client";

import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import { serviceColor, serviceColors } from "@/lib/tracing/colors";
import { formatClockUs, formatDurationUs, shortTraceId } from "@/lib/tracing/format";
import type { TraceSummary } from "@/lib/tracing/model";

/** A service name on its colour (its own stable one unless a view assigns it another), with a count. */
export function ServiceChip({ name, count, errors, color }: { name: string; count?: number; errors?: number; color?: string }) {
  return (
    <span className="inline-flex items-center gap-1 rounded border border-slate-200 bg-slate-50 px-1.5 py-0.5 text-xs">
      <span className="inline-block h-2 w-2 rounded-sm" style={{ backgroundColor: color ?? serviceColor(name) }} />
      {name}
      {count !== undefined && <span className="text-slate-500">({count})</span>}
      {errors ? <span className="text-red-700">{errors}!</span> : null}
    </span>
  );
}

/**
 * The list of found traces: root operation, services, spans, errors, duration (with a bar relative to
 * the longest) and start. Two rows can be picked to compare.
 */
export function TraceTable({
  traces,
  hrefFor,
  selected,
  onToggle,
}: {
  traces: TraceSummary[];
  hrefFor: (traceId: string) => string;
  selected: readonly string[];
  onToggle: (traceId: string) => void;
}) {
  const longest = Math.max(1, ...traces.map((t) => t.durationUs));
  // Colours by first appearance in the list: distinct for the first dozen services.
  const colors = serviceColors([...new Set(traces.flatMap((t) => t.services.map((s) => s.name)))]);
  const columns: Column<TraceSummary>[] = [
    {
      header: "Compare",
      className: "w-16",
      cell: (t) => (
        <input
          type="checkbox"
          aria-label={`Compare ${shortTraceId(t.traceId)}`}
          checked={selected.includes(t.traceId)}
          disabled={!selected.includes(t.traceId) && selected.length >= 2}
          onChange={() => onToggle(t.traceId)}
        />
      ),
    },
    {
      header: "Trace",
      cell: (t) => (
        <Link href={hrefFor(t.traceId)} className="group block">
          <span className="font-medium text-blue-700 group-hover:underline">
            {t.rootService}: {t.rootOperation}
          </span>
          <span className="ml-2 font-mono text-xs text-slate-500">{shortTraceId(t.traceId)}</span>
        </Link>
      ),
    },
    {
      header: "Services",
      cell: (t) => (
        <span className="flex flex-wrap gap-1" data-testid="trace-services">
          {t.services.map((s) => (
            <ServiceChip key={s.name} name={s.name} count={s.spanCount} errors={s.errorCount} color={colors.get(s.name)} />
          ))}
        </span>
      ),
    },
    { header: "Spans", className: "text-right tabular-nums", cell: (t) => t.spanCount },
    {
      header: "Errors",
      className: "text-right tabular-nums",
      cell: (t) => (t.errorCount > 0 ? <span className="font-medium text-red-700">{t.errorCount}</span> : <span className="text-slate-400">0</span>),
    },
    {
      header: "Duration",
      className: "w-40",
      cell: (t) => (
        <span className="flex items-center gap-2">
          <span className="h-1.5 rounded bg-slate-400" style={{ width: `${Math.max(2, (t.durationUs / longest) * 64)}px` }} />
          <span className="tabular-nums">{formatDurationUs(t.durationUs)}</span>
        </span>
      ),
    },
    { header: "Started", className: "tabular-nums text-slate-600", cell: (t) => formatClockUs(t.startUs) },
  ];
  return <DataTable label="Traces" columns={columns} rows={traces} rowKey={(t) => t.traceId} rowTestId="trace-row" />;
}
