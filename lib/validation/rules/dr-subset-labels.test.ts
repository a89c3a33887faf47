import { describe, expect, it } from "vitest";
import { deployment, destinationRule, findingsOf, mesh, service } from "../fixtures";
import type { MeshConfigInput } from "../input";

const subsets = (labels: Record<string, string>[], host = "reviews", extra: MeshConfigInput = {}) =>
  findingsOf("DR002", mesh({ destinationRules: [destinationRule("bookinfo", "dr", { host, subsets: labels.map((l, i) => ({ name: `s${i}`, labels: l })) })], ...extra }));

describe("DR002 subset labels match no workload", () => {
  it("accepts subsets matching pods behind the Service", () => {
    expect(subsets([{ version: "v1" }, { version: "v2" }])).toEqual([]);
  });

  it("reports a subset whose labels match no pod of the Service", () => {
    const [f, ...rest] = subsets([{ version: "v1" }, { version: "v3" }]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: "error", path: "spec.subsets[1].labels", related: [{ kind: "Service", namespace: "bookinfo", name: "reviews" }] });
    expect(f?.message).toBe('Subset "s1" selects version=v3, but no workload of Service bookinfo/reviews has them');
  });

  it("only counts workloads behind the Service, not other pods with the labels", () => {
    // ratings pods are version=v1 too, but only reviews' pods count for the reviews host.
    expect(subsets([{ version: "v1", app: "ratings" }])).toHaveLength(1);
  });

  it("counts Deployments scaled to 0 by their pod template", () => {
    const extra = { deployments: [deployment("bookinfo", "reviews-v3", { app: "reviews", version: "v3" })] };
    expect(subsets([{ version: "v3" }], "reviews", extra)).toEqual([]);
  });

  it("says when the Service has no workloads at all", () => {
    const extra = { services: [service("bookinfo", "details")] };
    expect(subsets([{ version: "v1" }], "details", extra)[0]?.message).toContain("Service bookinfo/details has no workloads");
  });

  it("does not judge hosts that are not Services, nor Services without selector", () => {
    expect(subsets([{ version: "v9" }], "api.example.com")).toEqual([]);
    expect(subsets([{ version: "v9" }], "headless", { services: [service("bookinfo", "headless", null)] })).toEqual([]);
  });

  it("is skipped when workloads are unknown", () => {
    expect(subsets([{ version: "v3" }], "reviews", { pods: undefined, deployments: undefined })).toEqual([]);
  });
});
