import { promote, rebalance, sameWeights, type VersionWeight } from "./weights";
import { parseNumber } from "./numbers";

/**
 * The traffic-shifting editor's state: each version's weight and the text of its number field (which
 * may hold something invalid while the user types; the input is built from the text so that the
 * schema names the bad field), the locked versions, and what "Roll back" restores.
 *
 * While one version's slider or field has the focus, every new value is rebalanced from the weights
 * it had when the edit began, so the result does not depend on the path: typing "8" then "80", or
 * dragging to 100 and back to 80, ends where entering 80 at once would.
 */
export interface WeightsState {
  rows: Array<VersionWeight & { text: string }>;
  locked: string[];
  /** What "Roll back" restores: the weights before the last promotion, else before the last shift, else those in force. */
  rollbackTo: VersionWeight[];
  /** The version being edited and the weights when its edit began. */
  editing: { version: string; base: VersionWeight[] } | null;
}

export type WeightsAction =
  | { type: "begin"; version: string }
  | { type: "set"; version: string; text: string }
  | { type: "end"; version: string }
  | { type: "toggle-lock"; version: string }
  | { type: "promote"; version: string }
  | { type: "rollback" };

const withText = (ws: readonly VersionWeight[]) => ws.map((w) => ({ version: w.version, weight: w.weight, text: String(w.weight) }));
const plain = (rows: WeightsState["rows"]): VersionWeight[] => rows.map((r) => ({ version: r.version, weight: r.weight }));
const isWeight = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 100;

/** Weights of `target` for the versions of `rows`, in their order (absent = 0). */
function onto(rows: WeightsState["rows"], target: readonly VersionWeight[]): VersionWeight[] {
  return rows.map((r) => ({ version: r.version, weight: target.find((t) => t.version === r.version)?.weight ?? 0 }));
}

/**
 * The editor's first state. `beforeLastApply` (the weights before the last shift, which the backend keeps)
 * becomes the roll-back target when it differs from the weights in force.
 */
export function initialWeightsState(weights: readonly VersionWeight[], beforeLastApply?: readonly VersionWeight[] | null): WeightsState {
  const rows = withText(weights);
  const rollbackTo = beforeLastApply && !sameWeights(beforeLastApply, weights) ? onto(rows, beforeLastApply) : plain(rows);
  return { rows, locked: [], rollbackTo, editing: null };
}

function set(state: WeightsState, version: string, text: string): WeightsState {
  const value = parseNumber(text);
  // Something that is not a weight stays as typed: the field says why, and nothing else moves.
  if (!isWeight(value)) return { ...state, rows: state.rows.map((r) => (r.version === version ? { ...r, text } : r)) };
  const base = state.editing?.version === version ? state.editing.base : plain(state.rows);
  const rows = withText(rebalance(base, version, value, new Set(state.locked)));
  return { ...state, rows: rows.map((r) => (r.version === version && r.weight === value ? { ...r, text } : r)) };
}

/** The editor's reducer (see {@link WeightsAction}). */
export function weightsReducer(state: WeightsState, action: WeightsAction): WeightsState {
  switch (action.type) {
    case "begin":
      return { ...state, editing: { version: action.version, base: plain(state.rows) } };
    case "set":
      return set(state, action.version, action.text);
    case "end": {
      // Valid text is written back as the number it stands for ("080" → "80"); bad text stays to be fixed.
      const rows = state.rows.map((r) => (r.version === action.version && isWeight(parseNumber(r.text)) ? { ...r, text: String(r.weight) } : r));
      return { ...state, rows, editing: null };
    }
    case "toggle-lock":
      return { ...state, editing: null, locked: state.locked.includes(action.version) ? state.locked.filter((v) => v !== action.version) : [...state.locked, action.version] };
    case "promote": {
      const before = plain(state.rows);
      const after = promote(before, action.version);
      if (sameWeights(before, after) && state.rows.every((r) => r.text === String(r.weight))) return state;
      return { ...state, rows: withText(after), rollbackTo: sameWeights(before, after) ? state.rollbackTo : before, editing: null };
    }
    case "rollback":
      return { ...state, rows: withText(onto(state.rows, state.rollbackTo)), editing: null };
  }
}

/** Whether "Roll back" would change anything. */
export function canRollBack(state: WeightsState): boolean {
  return !sameWeights(plain(state.rows), state.rollbackTo) || state.rows.some((r) => r.text !== String(r.weight));
}

/** The weights as the fields show them (what a successful apply writes). */
export function currentWeights(state: WeightsState): VersionWeight[] {
  return plain(state.rows);
}

/** The traffic-shifting input the state stands for (weights from the fields' text, so bad text is reported). */
export function weightsInput(state: WeightsState): { weights: VersionWeight[] } {
  return { weights: state.rows.map((r) => ({ version: r.version, weight: parseNumber(r.text) })) };
}
