import { describe, expect, it } from "vitest";
import { faultInjectionInput, trafficShiftingInput } from "../inputs";
import { errorAt, errorUnder, isValid, mergeErrors, otherErrors, schemaFieldErrors, serverFieldErrors } from "./issues";

describe("field errors", () => {
  it("maps the server's 422 paths to the form's fields", () => {
    const e = serverFieldErrors([
      { path: "input.weights.0.weight", message: "must be at most 100" },
      { path: "input", message: "set a delay, an abort or both" },
      { path: "input.rules[1].matches", message: "must be last" },
      { path: "target.service", message: "no such service" },
    ]);
    expect(e).toEqual({
      "weights.0.weight": ["must be at most 100"],
      "": ["set a delay, an abort or both"],
      "rules.1.matches": ["must be last"],
      "target.service": ["no such service"],
    });
  });

  it("keys the schema's complaints the same way", () => {
    const e = schemaFieldErrors(trafficShiftingInput, { weights: [{ version: "v1", weight: 101 }, { version: "v1", weight: 0 }] });
    expect(e["weights.0.weight"]).toEqual(["must be at most 100"]);
    expect(e["weights.1.version"]).toEqual(["version v1 is listed twice"]);
    expect(errorAt(e, "weights")).toBe("weights must sum to 100 (they sum to 101)");
    expect(schemaFieldErrors(faultInjectionInput, {})).toEqual({ "": ["set a delay, an abort or both"] });
    expect(isValid(schemaFieldErrors(trafficShiftingInput, { weights: [{ version: "v1", weight: 100 }] }))).toBe(true);
  });

  it("merges, finds the errors under a field, and lists the ones no field shows", () => {
    const e = mergeErrors({ "principals.2": ["bad principal"], "": ["allow at least one"] }, { "principals.2": ["bad principal"], "target.workload": ["gone"] });
    expect(e["principals.2"]).toEqual(["bad principal"]);
    expect(errorUnder(e, "principals")).toBe("bad principal");
    expect(errorAt(e, "principals")).toBeUndefined();
    expect(otherErrors(e, [], ["principals"])).toEqual(["allow at least one", "target.workload: gone"]);
    expect(isValid(e)).toBe(false);
  });
});
