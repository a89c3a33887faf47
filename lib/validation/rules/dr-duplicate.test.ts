import { describe, expect, it } from "vitest";
import { destinationRule, findingsOf, mesh } from "../fixtures";
import type { IDestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule";

const run = (...destinationRules: IDestinationRule[]) => findingsOf("DR003", mesh({ destinationRules }));
const policy = { tls: { mode: "ISTIO_MUTUAL" as const } };

describe("DR003 several DestinationRules for one host or subset", () => {
  it("accepts one rule with the policy and another with only subsets", () => {
    expect(
      run(destinationRule("bookinfo", "policy", { host: "reviews", trafficPolicy: policy }), destinationRule("bookinfo", "subsets", { host: "reviews", subsets: [{ name: "v1", labels: { version: "v1" } }] })),
    ).toEqual([]);
  });

  it("accepts rules splitting distinct subsets of one host", () => {
    expect(
      run(
        destinationRule("bookinfo", "a", { host: "reviews", subsets: [{ name: "v1", labels: { version: "v1" } }] }),
        destinationRule("bookinfo", "b", { host: "reviews", subsets: [{ name: "v2", labels: { version: "v2" } }] }),
      ),
    ).toEqual([]);
  });

  it("reports two host-wide policies for the same host, spelled differently, on both rules", () => {
    const found = run(
      destinationRule("bookinfo", "a", { host: "reviews", trafficPolicy: policy }),
      destinationRule("bookinfo", "b", { host: "reviews.bookinfo.svc.cluster.local", trafficPolicy: { tls: { mode: "DISABLE" } } }),
    );
    expect(found.map((f) => [f.object.name, f.path, f.related?.map((r) => r.name)])).toEqual([
      ["a", "spec.host", ["b"]],
      ["b", "spec.host", ["a"]],
    ]);
    expect(found[0]).toMatchObject({ severity: "warning" });
    expect(found[0]?.message).toContain("Istio merges them and, where both define it, keeps the oldest");
  });

  it("reports a subset defined twice", () => {
    const found = run(
      destinationRule("bookinfo", "a", { host: "reviews", subsets: [{ name: "v1", labels: { version: "v1" } }, { name: "v2", labels: { version: "v2" } }] }),
      destinationRule("bookinfo", "b", { host: "reviews", subsets: [{ name: "v2", labels: { version: "v2" } }] }),
    );
    expect(found.map((f) => [f.object.name, f.path])).toEqual([
      ["a", "spec.subsets[1].name"],
      ["b", "spec.subsets[0].name"],
    ]);
  });

  it("explains that across namespaces the client's namespace decides", () => {
    const found = run(destinationRule("bookinfo", "a", { host: "reviews" }), destinationRule("shop", "b", { host: "reviews.bookinfo.svc.cluster.local" }));
    expect(found[0]?.message).toContain("depends on the client's namespace");
  });

  it("leaves out rules with a workloadSelector", () => {
    expect(run(destinationRule("bookinfo", "a", { host: "reviews" }), destinationRule("bookinfo", "b", { host: "reviews", workloadSelector: { matchLabels: { app: "ratings" } } }))).toEqual([]);
  });

  it("does not compare different hosts", () => {
    expect(run(destinationRule("bookinfo", "a", { host: "reviews" }), destinationRule("shop", "b", { host: "reviews" }))).toEqual([]);
  });
});
