import { describe, expect, it } from "vitest";
import { summarizeHealth } from "./summary";

describe("namespace health summary", () => {
  it("counts every status and names the worst", () => {
    const s = summarizeHealth(["healthy", "healthy", "degraded", "no-data", "not-ready", "healthy"]);
    expect(s).toEqual({
      total: 6,
      counts: { healthy: 3, degraded: 1, failure: 0, "not-ready": 1, "no-data": 1 },
      worst: "degraded",
    });
  });

  it("reports failure as worst as soon as one object fails", () => {
    expect(summarizeHealth(["healthy", "failure", "degraded"]).worst).toBe("failure");
  });

  it("gives zero counts and no-data for an empty namespace", () => {
    expect(summarizeHealth([])).toEqual({
      total: 0,
      counts: { healthy: 0, degraded: 0, failure: 0, "not-ready": 0, "no-data": 0 },
      worst: "no-data",
    });
  });

  it("accepts any iterable", () => {
    function* statuses() {
      yield "healthy" as const;
      yield "not-ready" as const;
    }
    expect(summarizeHealth(statuses())).toMatchObject({ total: 2, worst: "not-ready" });
  });
});
