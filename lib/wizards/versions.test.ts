import { describe, expect, it } from "vitest";
import { dr, svc, workload } from "./builders/fixtures";
import { serviceVersions, subsetNameFor } from "./versions";

describe("service versions", () => {
  const ws = [
    workload("reviews-v10", { app: "reviews", version: "v10" }),
    workload("reviews-v2", { app: "reviews", version: "v2" }),
    workload("reviews-v2-canary", { app: "reviews", version: "v2" }, false),
    workload("reviews-noversion", { app: "reviews" }),
    workload("ratings-v1", { app: "ratings", version: "v1" }),
  ];

  it("groups the workloads behind the service by version label, in natural order", () => {
    expect(serviceVersions(svc("reviews"), ws, undefined)).toEqual([
      { version: "v2", subset: "v2", workloads: ["reviews-v2", "reviews-v2-canary"], sidecar: false },
      { version: "v10", subset: "v10", workloads: ["reviews-v10"], sidecar: true },
    ]);
  });

  it("reuses an existing subset that selects the version, and avoids names taken by other subsets", () => {
    const rule = dr("reviews", {
      host: "reviews",
      subsets: [
        { name: "stable", labels: { app: "reviews", version: "v2" } },
        { name: "v10", labels: { track: "x" } },
      ],
    });
    expect(serviceVersions(svc("reviews"), ws, rule).map((v) => v.subset)).toEqual(["stable", "v10-2"]);
  });

  it("makes valid subset names from any version", () => {
    expect(subsetNameFor("v1")).toBe("v1");
    expect(subsetNameFor("1.2.0")).toBe("1-2-0");
    expect(subsetNameFor("Release_7")).toBe("release-7");
    expect(subsetNameFor("___")).toBe("version");
  });

  it("has no versions for a service without selector", () => {
    expect(serviceVersions(svc("external", {}), ws, undefined)).toEqual([]);
  });
});
