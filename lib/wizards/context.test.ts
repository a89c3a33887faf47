import { describe, expect, it } from "vitest";
import { ap, dr, NS, pa, REVIEWS_DR, REVIEWS_VS, snapshot, vs } from "./builders/fixtures";
import { PREVIOUS_WEIGHTS_ANNOTATION } from "./builders/routes";
import { toWizardContext } from "./context";

describe("wizard context", () => {
  it("gives a service's versions, the weights in force, the previous weights and its objects", () => {
    const current = { ...REVIEWS_VS, metadata: { ...REVIEWS_VS.metadata, labels: { "app.kubernetes.io/managed-by": "meshscope" }, annotations: { [PREVIOUS_WEIGHTS_ANNOTATION]: '[{"version":"v2","weight":100}]' } } };
    const ctx = toWizardContext(snapshot({ virtualServices: [current], destinationRules: [REVIEWS_DR] }), []);
    expect(ctx.versions.map((v) => `${v.version}:${v.subset}`)).toEqual(["v1:v1", "v2:v2", "v3:v3"]);
    expect(ctx.weights).toEqual([
      { version: "v1", weight: 50 },
      { version: "v3", weight: 50 },
    ]);
    expect(ctx.previousWeights).toEqual([{ version: "v2", weight: 100 }]);
    expect(ctx.objects).toEqual([
      { kind: "VirtualService", name: "reviews", namespace: NS, resourceVersion: "100", managedByMeshscope: true },
      { kind: "DestinationRule", name: "reviews", namespace: NS, resourceVersion: "100", managedByMeshscope: false },
    ]);
  });

  it("has no weights when the catch-all route does not split over subsets", () => {
    const plain = vs("reviews", { hosts: ["reviews"], http: [{ route: [{ destination: { host: "reviews" } }] }] });
    const ctx = toWizardContext(snapshot({ virtualServices: [plain] }), []);
    expect(ctx.weights).toBeNull();
    expect(ctx.previousWeights).toBeNull();
    expect(toWizardContext(snapshot(), []).weights).toBeNull();
  });

  it("gives a workload's policies, effective modes and callers, and passes errors through", () => {
    const policies = [pa("default", { mtls: { mode: "STRICT" } }), pa("other", { selector: { matchLabels: { app: "productpage" } }, mtls: { mode: "PERMISSIVE" } })];
    const aps = [ap("deny-all", {}), ap("reviews-v1-allow-callers", { selector: { matchLabels: { app: "reviews", version: "v1" } } }), ap("pp", { selector: { matchLabels: { app: "productpage" } } })];
    const callers = [{ namespace: NS, workload: "productpage-v1", principal: "cluster.local/ns/bookinfo/sa/pp", sidecar: true, destinations: ["reviews-v1"] }];
    const errors = [{ source: "prometheus", message: "down" }];
    const ctx = toWizardContext(snapshot({ peerAuthentications: policies, authorizationPolicies: aps, callers, destinationRules: [dr("x", { host: "x" })] }, { namespace: NS, workload: "reviews-v1" }), errors);
    expect(ctx.objects.map((o) => `${o.kind}/${o.name}`)).toEqual(["PeerAuthentication/default", "AuthorizationPolicy/deny-all", "AuthorizationPolicy/reviews-v1-allow-callers"]);
    expect(ctx.mtls.namespaceMode).toBe("STRICT");
    expect(ctx.mtls.workloads.map((w) => `${w.workload}:${w.mode}`)).toEqual(["productpage-v1:PERMISSIVE", "reviews-v1:STRICT", "reviews-v2:STRICT", "reviews-v3:STRICT"]);
    expect(ctx.callers).toEqual([{ namespace: NS, workload: "productpage-v1", principal: "cluster.local/ns/bookinfo/sa/pp", sidecar: true }]);
    expect(ctx.errors).toEqual(errors);
    expect(ctx.versions).toEqual([]);
  });
});
