import { describe, expect, it } from "vitest";
import { RATE_ANNOTATION } from "./annotation";
import { computeRequestHealth, describeRatio, formatPercent, ratioStatus } from "./requests";
import { resolveRateRules } from "./resolve";
import { healthConfig } from "./rules";
import type { RequestTally, TrafficDirection } from "./tally";

const http = (code: string | number, count: number, direction: TrafficDirection = "inbound", flags?: string): RequestTally => ({
  direction,
  protocol: "http",
  code,
  count,
  ...(flags ? { flags } : {}),
});
const grpc = (grpcStatus: string | undefined, count: number, direction: TrafficDirection = "inbound", code = "200"): RequestTally => ({
  direction,
  protocol: "grpc",
  code,
  count,
  ...(grpcStatus === undefined ? {} : { grpcStatus }),
});
const health = (tallies: RequestTally[], annotation?: string) =>
  computeRequestHealth(tallies, resolveRateRules(annotation === undefined ? {} : { annotations: { [RATE_ANNOTATION]: annotation } }));

describe("request health: no traffic", () => {
  it("is no-data without tallies, not healthy and not failing", () => {
    expect(health([])).toEqual({ status: "no-data", ratios: [], totals: [], reasons: ["no requests in the window"], problems: [] });
  });

  it("is no-data when every tally counts zero requests", () => {
    expect(health([http("200", 0), http("500", 0)]).status).toBe("no-data");
  });

  it("uses the default rules when none are given", () => {
    expect(computeRequestHealth([http("500", 1), http("200", 9)]).status).toBe("failure");
  });
});

describe("request health: HTTP 5xx (degraded at any error, failure ≥ 10%)", () => {
  it("is healthy with successes only", () => {
    const h = health([http("200", 100), http("302", 5)]);
    expect(h).toMatchObject({ status: "healthy", ratios: [], reasons: [] });
    expect(h.totals).toEqual([{ direction: "inbound", protocol: "http", requests: 105 }]);
  });

  it("is degraded by a single 5xx", () => {
    const h = health([http("200", 9999), http("503", 1)]);
    expect(h.status).toBe("degraded");
    expect(h.reasons).toEqual(["inbound HTTP 5xx 0.01% > 0% (degraded)"]);
  });

  it("is degraded just under 10% and failing at exactly 10%", () => {
    expect(health([http("200", 9001), http("500", 999)]).status).toBe("degraded");
    const h = health([http("200", 90), http("500", 6), http("503", 4)]);
    expect(h.status).toBe("failure");
    expect(h.ratios).toEqual([
      {
        direction: "inbound",
        protocol: "http",
        code: "5xx",
        rule: "5xx",
        label: "5xx",
        source: "default",
        errors: 10,
        requests: 100,
        percent: 10,
        thresholds: { degraded: 0, failure: 10 },
        status: "failure",
      },
    ]);
    expect(h.reasons).toEqual(["inbound HTTP 5xx 10.0% ≥ 10% (failure)"]);
  });

  it("words a failure like the issue's example", () => {
    expect(health([http("500", 123), http("200", 877)]).reasons).toEqual(["inbound HTTP 5xx 12.3% ≥ 10% (failure)"]);
  });

  it("reaches a threshold despite floating-point error (29/100 and fractional counts)", () => {
    const h = computeRequestHealth([http("500", 29), http("200", 71)], resolveRateRules({ annotations: { [RATE_ANNOTATION]: "5xx=any/29" } }));
    expect(h.status).toBe("failure");
    // increase() gives fractions: 0.29 / (2.61 + 0.29) is 9.999999999999998% in floating point.
    expect(health([http("200", 2.61), http("500", 0.29)]).status).toBe("failure");
  });
});

