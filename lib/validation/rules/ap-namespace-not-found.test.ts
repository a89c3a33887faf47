import { describe, expect, it } from "vitest";
import { authorizationPolicy, findingsOf, mesh } from "../fixtures";

const from = (namespaces: string[]) =>
  findingsOf("AP001", mesh({ authorizationPolicies: [authorizationPolicy("bookinfo", "allow", { action: "ALLOW", rules: [{ from: [{ source: { namespaces } }] }] })] }));

describe("AP001 source namespace not found", () => {
  it("accepts existing namespaces and patterns matching one", () => {
    expect(from(["bookinfo", "shop", "istio-*", "*op", "*"])).toEqual([]);
  });

  it("reports a namespace that does not exist, at its path", () => {
    expect(from(["shop", "legacy"])).toMatchObject([
      { code: "AP001", severity: "warning", path: "spec.rules[0].from[0].source.namespaces[1]", message: "Namespace legacy does not exist" },
    ]);
  });

  it("reports a pattern matching no namespace", () => {
    expect(from(["legacy-*"]).map((f) => f.message)).toEqual(["No namespace matches legacy-*"]);
  });

  it("is skipped when namespaces are unknown", () => {
    const input = mesh({ namespaces: undefined, authorizationPolicies: [authorizationPolicy("bookinfo", "a", { rules: [{ from: [{ source: { namespaces: ["legacy"] } }] }] })] });
    expect(findingsOf("AP001", input)).toEqual([]);
  });
});
