import { describe, expect, it } from "vitest";
import { buildFrom, ok, REVIEWS_DR, REVIEWS_VS, snapshot } from "./builders/fixtures";
import { describeChange, staleChange } from "./changes";

const weights = { weights: [{ version: "v1", weight: 100 }] };

describe("changes as the API shows them", () => {
  it("give YAML on both sides, the diff and the version to send back", () => {
    const r = ok(buildFrom("traffic-shifting", snapshot({ virtualServices: [REVIEWS_VS], destinationRules: [REVIEWS_DR] }), weights));
    const [dr, vs] = r.changes.map(describeChange);
    expect(dr).toMatchObject({ action: "unchanged", kind: "DestinationRule", name: "reviews", resourceVersion: "100", diff: "" });
    expect(dr?.currentYaml).toBe(dr?.desiredYaml);
    expect(vs).toMatchObject({ action: "update", apiVersion: "networking.istio.io/v1", kind: "VirtualService", namespace: "bookinfo", name: "reviews", resourceVersion: "100" });
    expect(vs?.diff).toContain("+    app.kubernetes.io/managed-by: meshscope");
    expect(vs?.diff).toContain("-              exact: jason");
    expect(vs?.currentYaml).not.toContain("resourceVersion");
  });

  it("show creates from nothing", () => {
    const r = ok(buildFrom("traffic-shifting", snapshot(), weights));
    const d = describeChange(r.changes[0]!);
    expect(d).toMatchObject({ action: "create", resourceVersion: null, currentYaml: null });
    expect(d.diff.startsWith("--- /dev/null\n+++ b/DestinationRule/bookinfo/reviews\n")).toBe(true);
  });
});

describe("stale previews", () => {
  const r = ok(buildFrom("traffic-shifting", snapshot({ virtualServices: [REVIEWS_VS], destinationRules: [REVIEWS_DR] }), weights));
  const vsKey = { kind: "VirtualService", namespace: "bookinfo", name: "reviews" };

  it("pass when the versions are the ones the preview saw (unchanged objects need none)", () => {
    expect(staleChange(r.changes, [{ ...vsKey, resourceVersion: "100" }])).toBeUndefined();
  });

  it("name the object that changed, with both versions", () => {
    const drKey = { kind: "DestinationRule", namespace: "bookinfo", name: "reviews", resourceVersion: "100" };
    expect(staleChange(r.changes, [drKey, { ...vsKey, resourceVersion: "99" }])).toEqual({
      message: "VirtualService/reviews changed since the preview (resourceVersion 99, now 100): reload",
      expectedIndex: 1,
    });
    expect(staleChange(r.changes, [{ ...vsKey, resourceVersion: null }])?.message).toBe("VirtualService/reviews changed since the preview (absent, now 100): reload");
    expect(staleChange(r.changes, [])).toEqual({ message: "VirtualService/reviews was not in the preview (now resourceVersion 100): reload", expectedIndex: null });
  });
});
