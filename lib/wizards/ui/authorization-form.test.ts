import { describe, expect, it } from "vitest";
import { authorizationInput as schema } from "../inputs";
import { schemaFieldErrors } from "./issues";
import { authorizationInput, authorizationTarget, callerOptions, initialAuthorization, principalField, splitList } from "./authorization-form";

const callers = [
  { namespace: "legacy", workload: "batch-client-v1", principal: null, sidecar: false },
  { namespace: "bookinfo", workload: "productpage-v1", principal: "spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage", sidecar: true },
  { namespace: "istio-system", workload: "istio-ingressgateway", principal: "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account", sidecar: true },
  { namespace: "bookinfo", workload: "productpage-v1", principal: "spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage", sidecar: true },
];
const target = { namespace: "bookinfo", workload: "reviews-v1" };

describe("the authorization form", () => {
  const options = callerOptions(callers);

  it("proposes the callers seen, identities first, without the spiffe scheme", () => {
    expect(options.map((o) => [o.key, o.principal])).toEqual([
      ["bookinfo/productpage-v1", "cluster.local/ns/bookinfo/sa/bookinfo-productpage"],
      ["istio-system/istio-ingressgateway", "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account"],
      ["legacy/batch-client-v1", null],
    ]);
  });

  it("allows the ticked callers and the typed principals and namespaces", () => {
    const d = { ...initialAuthorization(target, options), extraPrincipals: "cluster.local/ns/bookinfo/sa/bookinfo-productpage, cluster.local/ns/shop/sa/*", extraNamespaces: "shop\nfrontend" };
    const input = authorizationInput(d, options);
    expect(input).toEqual({
      mode: "allow-callers",
      principals: ["cluster.local/ns/bookinfo/sa/bookinfo-productpage", "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account", "cluster.local/ns/shop/sa/*"],
      namespaces: ["shop", "frontend"],
    });
    expect(schema.safeParse(input).success).toBe(true);
    expect(authorizationTarget(d, target)).toEqual(target);
  });

  it("denies all on the namespace, dropping the workload from the target", () => {
    const d = { ...initialAuthorization(target, options), mode: "deny-all" as const };
    expect(authorizationInput(d, options)).toEqual({ mode: "deny-all" });
    expect(authorizationTarget(d, target)).toEqual({ namespace: "bookinfo" });
    expect(initialAuthorization({ namespace: "bookinfo" }, options).mode).toBe("deny-all");
  });

  it("refuses an empty allow-list and sends a bad typed principal's error to its field", () => {
    const none = { ...initialAuthorization(target, options), selected: [] };
    expect(schemaFieldErrors(schema, authorizationInput(none, options))[""]).toEqual(["allow at least one principal or namespace"]);
    const bad = { ...initialAuthorization(target, options), extraPrincipals: "spiffe://x" };
    const e = schemaFieldErrors(schema, authorizationInput(bad, options));
    expect(Object.keys(e)).toEqual(["principals.2"]);
    expect(principalField(2, bad, options)).toBe("extraPrincipals");
    expect(principalField(1, bad, options)).toBe("callers");
    expect(splitList(" a, b\n\nc ")).toEqual(["a", "b", "c"]);
  });
});
