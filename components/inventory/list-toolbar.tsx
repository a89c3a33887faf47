"use client";

import { HEALTH_STATUSES_BY_SEVERITY, type HealthStatus } from "@/lib/health/status";
import { HEALTH_LABEL } from "./format";
import { liveLabel, type LiveState } from "./use-live-updates";

/** Filter box, health filter, row count and live state of a list. */
export function ListToolbar({
  what,
  text,
  onTextChange,
  health,
  onHealthChange,
  shown,
  total,
  live,
  placeholder = "Filter by name or label (app=reviews)…",
}: {
  what: string;
  text: string;
  onTextChange: (t: string) => void;
  health: HealthStatus | "";
  onHealthChange: (h: HealthStatus | "") => void;
  shown: number;
  total: number;
  live: LiveState;
  placeholder?: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <input
        aria-label={`Filter ${what}`}
        placeholder={placeholder}
        value={text}
        onChange={(e) => onTextChange(e.target.value)}
        className="w-80 rounded border border-slate-300 px-2 py-1 text-sm"
      />
      <label className="flex items-center gap-2 text-sm text-slate-600">
        Health
        <select
          aria-label="Filter by health"
          value={health}
          onChange={(e) => onHealthChange(e.target.value as HealthStatus | "")}
          className="rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          <option value="">Any</option>
          {[...HEALTH_STATUSES_BY_SEVERITY].reverse().map((s) => (
            <option key={s} value={s}>
              {HEALTH_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <span className="text-sm text-slate-500" data-testid="row-count">
        {shown === total ? `${total} ${what}` : `${shown} of ${total} ${what}`}
      </span>
      <span className="ml-auto flex items-center gap-1.5 text-xs text-slate-500" title={liveLabel(live)}>
        <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${live === "live" ? "bg-emerald-500" : live === "connecting" ? "bg-amber-400" : "bg-slate-300"}`} />
        {live === "live" ? "Live" : live === "connecting" ? "Connecting…" : "Polling"}
      </span>
    </div>
  );
}