describe("request health: HTTP 4xx (degraded ≥ 10%, failure ≥ 20%)", () => {
  it("stays healthy under 10% but still reports the ratio", () => {
    const h = health([http("200", 91), http("404", 9)]);
    expect(h.status).toBe("healthy");
    expect(h.reasons).toEqual([]);
    expect(h.ratios).toMatchObject([{ code: "4xx", errors: 9, requests: 100, percent: 9, status: "healthy" }]);
  });

  it("is degraded at exactly 10% and just under 20%", () => {
    expect(health([http("200", 90), http("404", 10)])).toMatchObject({ status: "degraded", reasons: ["inbound HTTP 4xx 10.0% ≥ 10% (degraded)"] });
    expect(health([http("200", 801), http("429", 199)]).status).toBe("degraded");
  });

  it("fails at exactly 20%", () => {
    expect(health([http("200", 80), http("401", 15), http("403", 5)])).toMatchObject({
      status: "failure",
      reasons: ["inbound HTTP 4xx 20.0% ≥ 20% (failure)"],
    });
  });

  it("judges traffic made only of 4xx as failing", () => {
    expect(health([http("404", 50)])).toMatchObject({ status: "failure", ratios: [{ percent: 100 }] });
  });
});

describe("request health: gRPC (codes 1–16: degraded at any, failure ≥ 10%)", () => {
  it("treats status 0 as OK", () => {
    expect(health([grpc("0", 100)])).toMatchObject({ status: "healthy", ratios: [] });
  });

  it("counts HTTP 200 with gRPC status 14 as a gRPC error", () => {
    const h = health([grpc("0", 999), grpc("14", 1)]);
    expect(h.status).toBe("degraded");
    expect(h.reasons).toEqual(["inbound gRPC status 1–16 0.10% > 0% (degraded)"]);
  });

  it("fails at exactly 10% summed over statuses", () => {
    expect(health([grpc("0", 90), grpc("2", 5), grpc("16", 5)]).status).toBe("failure");
    expect(health([grpc("0", 901), grpc("2", 99)]).status).toBe("degraded");
  });

  it("does not count statuses beyond 16", () => {
    expect(health([grpc("0", 9), grpc("17", 1)]).status).toBe("healthy");
  });

  it("judges gRPC requests with no gRPC status by their HTTP code", () => {
    expect(health([grpc("0", 90), grpc(undefined, 10, "inbound", "503")]).reasons).toEqual(["inbound gRPC 5xx 10.0% ≥ 10% (failure)"]);
  });

  it("accepts codes and statuses as numbers", () => {
    const t: RequestTally = { direction: "outbound", protocol: "grpc", code: 200, grpcStatus: 14, count: 1 };
    expect(health([t]).status).toBe("failure");
  });
});

describe("request health: no response (degraded at any, failure ≥ 10%)", () => {
  it("counts code 0 and - as no response", () => {
    const h = health([http("200", 999), http("0", 1, "inbound", "UH")]);
    expect(h).toMatchObject({ status: "degraded", reasons: ["inbound HTTP no response 0.10% > 0% (degraded)"] });
    expect(health([http("200", 9), http("-", 1, "inbound", "UF,URX")]).status).toBe("failure");
  });

  it("counts gRPC requests without any code as no response", () => {
    expect(health([grpc("0", 9), grpc(undefined, 1, "inbound", "0")]).reasons).toEqual(["inbound gRPC no response 10.0% ≥ 10% (failure)"]);
  });

  it("does not count response flags on a request that got a response", () => {
    expect(health([http("200", 10, "inbound", "DC")]).status).toBe("healthy");
  });
});

describe("request health: directions and protocols", () => {
  it("divides by the requests of the same direction", () => {
    const h = health([http("200", 95), http("500", 5), http("200", 1000, "outbound")]);
    expect(h.ratios).toMatchObject([{ direction: "inbound", errors: 5, requests: 100, percent: 5, status: "degraded" }]);
    expect(h.totals).toEqual([
      { direction: "inbound", protocol: "http", requests: 100 },
      { direction: "outbound", protocol: "http", requests: 1000 },
    ]);
  });

  it("takes the worst direction, listing reasons worst first", () => {
    const h = health([http("200", 99), http("500", 1), http("200", 5, "outbound"), http("503", 5, "outbound")]);
    expect(h.status).toBe("failure");
    expect(h.reasons).toEqual(["outbound HTTP 5xx 50.0% ≥ 10% (failure)", "inbound HTTP 5xx 1.0% > 0% (degraded)"]);
  });

  it("divides by the requests of the same protocol", () => {
    const h = health([http("200", 10), grpc("0", 80), grpc("14", 10)]);
    expect(h.ratios).toMatchObject([{ protocol: "grpc", code: "grpc", errors: 10, requests: 90 }]);
    expect(h.ratios[0]?.percent).toBeCloseTo(11.11, 2);
    expect(h.status).toBe("failure");
  });

  it("judges each category on its own: 4xx under its threshold does not add to 5xx", () => {
    const h = health([http("200", 86), http("404", 9), http("500", 5)]);
    expect(h.status).toBe("degraded");
    expect(h.ratios.map((r) => [r.code, r.percent, r.status])).toEqual([
      ["5xx", 5, "degraded"],
      ["4xx", 9, "healthy"],
    ]);
  });
});

