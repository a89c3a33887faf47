"use client";

import { REFRESH_INTERVALS, TIME_WINDOWS, type RefreshInterval, type TimeWindow } from "@/lib/url-state";
import { useViewState } from "./use-view-state";

const selectClass = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";

/** The time window every metric on the page covers. */
export function WindowPicker() {
  const [state, set] = useViewState();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      Window
      <select
        aria-label="Time window"
        className={selectClass}
        value={state.window}
        onChange={(e) => set({ window: e.target.value as TimeWindow })}
      >
        {TIME_WINDOWS.map((w) => (
          <option key={w} value={w}>
            Last {w}
          </option>
        ))}
      </select>
    </label>
  );
}

/** How often the page's data is fetched again. */
export function RefreshPicker() {
  const [state, set] = useViewState();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      Refresh
      <select
        aria-label="Refresh interval"
        className={selectClass}
        value={state.refresh}
        onChange={(e) => set({ refresh: e.target.value as RefreshInterval })}
      >
        {REFRESH_INTERVALS.map((r) => (
          <option key={r} value={r}>
            {r === "off" ? "Off" : `Every ${r}`}
          </option>
        ))}
      </select>
    </label>
  );
}
