import { describe, expect, it } from "vitest";
import { findingsOf, mesh, weightedRoute } from "../fixtures";

const run = (code: string, ...weights: (number | undefined)[]) => findingsOf(code, mesh({ virtualServices: [weightedRoute(...weights)] }));

describe("VS003 weight on a lone destination", () => {
  it("accepts a lone destination without a weight or with 100", () => {
    expect(run("VS003", undefined)).toEqual([]);
    expect(run("VS003", 100)).toEqual([]);
  });

  it.each([50, 0])("reports weight %i: the destination gets all the traffic anyway", (w) => {
    const [f] = run("VS003", w);
    expect(f).toMatchObject({ severity: "info", path: "spec.http[0].route[0].weight" });
    expect(f?.message).toBe(`Weight ${w} on the only destination: Istio sends it 100% of the traffic`);
  });

  it("does not apply to lists of several destinations", () => {
    expect(run("VS003", 50, 50)).toEqual([]);
  });
});
