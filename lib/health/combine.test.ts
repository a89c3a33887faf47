import { describe, expect, it } from "vitest";
import { RATE_ANNOTATION } from "./annotation";
import { computeAppHealth, computeServiceHealth, computeWorkloadHealth } from "./combine";
import { computeReplicaHealth } from "./replicas";
import { computeRequestHealth } from "./requests";
import { resolveRateRules } from "./resolve";
import type { RequestTally } from "./tally";

const tallies = {
  none: [] as RequestTally[],
  ok: [{ direction: "inbound", protocol: "http", code: "200", count: 100 }] as RequestTally[],
  degraded: [
    { direction: "inbound", protocol: "http", code: "200", count: 99 },
    { direction: "inbound", protocol: "http", code: "500", count: 1 },
  ] as RequestTally[],
  failing: [
    { direction: "inbound", protocol: "http", code: "200", count: 50 },
    { direction: "inbound", protocol: "http", code: "503", count: 50 },
  ] as RequestTally[],
};
const requests = (k: keyof typeof tallies) => computeRequestHealth(tallies[k]);
const replicas = (desired: number, available: number) => computeReplicaHealth({ desiredReplicas: desired, availableReplicas: available });
const workload = (desired: number, available: number, traffic: keyof typeof tallies) =>
  computeWorkloadHealth({ replicas: replicas(desired, available), requests: requests(traffic) });

describe("workload health = worst of replicas and requests", () => {
  it.each([
    [2, 2, "ok", "healthy"],
    [2, 2, "none", "healthy"],
    [2, 2, "degraded", "degraded"],
    [2, 2, "failing", "failure"],
    [2, 1, "ok", "degraded"],
    [2, 1, "none", "degraded"],
    [2, 1, "failing", "failure"],
    [2, 0, "ok", "failure"],
    [0, 0, "none", "not-ready"],
    [0, 0, "ok", "not-ready"],
    [0, 0, "degraded", "degraded"],
  ] as const)("desired %i, available %i, %s traffic → %s", (desired, available, traffic, expected) => {
    expect(workload(desired, available, traffic).status).toBe(expected);
  });

  it("explains itself with the reasons of every unhealthy part", () => {
    expect(workload(2, 1, "failing").reasons).toEqual(["1 of 2 replicas available", "inbound HTTP 5xx 50.0% ≥ 10% (failure)"]);
    expect(workload(2, 2, "none").reasons).toEqual([]);
    expect(workload(0, 0, "none").reasons).toEqual(["scaled to 0 replicas"]);
  });

  it("keeps its parts and carries configuration problems", () => {
    const rules = resolveRateRules({ annotations: { [RATE_ANNOTATION]: "5xx=bad" } });
    const w = computeWorkloadHealth({ replicas: replicas(1, 1), requests: computeRequestHealth(tallies.ok, rules) });
    expect(w.problems).toHaveLength(1);
    expect(w.problems[0]).toMatch(/^health\.meshscope\.io\/rate ignored: rule "5xx=bad"/);
    expect(w.replicas.status).toBe("healthy");
    expect(w.requests.status).toBe("healthy");
  });
});

describe("app health = worst of its workloads and its requests", () => {
  it("is healthy when every workload is, even without traffic", () => {
    const a = computeAppHealth({ workloads: [{ name: "reviews-v1", health: workload(1, 1, "none") }], requests: requests("none") });
    expect(a).toMatchObject({ status: "healthy", reasons: [], workloads: [{ name: "reviews-v1", status: "healthy" }] });
  });

  it("takes the worst workload and names it in the reasons", () => {
    const a = computeAppHealth({
      workloads: [
        { name: "reviews-v1", health: workload(1, 1, "ok") },
        { name: "reviews-v2", health: workload(2, 1, "ok") },
        { name: "reviews-v3", health: workload(0, 0, "none") },
      ],
      requests: requests("ok"),
    });
    expect(a.status).toBe("degraded");
    expect(a.reasons).toEqual(["reviews-v2: 1 of 2 replicas available", "reviews-v3: scaled to 0 replicas"]);
    expect(a.workloads.map((w) => w.status)).toEqual(["healthy", "degraded", "not-ready"]);
  });

  it("shows a scaled-down workload as not-ready next to healthy ones", () => {
    const a = computeAppHealth({
      workloads: [
        { name: "v1", health: workload(1, 1, "ok") },
        { name: "v2", health: workload(0, 0, "none") },
      ],
      requests: requests("ok"),
    });
    expect(a.status).toBe("not-ready");
  });

  it("is worsened by its own request health", () => {
    const a = computeAppHealth({ workloads: [{ name: "v1", health: workload(1, 1, "ok") }], requests: requests("failing") });
    expect(a).toMatchObject({ status: "failure", reasons: ["inbound HTTP 5xx 50.0% ≥ 10% (failure)"] });
  });

  it("is no-data with no workloads and no traffic", () => {
    expect(computeAppHealth({ workloads: [], requests: requests("none") })).toMatchObject({
      status: "no-data",
      reasons: ["no requests in the window"],
      workloads: [],
    });
  });

  it("gathers problems, naming the workload they come from", () => {
    const bad = resolveRateRules({ annotations: { [RATE_ANNOTATION]: "" } });
    const w = computeWorkloadHealth({ replicas: replicas(1, 1), requests: computeRequestHealth([], bad) });
    const a = computeAppHealth({ workloads: [{ name: "v1", health: w }], requests: requests("none") });
    expect(a.problems).toEqual([`v1: ${RATE_ANNOTATION} ignored: is empty: write at least one rule, e.g. 5xx=1/5`]);
  });
});

describe("service health = its request health", () => {
  it.each(["none", "ok", "degraded", "failing"] as const)("%s traffic", (k) => {
    const r = requests(k);
    const s = computeServiceHealth({ requests: r });
    expect(s.status).toBe(r.status);
    expect(s.reasons).toEqual(r.reasons);
  });

  it("is no-data without traffic", () => {
    expect(computeServiceHealth({ requests: requests("none") })).toMatchObject({ status: "no-data", reasons: ["no requests in the window"] });
  });
});
