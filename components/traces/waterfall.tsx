"use client";

import { Fragment } from "react";
import type { CriticalSegment } from "@/lib/tracing/critical-path";
import { formatDurationUs } from "@/lib/tracing/format";
import type { Span, Trace } from "@/lib/tracing/model";
import { barPosition, parentsOf, visibleSpans } from "@/lib/tracing/waterfall";
import { SpanDetails } from "./span-details";

const GRID = "grid grid-cols-[minmax(16rem,34%)_1fr]";

function Ticks({ durationUs }: { durationUs: number }) {
  return (
    <div className={`${GRID} sticky top-0 z-10 border-b border-slate-200 bg-white text-[11px] text-slate-500`}>
      <div className="px-2 py-1 font-medium">Service · operation</div>
      <div className="relative h-6">
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <span key={f} className="absolute top-1 border-l border-slate-200 pl-1" style={f === 1 ? { right: 0 } : { left: `${f * 100}%` }}>
            {formatDurationUs(f * durationUs)}
          </span>
        ))}
      </div>
    </div>
  );
}

interface RowProps {
  span: Span;
  trace: Trace;
  color: string;
  critical: CriticalSegment[];
  hasChildren: boolean;
  collapsed: boolean;
  selected: boolean;
  onToggleCollapse: () => void;
  onSelect: () => void;
}

function SpanRow({ span, trace, color, critical, hasChildren, collapsed, selected, onToggleCollapse, onSelect }: RowProps) {
  const bar = barPosition(span.startUs, span.durationUs, trace.startUs, trace.durationUs);
  const labelAfter = bar.left + bar.width < 82;
  return (
    <div
      data-testid="span-row"
      data-span-id={span.spanId}
      data-service={span.service}
      data-critical={critical.length > 0 ? "true" : undefined}
      data-error={span.error ? "true" : undefined}
      className={`${GRID} border-b border-slate-100 text-xs ${selected ? "bg-blue-50" : span.error ? "bg-red-50/60" : "hover:bg-slate-50"}`}
    >
      <div className="flex min-w-0 items-center gap-1 py-1 pr-2" style={{ paddingLeft: `${4 + span.depth * 14}px` }}>
        {hasChildren ? (
          <button
            type="button"
            onClick={onToggleCollapse}
            aria-expanded={!collapsed}
            aria-label={`${collapsed ? "Expand" : "Collapse"} ${span.service} ${span.operation}`}
            className="w-4 shrink-0 text-slate-500 hover:text-slate-900"
          >
            {collapsed ? "▸" : "▾"}
          </button>
        ) : (
          <span className="w-4 shrink-0" />
        )}
        <span className="h-3 w-1 shrink-0 rounded-sm" style={{ backgroundColor: color }} />
        <button type="button" onClick={onSelect} aria-expanded={selected} className="flex min-w-0 items-baseline gap-1.5 text-left" title={`${span.service} ${span.operation}`}>
          {span.error && (
            <span role="img" aria-label="error" className="font-bold text-red-600">
              !
            </span>
          )}
          <span className={`shrink-0 font-medium ${span.error ? "text-red-700" : "text-slate-800"}`}>{span.service}</span>
          <span className="truncate text-slate-500">{span.operation}</span>
          {span.warnings.length > 0 && (
            <span className="shrink-0 text-amber-600" title={span.warnings.join("\n")} aria-label={`${span.warnings.length} warnings`}>
              ⚠
            </span>
          )}
        </button>
      </div>
      <div className="relative h-7 cursor-pointer" onClick={onSelect}>
        <div
          className={`absolute top-1.5 h-3.5 rounded-sm ${span.error ? "ring-2 ring-red-600" : ""}`}
          style={{ left: `${bar.left}%`, width: `${bar.width}%`, backgroundColor: color, opacity: 0.85 }}
        />
        {critical.map((seg, i) => {
          const p = barPosition(seg.startUs, seg.endUs - seg.startUs, trace.startUs, trace.durationUs);
          return <div key={i} data-testid="critical-segment" className="absolute top-[1.35rem] h-1 rounded-sm bg-slate-900" style={{ left: `${p.left}%`, width: `${p.width}%` }} />;
        })}
        {/* After the bar when there is room, else inside its end (never over the names column). */}
        <span
          className={`absolute top-1.5 px-1 text-[11px] leading-[0.875rem] whitespace-nowrap tabular-nums ${labelAfter ? "text-slate-600" : "font-medium text-white"}`}
          style={labelAfter ? { left: `${bar.left + bar.width}%` } : { right: `${Math.max(0, 100 - bar.left - bar.width)}%` }}
        >
          {formatDurationUs(span.durationUs)}
        </span>
      </div>
    </div>
  );
}

/**
 * The trace as a timeline: one row per span, nested by parent and collapsible, bars coloured by
 * service, failed spans in red, the critical path as a dark line under the bars. A row opens its
 * details (tags, logs, process) beneath it.
 */
export function Waterfall({
  trace,
  colors,
  critical,
  collapsed,
  selected,
  onToggleCollapse,
  onSelect,
}: {
  trace: Trace;
  colors: ReadonlyMap<string, string>;
  /** Segments by span ID; empty when the critical path is hidden. */
  critical: ReadonlyMap<string, CriticalSegment[]>;
  collapsed: ReadonlySet<string>;
  selected: string | undefined;
  onToggleCollapse: (spanId: string) => void;
  onSelect: (spanId: string) => void;
}) {
  const parents = parentsOf(trace.spans);
  return (
    <section aria-label="Trace timeline" className="rounded border border-slate-200 bg-white">
      <Ticks durationUs={trace.durationUs} />
      {visibleSpans(trace.spans, collapsed).map((s) => (
        <Fragment key={s.spanId}>
          <SpanRow
            span={s}
            trace={trace}
            color={colors.get(s.service) ?? "#64748b"}
            critical={critical.get(s.spanId) ?? []}
            hasChildren={parents.has(s.spanId)}
            collapsed={collapsed.has(s.spanId)}
            selected={selected === s.spanId}
            onToggleCollapse={() => onToggleCollapse(s.spanId)}
            onSelect={() => onSelect(s.spanId)}
          />
          {selected === s.spanId && <SpanDetails span={s} traceStartUs={trace.startUs} />}
        </Fragment>
      ))}
    </section>
  );
}