describe("request health: overrides", () => {
  it("stops counting requests a rule turns off, while other errors still count", () => {
    expect(health([http("200", 50), http("404", 50)], "404=off").status).toBe("healthy");
    expect(health([http("200", 40), http("404", 40), http("403", 20)], "404=off")).toMatchObject({
      status: "failure",
      ratios: [{ code: "4xx", errors: 20, requests: 100, percent: 20 }],
    });
  });

  it("applies annotation thresholds and names the rule's origin", () => {
    const h = health([http("200", 97), http("500", 3)], "5xx=1/3");
    expect(h).toMatchObject({ status: "failure", reasons: ["inbound HTTP 5xx 3.0% ≥ 3% (failure)"], ratios: [{ source: "annotation" }] });
    expect(health([http("200", 99.5), http("500", 0.5)], "5xx=1/3").status).toBe("healthy");
  });

  it("applies a direction-specific rule to that direction only", () => {
    const h = health([http("200", 95), http("500", 5), http("200", 95, "outbound"), http("500", 5, "outbound")], "5xx@outbound=10/20");
    expect(h.ratios.map((r) => [r.direction, r.rule, r.status])).toEqual([
      ["inbound", "5xx", "degraded"],
      ["outbound", "5xx@outbound", "healthy"],
    ]);
  });

  it("judges one gRPC status by its own rule", () => {
    const h = health([grpc("0", 90), grpc("5", 5), grpc("14", 5)], "grpc:5=50/60");
    expect(h.ratios.map((r) => [r.code, r.percent, r.status])).toEqual([
      ["grpc", 5, "degraded"],
      ["grpc:5", 5, "healthy"],
    ]);
  });

  it("lets the global config lower a threshold", () => {
    const config = healthConfig.parse({ rate: [{ code: "4xx", degraded: 1, failure: 2 }] });
    expect(computeRequestHealth([http("200", 98), http("404", 2)], resolveRateRules({ config })).status).toBe("failure");
  });

  it("keeps the defaults and carries the problem when the annotation is malformed", () => {
    const h = health([http("200", 50), http("404", 50)], "404=of");
    expect(h.status).toBe("failure");
    expect(h.problems).toEqual([`${RATE_ANNOTATION} ignored: rule "404=of": thresholds "of" must be <degraded>/<failure> (e.g. 1/5) or off`]);
  });
});

describe("ratio status and wording", () => {
  const t = { degraded: 10, failure: 20 };

  it("is never unhealthy without errors, even with 0 thresholds", () => {
    expect(ratioStatus(0, 0, { degraded: 0, failure: 0 })).toBe("healthy");
    expect(ratioStatus(1, 0.0001, { degraded: 0, failure: 0 })).toBe("failure");
  });

  it("compares with ≥", () => {
    expect([9.99, 10, 19.99, 20, 100].map((p) => ratioStatus(1, p, t))).toEqual(["healthy", "degraded", "degraded", "failure", "failure"]);
  });

  it("formats percentages rounding down", () => {
    expect([0, 0.004, 0.05, 0.5, 1, 9.999, 12.34, 100].map(formatPercent)).toEqual(["0%", "<0.01%", "0.05%", "0.50%", "1.0%", "9.9%", "12.3%", "100.0%"]);
  });

  it("describes a degraded ratio by its degraded threshold", () => {
    const r = health([http("200", 85), http("418", 15)]).ratios[0];
    expect(r && describeRatio(r)).toBe("inbound HTTP 4xx 15.0% ≥ 10% (degraded)");
  });
});
