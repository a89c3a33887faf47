import { describe, expect, it } from "vitest";
import { trafficShiftingInput } from "../inputs";
import { schemaFieldErrors } from "./issues";
import { canRollBack, initialWeightsState, weightsInput, weightsReducer, type WeightsAction, type WeightsState } from "./weights-state";

const start = () => initialWeightsState([
  { version: "v1", weight: 50 },
  { version: "v2", weight: 0 },
  { version: "v3", weight: 50 },
]);
const run = (s: WeightsState, ...actions: WeightsAction[]) => actions.reduce(weightsReducer, s);
const weights = (s: WeightsState) => s.rows.map((r) => r.weight);

describe("the traffic-shifting editor", () => {
  it("reaches 80/0/20 from 50/0/50 by typing 80 into v1", () => {
    const s = run(start(), { type: "begin", version: "v1" }, { type: "set", version: "v1", text: "8" }, { type: "set", version: "v1", text: "80" }, { type: "end", version: "v1" });
    expect(weights(s)).toEqual([80, 0, 20]);
    expect(s.rows.map((r) => r.text)).toEqual(["80", "0", "20"]);
    expect(trafficShiftingInput.safeParse(weightsInput(s)).success).toBe(true);
  });

  it("rebalances as a slider moves, leaving a locked version alone", () => {
    const s = run(start(), { type: "set", version: "v2", text: "20" }, { type: "toggle-lock", version: "v2" }, { type: "set", version: "v1", text: "70" });
    expect(weights(s)).toEqual([70, 20, 10]);
    expect(run(s, { type: "toggle-lock", version: "v2" }).locked).toEqual([]);
  });

  it("rebalances from where the edit began, whatever the path", () => {
    const from100 = initialWeightsState([{ version: "v1", weight: 100 }, { version: "v2", weight: 0 }, { version: "v3", weight: 0 }]);
    const typed = run(from100, { type: "begin", version: "v1" }, { type: "set", version: "v1", text: "8" }, { type: "set", version: "v1", text: "80" });
    expect(weights(typed)).toEqual([80, 10, 10]);
    const dragged = run(start(), { type: "begin", version: "v1" }, ...[60, 80, 100, 90, 80].map((v) => ({ type: "set" as const, version: "v1", text: String(v) })), { type: "end", version: "v1" });
    expect(weights(dragged)).toEqual([80, 0, 20]);
    // Without a begun edit (no focus), each value builds on the last.
    expect(weights(run(start(), { type: "set", version: "v1", text: "100" }, { type: "set", version: "v1", text: "80" }))).toEqual([80, 10, 10]);
  });

  it("keeps a bad number as typed, moves nothing, and reports it on that field", () => {
    const s = run(start(), { type: "begin", version: "v1" }, { type: "set", version: "v1", text: "150" }, { type: "end", version: "v1" });
    expect(weights(s)).toEqual([50, 0, 50]);
    expect(s.rows[0]?.text).toBe("150");
    const errors = schemaFieldErrors(trafficShiftingInput, weightsInput(s));
    expect(errors["weights.0.weight"]).toEqual(["must be at most 100"]);
    expect(errors.weights?.[0]).toMatch(/sum to 100 \(they sum to 200\)/);
    const typo = schemaFieldErrors(trafficShiftingInput, weightsInput(run(start(), { type: "set", version: "v3", text: "2O" })));
    expect(typo["weights.2.weight"]).toEqual(["must be a number"]);
  });

  it("promotes, then rolls back to the weights before the promotion", () => {
    const s = run(start(), { type: "set", version: "v1", text: "80" }, { type: "promote", version: "v3" });
    expect(weights(s)).toEqual([0, 0, 100]);
    expect(canRollBack(s)).toBe(true);
    const back = run(s, { type: "rollback" });
    expect(weights(back)).toEqual([80, 0, 20]);
    expect(canRollBack(back)).toBe(false);
  });

  it("rolls back to the weights before the last apply when the browser kept them", () => {
    const s = initialWeightsState([{ version: "v1", weight: 80 }, { version: "v3", weight: 20 }], [{ version: "v1", weight: 50 }, { version: "v3", weight: 50 }]);
    expect(canRollBack(s)).toBe(true);
    expect(weights(run(s, { type: "rollback" }))).toEqual([50, 50]);
    // Without a remembered apply, rolling back undoes the edits.
    const edited = run(start(), { type: "set", version: "v1", text: "10" });
    expect(weights(run(edited, { type: "rollback" }))).toEqual([50, 0, 50]);
  });
});
