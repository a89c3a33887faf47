import { describe, expect, it } from "vitest";
import { HEALTH_STATUSES_BY_SEVERITY, healthStatus, severity, worst, worstOf } from "./status";

describe("status ordering", () => {
  it("ranks failure > degraded > not-ready > healthy > no-data", () => {
    expect(HEALTH_STATUSES_BY_SEVERITY.map(severity)).toEqual([0, 1, 2, 3, 4]);
    expect([...healthStatus.options].sort((a, b) => severity(a) - severity(b))).toEqual([...HEALTH_STATUSES_BY_SEVERITY]);
  });

  it("worst picks the more severe of any pair, in either order", () => {
    const order = HEALTH_STATUSES_BY_SEVERITY;
    for (const [i, a] of order.entries()) {
      for (const [j, b] of order.entries()) {
        const expected = i >= j ? a : b;
        expect(worst(a, b), `${a} vs ${b}`).toBe(expected);
        expect(worst(b, a), `${b} vs ${a}`).toBe(expected);
      }
    }
  });

  it("no-data never worsens a combination", () => {
    expect(worst("no-data", "healthy")).toBe("healthy");
    expect(worst("healthy", "no-data")).toBe("healthy");
    expect(worst("not-ready", "no-data")).toBe("not-ready");
  });

  it("not-ready is its own status, milder than degraded and failure", () => {
    expect(worst("not-ready", "healthy")).toBe("not-ready");
    expect(worst("not-ready", "degraded")).toBe("degraded");
    expect(worst("failure", "not-ready")).toBe("failure");
  });

  it("worstOf folds any number of statuses, no-data for none", () => {
    expect(worstOf([])).toBe("no-data");
    expect(worstOf(["no-data", "no-data"])).toBe("no-data");
    expect(worstOf(["healthy", "no-data", "degraded", "not-ready"])).toBe("degraded");
    expect(worstOf(new Set(["healthy", "failure"] as const))).toBe("failure");
  });
});
