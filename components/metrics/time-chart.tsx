"use client";

import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { MetricChart } from "@/lib/metrics/charts";
import { formatValue } from "@/lib/metrics/format";

/** Distinct colours, in order; the first is the usual "total". */
const PALETTE = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#475569", "#ea580c", "#0d9488", "#9333ea"];

function options(chart: MetricChart, width: number, height: number): uPlot.Options {
  const fmt = (v: number | null) => formatValue(v, chart.unit);
  return {
    width,
    height,
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: (_u, min, max) => (chart.unit === "percent" ? [Math.min(min, 90), 100] : [0, max > 0 ? max * 1.1 : 1]) } },
    axes: [
      { stroke: "#64748b", grid: { stroke: "#f1f5f9" }, ticks: { stroke: "#e2e8f0" } },
      { stroke: "#64748b", grid: { stroke: "#f1f5f9" }, ticks: { stroke: "#e2e8f0" }, size: 70, values: (_u, splits) => splits.map((v) => fmt(v)) },
    ],
    series: [
      {},
      ...chart.series.map((s, i) => ({
        label: s.name,
        stroke: PALETTE[i % PALETTE.length],
        width: 1.5,
        points: { show: false },
        spanGaps: false,
        value: (_u: uPlot, v: number | null) => fmt(v),
      })),
    ],
  };
}

/**
 * One time series chart drawn by uPlot (canvas; tens of thousands of points stay fast): sized to its
 * container, recreated when the series change, fed new data in place otherwise.
 */
export function TimeChart({ chart, timestamps, height = 170 }: { chart: MetricChart; timestamps: readonly number[]; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = `${chart.unit}|${chart.series.map((s) => s.name).join("|")}`;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data: uPlot.AlignedData = [[...timestamps], ...chart.series.map((s) => [...s.values])];
    if (plot.current && plot.current.series.length - 1 === chart.series.length && plot.current.root.dataset.shape === shape) {
      plot.current.setData(data);
      return;
    }
    plot.current?.destroy();
    const u = new uPlot(options(chart, Math.max(200, el.clientWidth), height), data, el);
    u.root.dataset.shape = shape;
    plot.current = u;
  }, [chart, timestamps, shape, height]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, el.clientWidth), height }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [height]);

  useEffect(() => () => plot.current?.destroy(), []);

  const points = chart.series.reduce((n, s) => n + s.values.filter((v) => v !== null).length, 0);
  return (
    <figure className="min-w-0 rounded border border-slate-200 bg-white p-2" data-testid="metric-chart" data-chart={chart.id} data-points={points}>
      <figcaption className="mb-1 text-xs font-medium text-slate-600">{chart.title}</figcaption>
      {chart.series.length === 0 ? (
        <p className="flex items-center justify-center text-xs text-slate-400" style={{ height }}>
          No data in this window
        </p>
      ) : (
        <div ref={box} className="w-full" />
      )}
    </figure>
  );
}
