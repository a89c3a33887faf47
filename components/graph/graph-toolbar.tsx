"use client";

import { graphType as graphTypeSchema } from "@/lib/graph/options";
import {
  EDGE_LABEL_TEXT,
  EDGE_LABELS,
  GRAPH_TYPE_TEXT,
  LAYOUT_TEXT,
  LAYOUTS,
  RENDERERS,
  type EdgeLabelMode,
  type RendererName,
  type GraphViewState,
  type LayoutName,
} from "@/lib/graph-view/view-state";

const select = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";
const button = "rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-50";

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex cursor-pointer items-center gap-1.5 text-sm text-slate-700">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** The graph's options (kept in the URL) and its actions: fit, zoom, re-layout, export. */
export function GraphToolbar({
  view,
  onChange,
  onFit,
  onZoom,
  onRelayout,
  onExportPng,
  onExportSvg,
  busy,
}: {
  view: GraphViewState;
  onChange: (change: Partial<GraphViewState>) => void;
  onFit: () => void;
  onZoom: (factor: number) => void;
  onRelayout: () => void;
  onExportPng: () => void;
  onExportSvg: () => void;
  busy: boolean;
}) {
  return (
    <div role="toolbar" aria-label="Graph options" className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <label className="flex items-center gap-2 text-sm text-slate-600">
        Graph
        <select
          aria-label="Graph type"
          className={select}
          value={view.graphType}
          onChange={(e) => onChange({ graphType: graphTypeSchema.parse(e.target.value), selected: null, focus: null })}
        >
          {graphTypeSchema.options.map((t) => (
            <option key={t} value={t}>
              {GRAPH_TYPE_TEXT[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-600">
        Edge labels
        <select aria-label="Edge labels" className={select} value={view.edgeLabels} onChange={(e) => onChange({ edgeLabels: e.target.value as EdgeLabelMode })}>
          {EDGE_LABELS.map((l) => (
            <option key={l} value={l}>
              {EDGE_LABEL_TEXT[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-600">
        Layout
        <select aria-label="Layout" className={select} value={view.layout} onChange={(e) => onChange({ layout: e.target.value as LayoutName })}>
          {LAYOUTS.map((l) => (
            <option key={l} value={l}>
              {LAYOUT_TEXT[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-600">
        Renderer
        <select aria-label="Renderer" className={select} value={view.renderer} onChange={(e) => onChange({ renderer: e.target.value as RendererName })}>
          {RENDERERS.map((r) => (
            <option key={r} value={r}>
              {r === "auto" ? "Auto" : r === "canvas" ? "Canvas" : "WebGL"}
            </option>
          ))}
        </select>
      </label>
      <Toggle label="Service nodes" checked={view.serviceNodes} onChange={(v) => onChange({ serviceNodes: v, selected: null })} />
      <Toggle label="Idle nodes" checked={view.idle} onChange={(v) => onChange({ idle: v })} />
      <Toggle label="Traffic animation" checked={view.traffic} onChange={(v) => onChange({ traffic: v })} />
      <div className="ml-auto flex items-center gap-1" aria-label="View">
        <button type="button" className={button} onClick={onFit} title="Fit the graph to the view">
          Fit
        </button>
        <button type="button" className={button} onClick={() => onZoom(1.25)} aria-label="Zoom in" title="Zoom in">
          +
        </button>
        <button type="button" className={button} onClick={() => onZoom(0.8)} aria-label="Zoom out" title="Zoom out">
          −
        </button>
        <button type="button" className={button} onClick={onRelayout} disabled={busy} title="Lay the graph out again">
          Re-layout
        </button>
        <button type="button" className={button} onClick={onExportPng} disabled={busy} aria-label="Export PNG" title="Download the graph as PNG">
          PNG
        </button>
        <button type="button" className={button} onClick={onExportSvg} disabled={busy} aria-label="Export SVG" title="Download the graph as SVG">
          SVG
        </button>
      </div>
    </div>
  );
}
