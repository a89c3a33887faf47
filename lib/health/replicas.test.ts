import { describe, expect, it } from "vitest";
import type { WorkloadSummary } from "@/lib/api/schemas";
import { computeReplicaHealth } from "./replicas";

const r = (desiredReplicas: number, availableReplicas: number) => computeReplicaHealth({ desiredReplicas, availableReplicas });

describe("replica health", () => {
  it("is not-ready, not failing, when scaled to 0", () => {
    expect(r(0, 0)).toEqual({ status: "not-ready", desired: 0, available: 0, reasons: ["scaled to 0 replicas"] });
    // Still scaling down: desired wins.
    expect(r(0, 2).status).toBe("not-ready");
  });

  it("fails when none of the desired replicas is available", () => {
    expect(r(3, 0)).toEqual({ status: "failure", desired: 3, available: 0, reasons: ["0 of 3 replicas available"] });
    expect(r(1, 0).reasons).toEqual(["0 of 1 replica available"]);
  });

  it("is degraded with fewer available than desired", () => {
    expect(r(3, 2)).toEqual({ status: "degraded", desired: 3, available: 2, reasons: ["2 of 3 replicas available"] });
    expect(r(2, 1).status).toBe("degraded");
  });

  it("is healthy when all are available, or more during a rollout", () => {
    expect(r(2, 2)).toEqual({ status: "healthy", desired: 2, available: 2, reasons: [] });
    expect(r(2, 3).status).toBe("healthy");
  });

  it("treats negative counts as 0", () => {
    expect(r(-1, 0).status).toBe("not-ready");
    expect(r(2, -1).status).toBe("failure");
  });

  it("takes a workload summary as is", () => {
    const w: WorkloadSummary = {
      namespace: "bookinfo",
      name: "reviews-v2",
      kind: "Deployment",
      labels: {},
      desiredReplicas: 2,
      readyReplicas: 1,
      availableReplicas: 1,
      pods: 2,
      podsReady: 1,
      sidecar: "present",
    };
    expect(computeReplicaHealth(w).status).toBe("degraded");
  });
});
