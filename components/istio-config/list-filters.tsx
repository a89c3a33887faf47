"use client";

import { ISTIO_KEYS, kindOfKey, type IstioKey } from "@/lib/istio-config/kinds";
import { FINDING_LEVELS, type FindingLevel, type ListViewState } from "@/lib/istio-config/list-view";
import { levelLabel, SeverityIcon } from "./severity";

const toggle = <T,>(list: readonly T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
const chip = (on: boolean) => `rounded-full border px-2 py-0.5 text-xs ${on ? "border-slate-700 bg-slate-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`;

/** Name filter, kind and severity toggles, and the row count. */
export function ListFilters({ state, onChange, kindsPresent, shown, total }: { state: ListViewState; onChange: (c: Partial<ListViewState>) => void; kindsPresent: ReadonlySet<IstioKey>; shown: number; total: number }) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <input
          aria-label="Filter Istio objects by name"
          placeholder="Filter by name…"
          value={state.text}
          onChange={(e) => onChange({ text: e.target.value })}
          className="w-72 rounded border border-slate-300 px-2 py-1 text-sm"
        />
        <div role="group" aria-label="Filter by severity" className="flex items-center gap-1">
          {FINDING_LEVELS.map((l: FindingLevel) => (
            <button key={l} type="button" aria-pressed={state.levels.includes(l)} className={chip(state.levels.includes(l))} onClick={() => onChange({ levels: toggle(state.levels, l) })}>
              <SeverityIcon level={l} /> {levelLabel(l)}
            </button>
          ))}
        </div>
        <span className="text-sm text-slate-500" data-testid="row-count">
          {shown === total ? `${total} objects` : `${shown} of ${total} objects`}
        </span>
      </div>
      <div role="group" aria-label="Filter by kind" className="flex flex-wrap items-center gap-1">
        {ISTIO_KEYS.filter((k) => kindsPresent.has(k) || state.kinds.includes(k)).map((k) => (
          <button key={k} type="button" aria-pressed={state.kinds.includes(k)} className={chip(state.kinds.includes(k))} onClick={() => onChange({ kinds: toggle(state.kinds, k) })}>
            {kindOfKey(k)}
          </button>
        ))}
        {(state.kinds.length > 0 || state.levels.length > 0 || state.text) && (
          <button type="button" className="text-xs text-blue-800 hover:underline" onClick={() => onChange({ kinds: [], levels: [], text: "" })}>
            clear filters
          </button>
        )}
      </div>
    </div>
  );
}
