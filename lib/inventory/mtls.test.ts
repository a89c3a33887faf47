import type { KubernetesObject } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { indexPeerAuthentications, mtlsOf } from "./mtls";

const pa = (namespace: string, name: string, spec: Record<string, unknown>, created = "2025-01-01T00:00:00Z") =>
  ({ metadata: { namespace, name, creationTimestamp: created }, spec }) as unknown as KubernetesObject;

describe("mtlsOf", () => {
  it("is permissive by Istio's default without policies", () => {
    expect(mtlsOf("bookinfo", indexPeerAuthentications([]))).toEqual({ mode: "permissive", source: "default", workloadPolicies: 0 });
  });

  it("takes the mesh-wide policy of the root namespace, and a namespace's own over it", () => {
    const index = indexPeerAuthentications([pa("istio-system", "default", { mtls: { mode: "STRICT" } }), pa("legacy", "off", { mtls: { mode: "DISABLE" } })]);
    expect(mtlsOf("bookinfo", index)).toEqual({ mode: "strict", source: "mesh", policy: "istio-system/default", workloadPolicies: 0 });
    expect(mtlsOf("legacy", index)).toEqual({ mode: "disabled", source: "namespace", policy: "legacy/off", workloadPolicies: 0 });
    expect(mtlsOf("istio-system", index).source).toBe("mesh");
  });

  it("inherits when the namespace's policy is UNSET, counts workload policies, and takes the oldest namespace policy", () => {
    const index = indexPeerAuthentications([
      pa("istio-system", "default", { mtls: { mode: "PERMISSIVE" } }),
      pa("shop", "unset", { mtls: { mode: "UNSET" } }),
      pa("shop", "payment", { selector: { matchLabels: { app: "payment" } }, mtls: { mode: "STRICT" } }),
      pa("bookinfo", "newer", { mtls: { mode: "PERMISSIVE" } }, "2025-06-01T00:00:00Z"),
      pa("bookinfo", "older", { mtls: { mode: "STRICT" } }, "2025-01-01T00:00:00Z"),
      { metadata: { name: "broken" } } as KubernetesObject,
    ]);
    expect(mtlsOf("shop", index)).toEqual({ mode: "permissive", source: "mesh", policy: "istio-system/default", workloadPolicies: 1 });
    expect(mtlsOf("bookinfo", index)).toMatchObject({ mode: "strict", policy: "bookinfo/older" });
  });
});
