import { describe, expect, it } from "vitest";
import { findingsOf, mesh, weightedRoute } from "../fixtures";

const run = (code: string, ...weights: (number | undefined)[]) => findingsOf(code, mesh({ virtualServices: [weightedRoute(...weights)] }));

describe("VS002 weights Istio rejects", () => {
  it("accepts positive totals, whatever they add up to", () => {
    expect(run("VS002", 80, 30)).toEqual([]);
    expect(run("VS002", 100, 0)).toEqual([]);
  });

  it("reports a list of destinations without any weight (total 0)", () => {
    const [f] = run("VS002", undefined, undefined);
    expect(f).toMatchObject({ severity: "error", path: "spec.http[0].route" });
    expect(f?.message).toContain("total weight of 0");
    expect(run("VS002", 0, 0)).toHaveLength(1);
  });

  it("reports a negative weight where it is written", () => {
    expect(run("VS002", 120, -20).map((f) => f.path)).toEqual(["spec.http[0].route[1].weight"]);
  });

  it("does not ask a lone destination for a weight", () => {
    expect(run("VS002", undefined)).toEqual([]);
  });
});
