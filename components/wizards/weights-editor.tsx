"use client";

import { useId } from "react";
import { errorAt, type FieldErrors } from "@/lib/wizards/ui/issues";
import { maxWeight, minWeight } from "@/lib/wizards/ui/weights";
import { canRollBack, currentWeights, type WeightsAction, type WeightsState } from "@/lib/wizards/ui/weights-state";
import { buttonClass, FieldError, inputClass } from "./fields";

/**
 * Weights across a service's versions: a slider and a number field per version (both keyboard
 * usable), a lock, promote (100% to that version) and roll back. The total stays 100 as values move;
 * `path` is where the weights sit in the input (`weights`, `rules.0.routes`) so errors land here.
 */
export function WeightsEditor({
  state,
  dispatch,
  errors,
  path,
  label,
  describe,
  scope = "",
}: {
  state: WeightsState;
  dispatch: (a: WeightsAction) => void;
  errors: FieldErrors;
  path: string;
  label: string;
  /** Extra words per version (its workloads, a missing sidecar). */
  describe?: (version: string) => string | undefined;
  /** Appended to each input's accessible name when several editors share a page (" in rule 2"). */
  scope?: string;
}) {
  const ws = currentWeights(state);
  const locked = new Set(state.locked);
  const total = state.rows.reduce((s, r) => s + (Number.isFinite(Number(r.text)) ? Number(r.text) : 0), 0);
  const rollback = state.rollbackTo.map((w) => w.weight).join(" / ");
  return (
    <div role="group" aria-label={label} className="space-y-2" data-testid="weights-editor">
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="py-1 font-medium">Version</th>
            <th className="py-1 font-medium">Weight</th>
            <th className="py-1 font-medium">%</th>
            <th className="py-1 font-medium">Actions</th>
          </tr>
        </thead>
        <tbody>
          {state.rows.map((r, i) => (
            <WeightRow
              key={r.version}
              row={r}
              field={`${path}.${i}.weight`}
              error={errorAt(errors, `${path}.${i}.weight`) ?? errorAt(errors, `${path}.${i}.version`)}
              locked={locked.has(r.version)}
              min={minWeight(ws, r.version, locked)}
              max={maxWeight(ws, r.version, locked)}
              note={describe?.(r.version)}
              scope={scope}
              dispatch={dispatch}
            />
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap items-center gap-3 text-xs">
        <span data-testid="weights-total" className={total === 100 ? "text-slate-600" : "font-medium text-red-700"}>
          Total {total}%
        </span>
        <button type="button" className={buttonClass} disabled={!canRollBack(state)} onClick={() => dispatch({ type: "rollback" })}>
          Roll back{scope} to {rollback}
        </button>
      </div>
      <FieldError field={path} message={errorAt(errors, path)} />
    </div>
  );
}

function WeightRow({
  row,
  field,
  error,
  locked,
  min,
  max,
  note,
  scope,
  dispatch,
}: {
  row: WeightsState["rows"][number];
  field: string;
  error: string | undefined;
  locked: boolean;
  min: number;
  max: number;
  note?: string;
  scope: string;
  dispatch: (a: WeightsAction) => void;
}) {
  const id = useId();
  const v = row.version;
  const edit = {
    onFocus: () => dispatch({ type: "begin", version: v }),
    onBlur: () => dispatch({ type: "end", version: v }),
  };
  return (
    <tr data-testid="weight-row" data-version={v} className="border-t border-slate-100 align-top">
      <td className="py-2 pr-3">
        <span className="font-mono">{v}</span>
        {note && <span className="block text-xs text-slate-500">{note}</span>}
      </td>
      <td className="w-1/2 py-2 pr-3">
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          value={row.weight}
          disabled={locked || min === max}
          aria-label={`Weight of ${v}${scope} (slider)`}
          aria-valuetext={`${row.weight}%`}
          className="w-full"
          onChange={(e) => dispatch({ type: "set", version: v, text: e.target.value })}
          {...edit}
        />
      </td>
      <td className="py-2 pr-3">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          value={row.text}
          disabled={locked}
          aria-label={`Weight of ${v}${scope}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-field={field}
          className={`${inputClass} w-20`}
          onChange={(e) => dispatch({ type: "set", version: v, text: e.target.value })}
          {...edit}
        />
        <FieldError id={`${id}-error`} field={field} message={error} />
      </td>
      <td className="space-x-1 whitespace-nowrap py-2">
        <button type="button" className={`${buttonClass} aria-pressed:bg-slate-700 aria-pressed:text-white`} aria-pressed={locked} title={locked ? "Locked: other versions' changes leave it alone" : undefined} onClick={() => dispatch({ type: "toggle-lock", version: v })}>
          Lock {v}
          {scope}
        </button>
        <button type="button" className={buttonClass} disabled={row.weight === 100 && row.text === "100"} onClick={() => dispatch({ type: "promote", version: v })}>
          Promote {v}
          {scope}
        </button>
      </td>
    </tr>
  );
}
