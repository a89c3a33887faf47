"use client";

import { useState } from "react";
import type { NodeShapeKey } from "@/lib/graph-view/elements";
import { HEALTH_COLOURS, HEALTH_TEXT } from "@/lib/graph-view/health";
import { NODE_SHAPE_TEXT } from "@/lib/graph-view/styles";
import { LOCK_COLOURS } from "./overlay";

const SHAPE_ICONS: Record<NodeShapeKey, string> = {
  app: "M3,5 h14 a2,2 0 0 1 2,2 v6 a2,2 0 0 1 -2,2 h-14 a2,2 0 0 1 -2,-2 v-6 a2,2 0 0 1 2,-2 z",
  workload: "M10,3 a7,7 0 1 0 0.01,0 z",
  service: "M10,3 L18,17 L2,17 Z",
  serviceEntry: "M2,4 H13 L18,10 L13,16 H2 Z",
  external: "M2,4 H13 L18,10 L13,16 H2 Z",
  unknown: "M10,2 L18,10 L10,18 L2,10 Z",
  root: "M6,3 H14 L18,10 L14,17 H6 L2,10 Z",
};

function Icon({ d, stroke = "#334155", dashed = false }: { d: string; stroke?: string; dashed?: boolean }) {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
      <path d={d} fill="#fff" stroke={stroke} strokeWidth="2" strokeDasharray={dashed ? "3 2" : undefined} />
    </svg>
  );
}

function Line({ colour, dashed = false }: { colour: string; dashed?: boolean }) {
  return (
    <svg width="28" height="10" viewBox="0 0 28 10" aria-hidden="true">
      <line x1="1" y1="5" x2="22" y2="5" stroke={colour} strokeWidth="2.5" strokeDasharray={dashed ? "4 3" : undefined} />
      <path d="M21,1 L27,5 L21,9 Z" fill={colour} />
    </svg>
  );
}

function Lock({ colour }: { colour: string }) {
  return (
    <svg width="14" height="16" viewBox="0 0 14 16" aria-hidden="true">
      <path d="M3.5,7 v-2 a3.5,3.5 0 0 1 7,0 v2" fill="none" stroke={colour} strokeWidth="1.8" />
      <rect x="2" y="7" width="10" height="7" fill={colour} />
    </svg>
  );
}

/** What shapes, colours and marks mean; collapsible, open by default. */
export function GraphLegend() {
  const [open, setOpen] = useState(true);
  const item = "flex items-center gap-2";
  return (
    <section aria-label="Legend" className="max-w-80 rounded border border-slate-200 bg-white/95 p-2 text-xs text-slate-700 shadow-sm">
      <button type="button" aria-expanded={open} className="w-full text-left font-semibold" onClick={() => setOpen((o) => !o)}>
        Legend {open ? "▾" : "▸"}
      </button>
      {open && (
        <div className="mt-1 grid grid-cols-2 gap-x-3 gap-y-0.5">
          {(Object.keys(SHAPE_ICONS) as NodeShapeKey[]).map((k) => (
            <span key={k} className={item}>
              <Icon d={SHAPE_ICONS[k]} dashed={k === "external"} />
              {NODE_SHAPE_TEXT[k]}
            </span>
          ))}
          <p className="col-span-2 mt-1 font-semibold">Node border: request health</p>
          {(["healthy", "degraded", "failure", "no-data"] as const).map((h) => (
            <span key={h} className={item}>
              <Icon d={SHAPE_ICONS.workload} stroke={HEALTH_COLOURS[h]} />
              {HEALTH_TEXT[h]}
            </span>
          ))}
          <p className="col-span-2 mt-1 font-semibold">Edges</p>
          <span className={item}>
            <Line colour="#6b7280" /> No errors
          </span>
          <span className={item}>
            <Line colour={HEALTH_COLOURS.degraded} /> Errors (degraded)
          </span>
          <span className={item}>
            <Line colour={HEALTH_COLOURS.failure} /> Errors (failure)
          </span>
          <span className={item}>
            <Line colour="#2563eb" /> TCP
          </span>
          <span className={item}>
            <Line colour="#cbd5e1" dashed /> Idle
          </span>
          <span className={item}>
            <Lock colour={LOCK_COLOURS.full} /> mTLS
          </span>
          <span className={item}>
            <Lock colour={LOCK_COLOURS.partial} /> Partly mTLS
          </span>
          <span className={`${item} col-span-2`}>
            <span className="inline-block h-2 w-2 rounded-full bg-[#0b3d91]" /> request ·
            <span className="inline-block h-2 w-2 rounded-full bg-[#c9190b]" /> error (traffic animation)
          </span>
        </div>
      )}
    </section>
  );
}
