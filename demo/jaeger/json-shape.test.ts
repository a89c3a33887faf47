import { describe, expect, it } from "vitest";
import fixture from "./fixtures/v1/trace_ui_01.json";
import { inferShape, shapeMismatches } from "./json-shape";

describe("shapeMismatches", () => {
  const shape = inferShape(fixture, { mapPaths: ["$.processes"], optionalKeys: { "$.spans[]": { flags: "number" } } });
  const copy = () => JSON.parse(JSON.stringify(fixture)) as typeof fixture & Record<string, unknown>;

  it("accepts the fixture itself and an optional key of the declared type", () => {
    expect(shapeMismatches(fixture, shape)).toEqual([]);
    const withFlags = copy();
    (withFlags.spans[0] as Record<string, unknown>).flags = 1;
    expect(shapeMismatches(withFlags, shape)).toEqual([]);
  });

  it("reports renamed keys, changed types, extra keys and wrongly typed optional keys", () => {
    const bad = copy();
    const span = bad.spans[0] as Record<string, unknown>;
    span.processId = span.processID;
    delete span.processID;
    (bad.spans[1] as Record<string, unknown>).startTime = "1485467191639875";
    (bad.spans[2] as Record<string, unknown>).flags = "1";
    bad.extra = true;
    expect(shapeMismatches(bad, shape)).toEqual([
      "$: extra key extra",
      "$.spans[]: missing key processID",
      "$.spans[]: extra key processId",
      "$.spans[].processId: not in the fixture",
      "$.spans[].startTime: string, fixture has number",
      "$.spans[].flags: string, fixture has number",
      "$.extra: not in the fixture",
    ]);
  });

  it("treats map keys as data", () => {
    const renamed = copy();
    const processes = renamed.processes as Record<string, unknown>;
    processes.p9 = processes.p1;
    expect(shapeMismatches(renamed, shape)).toEqual([]);
  });
});
