import { describe, expect, it } from "vitest";
import { ap, buildFrom, caller, NS, ok, pa, snapshot, validateAll } from "./fixtures";
import { callerAllowed, matchesPattern } from "./authorization";

const reviewsV1 = { namespace: NS, workload: "reviews-v1" };
const PRODUCTPAGE = "cluster.local/ns/bookinfo/sa/productpage-v1";

describe("authorization builder", () => {
  it("allow-lists principals and namespaces for the workload", () => {
    const r = ok(buildFrom("authorization", snapshot({}, reviewsV1), { mode: "allow-callers", principals: [PRODUCTPAGE], namespaces: ["shop"] }));
    validateAll(r);
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatchObject({
      action: "create",
      desired: {
        kind: "AuthorizationPolicy",
        metadata: { name: "reviews-v1-allow-callers", namespace: NS, labels: { "app.kubernetes.io/managed-by": "meshscope" } },
        spec: {
          selector: { matchLabels: { app: "reviews", version: "v1" } },
          action: "ALLOW",
          rules: [{ from: [{ source: { principals: [PRODUCTPAGE] } }, { source: { namespaces: ["shop"] } }] }],
        },
      },
    });
  });

  it("warns about seen callers the list would refuse (including those without identity)", () => {
    const callers = [caller(NS, "productpage-v1", true, ["reviews-v1"]), caller("legacy", "batch-client", false, ["reviews-v1"]), caller("unknown", "unknown", false, ["reviews-v1"]), caller("shop", "cart", true, ["reviews-v2"])];
    const r = ok(buildFrom("authorization", snapshot({ callers }, reviewsV1), { mode: "allow-callers", principals: [PRODUCTPAGE] }));
    expect(r.warnings).toEqual([{ code: "callers-denied", message: expect.stringContaining("legacy/batch-client, callers outside the mesh") }]);
    expect(r.warnings[0]?.message).not.toContain("shop/cart");
  });

  it("warns when the workload has mTLS disabled, and about other ALLOW policies", () => {
    const disabled = pa("default", { mtls: { mode: "DISABLE" } });
    const other = ap("reviews-allow", { selector: { matchLabels: { app: "reviews" } }, rules: [{ to: [{ operation: { methods: ["GET"] } }] }] });
    const r = ok(buildFrom("authorization", snapshot({ peerAuthentications: [disabled], authorizationPolicies: [other] }, reviewsV1), { mode: "allow-callers", namespaces: [NS] }));
    expect(r.warnings.map((w) => w.code)).toEqual(["needs-mtls", "other-allow-policies"]);
  });

  it("writes a namespace deny-all with an empty spec", () => {
    const r = ok(buildFrom("authorization", snapshot({}, { namespace: NS }), { mode: "deny-all" }));
    validateAll(r);
    expect(r.changes[0]?.desired).toMatchObject({ kind: "AuthorizationPolicy", metadata: { name: "deny-all", namespace: NS }, spec: {} });
    expect(r.warnings.map((w) => w.code)).toEqual(["deny-all"]);
  });

  it("refuses an allow-list without a workload, without callers, or with bad principals", () => {
    expect(buildFrom("authorization", snapshot({}, { namespace: NS }), { mode: "allow-callers", namespaces: [NS] })).toMatchObject({ ok: false, status: 422, issues: [{ path: "target.workload" }] });
    expect(() => buildFrom("authorization", snapshot({}, reviewsV1), { mode: "allow-callers" })).toThrow(/at least one principal or namespace/);
    expect(() => buildFrom("authorization", snapshot({}, reviewsV1), { mode: "allow-callers", principals: ["spiffe://x y"] })).toThrow(/principal/);
    expect(() => buildFrom("authorization", snapshot({}, reviewsV1), { mode: "allow-callers", namespaces: ["Not_A_Name"] })).toThrow(/DNS-1123/);
  });
});

describe("caller matching", () => {
  it("follows Istio's exact, prefix and suffix patterns", () => {
    expect(matchesPattern("*", "x")).toBe(true);
    expect(matchesPattern("cluster.local/ns/a/*", "cluster.local/ns/a/sa/b")).toBe(true);
    expect(matchesPattern("*/sa/b", "cluster.local/ns/a/sa/b")).toBe(true);
    expect(matchesPattern("cluster.local/ns/a/sa/c", "cluster.local/ns/a/sa/b")).toBe(false);
  });

  it("takes a caller's namespace from its principal, and refuses callers without one", () => {
    expect(callerAllowed(caller("shop", "cart", true), [], ["shop"])).toBe(true);
    expect(callerAllowed(caller("shop", "cart", false), [], ["shop"])).toBe(false);
  });
});
