"use client";

import type { KeyboardEvent } from "react";
import { formatClockUs, formatDurationUs, shortTraceId } from "@/lib/tracing/format";
import type { TraceSummary } from "@/lib/tracing/model";

const W = 900;
const H = 220;
const PAD = { left: 64, right: 16, top: 12, bottom: 28 };

/** About `n` round steps covering [0, max]. */
function niceStep(max: number, n: number): number {
  const raw = max / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
}

/**
 * Traces as dots: start time across, duration up, size by span count, red when any span failed.
 * Inline SVG (no chart library). A dot opens its trace on click, Enter or Space.
 */
export function ScatterPlot({ traces, onOpen }: { traces: TraceSummary[]; onOpen: (traceId: string) => void }) {
  if (traces.length === 0) return null;
  let t0 = Infinity;
  let t1 = -Infinity;
  let maxDur = 1;
  let maxSpans = 1;
  for (const t of traces) {
    t0 = Math.min(t0, t.startUs);
    t1 = Math.max(t1, t.startUs);
    maxDur = Math.max(maxDur, t.durationUs);
    maxSpans = Math.max(maxSpans, t.spanCount);
  }
  // A single instant still gets a readable axis: widen it by a second either side.
  if (t1 - t0 < 2_000_000) {
    const mid = (t0 + t1) / 2;
    t0 = mid - 1_000_000;
    t1 = mid + 1_000_000;
  }
  const yStep = niceStep(maxDur, 4);
  const yMax = Math.ceil(maxDur / yStep) * yStep;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (us: number) => PAD.left + ((us - t0) / (t1 - t0)) * plotW;
  const y = (us: number) => PAD.top + plotH - (us / yMax) * plotH;
  const r = (spans: number) => 3 + 6 * Math.sqrt(spans / maxSpans);
  const yTicks = Array.from({ length: Math.round(yMax / yStep) + 1 }, (_, i) => i * yStep);
  const xTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => t0 + f * (t1 - t0));
  const handleKey = (id: string) => (e: KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      onOpen(id);
    }
  };

  return (
    <figure className="rounded border border-slate-200 bg-white p-2">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="group" aria-label="Traces by start time and duration">
        {yTicks.map((v) => (
          <g key={`y${v}`}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="stroke-slate-100" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="fill-slate-500 text-[11px]">
              {formatDurationUs(v)}
            </text>
          </g>
        ))}
        {xTicks.map((v, i) => (
          <text key={`x${i}`} x={x(v)} y={H - 8} textAnchor={i === 0 ? "start" : i === 4 ? "end" : "middle"} className="fill-slate-500 text-[11px]">
            {formatClockUs(v)}
          </text>
        ))}
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} className="stroke-slate-300" />
        {traces.map((t) => {
          const label = `${t.rootService}: ${t.rootOperation}, ${formatDurationUs(t.durationUs)}, ${t.spanCount} spans${t.errorCount ? `, ${t.errorCount} errors` : ""} (${shortTraceId(t.traceId)})`;
          return (
            <circle
              key={t.traceId}
              data-testid="trace-dot"
              data-key={t.traceId}
              cx={x(t.startUs)}
              cy={y(t.durationUs)}
              r={r(t.spanCount)}
              role="link"
              tabIndex={0}
              aria-label={label}
              onClick={() => onOpen(t.traceId)}
              onKeyDown={handleKey(t.traceId)}
              className={`cursor-pointer stroke-white stroke-1 opacity-80 outline-none hover:opacity-100 focus:stroke-slate-900 focus:stroke-2 ${t.errorCount > 0 ? "fill-red-600" : "fill-blue-600"}`}
            >
              <title>{label}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption className="flex gap-4 px-2 text-xs text-slate-500">
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-2 w-2 rounded-full bg-blue-600" /> trace
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="inline-block h-2 w-2 rounded-full bg-red-600" /> with errors
        </span>
        <span>size: number of spans</span>
      </figcaption>
    </figure>
  );
}
