import { describe, expect, it } from "vitest";
import { destinationRule, findingsOf, mesh, peerAuthentication } from "../fixtures";
import type { MeshConfigInput } from "../input";

const meshMutual = destinationRule("istio-system", "default", { host: "*.local", trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" } } });
const shopDisabled = peerAuthentication("shop", "legacy", { mtls: { mode: "DISABLE" } });

const both = (input: MeshConfigInput) => ({ dr: findingsOf("DR004", input), pa: findingsOf("PA003", input) });

describe("DR004 / PA003 ISTIO_MUTUAL towards workloads whose mTLS is disabled", () => {
  it("reports a mesh-wide ISTIO_MUTUAL rule over a namespace that disables mTLS", () => {
    const { dr, pa } = both(mesh({ destinationRules: [meshMutual], peerAuthentications: [shopDisabled] }));
    expect(dr.map((f) => [f.object.name, f.path, f.severity, f.message])).toEqual([
      ["default", "spec.trafficPolicy.tls.mode", "error", "ISTIO_MUTUAL towards shop/cart, whose mTLS is disabled by PeerAuthentication shop/legacy: connections fail"],
    ]);
    expect(pa.map((f) => [f.object.name, f.path, f.related?.[0]?.name])).toEqual([["legacy", "spec.mtls.mode", "default"]]);
    expect(pa[0]?.message).toContain("requires ISTIO_MUTUAL (spec.trafficPolicy.tls.mode) towards shop/cart");
  });

  it("accepts the migration pattern: a namespace rule disabling TLS shadows the mesh rule", () => {
    const shopPlain = destinationRule("shop", "plain", { host: "*.shop.svc.cluster.local", trafficPolicy: { tls: { mode: "DISABLE" } } });
    expect(both(mesh({ destinationRules: [meshMutual, shopPlain], peerAuthentications: [shopDisabled] }))).toEqual({ dr: [], pa: [] });
  });

  it("accepts ISTIO_MUTUAL towards PERMISSIVE and STRICT workloads", () => {
    const strict = peerAuthentication("shop", "strict", { mtls: { mode: "STRICT" } });
    expect(both(mesh({ destinationRules: [meshMutual], peerAuthentications: [strict] }))).toEqual({ dr: [], pa: [] });
    expect(both(mesh({ destinationRules: [meshMutual] }))).toEqual({ dr: [], pa: [] });
  });

  it("reports a single-host rule towards a workload-level DISABLE policy", () => {
    const dr = destinationRule("bookinfo", "reviews", { host: "reviews", trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" } } });
    const v1Plain = peerAuthentication("bookinfo", "v1-plain", { selector: { matchLabels: { version: "v1" } }, mtls: { mode: "DISABLE" } });
    const { dr: onDr } = both(mesh({ destinationRules: [dr], peerAuthentications: [v1Plain] }));
    expect(onDr.map((f) => f.related?.[0]?.name)).toEqual(["v1-plain"]);
  });

  it("lists every affected Service once, sorted", () => {
    const bookinfoDisabled = peerAuthentication("bookinfo", "legacy", { mtls: { mode: "DISABLE" } });
    const [f] = findingsOf("DR004", mesh({ destinationRules: [meshMutual], peerAuthentications: [bookinfoDisabled] }));
    expect(f?.message).toContain("towards bookinfo/ratings, bookinfo/reviews,");
  });
});
