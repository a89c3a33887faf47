import { describe, expect, it } from "vitest";
import { authorizationPolicy, findingsOf, mesh } from "../fixtures";
import type { MeshConfigInput } from "../input";

const from = (principals: string[], extra: MeshConfigInput = {}) =>
  findingsOf("AP002", mesh({ authorizationPolicies: [authorizationPolicy("bookinfo", "allow", { action: "ALLOW", rules: [{ from: [{ source: { principals } }] }] })], ...extra }));

describe("AP002 principal's service account not found", () => {
  it("accepts principals of existing service accounts, and every namespace's default account", () => {
    expect(from(["cluster.local/ns/bookinfo/sa/bookinfo-reviews", "cluster.local/ns/shop/sa/default", "cluster.local/ns/istio-system/sa/default"])).toEqual([]);
  });

  it("reports a service account that does not exist", () => {
    expect(from(["cluster.local/ns/bookinfo/sa/bookinfo-ratings"])).toMatchObject([
      { severity: "error", path: "spec.rules[0].from[0].source.principals[0]", message: "Service account bookinfo-ratings not found in namespace bookinfo" },
    ]);
  });

  it("reports a namespace that does not exist", () => {
    expect(from(["cluster.local/ns/legacy/sa/default"])[0]?.message).toBe("Namespace legacy of principal cluster.local/ns/legacy/sa/default does not exist");
  });

  it("checks patterns against existing accounts", () => {
    expect(from(["cluster.local/ns/bookinfo/*", "*/sa/bookinfo-reviews", "*"])).toEqual([]);
    expect(from(["cluster.local/ns/legacy/*"])[0]?.message).toBe("No service account matches principal cluster.local/ns/legacy/*");
  });

  it("skips principals of another trust domain, and honours a custom one", () => {
    expect(from(["remote.example/ns/legacy/sa/app", "remote.example/*"])).toEqual([]);
    expect(from(["corp/ns/bookinfo/sa/bookinfo-reviews"], { options: { trustDomain: "corp" } })).toEqual([]);
    expect(from(["corp/ns/bookinfo/sa/nope"], { options: { trustDomain: "corp" } })).toHaveLength(1);
  });

  it("is skipped when service accounts are unknown", () => {
    expect(from(["cluster.local/ns/bookinfo/sa/nope"], { serviceAccounts: undefined })).toEqual([]);
  });
});
