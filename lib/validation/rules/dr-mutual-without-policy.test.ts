import { describe, expect, it } from "vitest";
import { destinationRule, findingsOf, mesh, peerAuthentication } from "../fixtures";
import type { IPeerAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication";

const mutual = (ns: string, host: string) => destinationRule(ns, "mtls", { host, trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" } } });
const run = (host: string, ns: string, policies: IPeerAuthentication[] = []) => findingsOf("DR005", mesh({ destinationRules: [mutual(ns, host)], peerAuthentications: policies }));

describe("DR005 ISTIO_MUTUAL without a PeerAuthentication enabling mTLS", () => {
  it("reports a mesh-wide rule when no mesh-wide policy sets a mode", () => {
    const [f] = run("*.local", "istio-system");
    expect(f).toMatchObject({ severity: "info", path: "spec.trafficPolicy.tls.mode" });
    expect(f?.message).toBe(
      "ISTIO_MUTUAL for every service of the mesh, but no mesh-wide PeerAuthentication (in istio-system) sets an mTLS mode: servers use Istio's default, PERMISSIVE, and still accept plaintext",
    );
    expect(run("*", "istio-system")).toHaveLength(1);
  });

  it("accepts a mesh-wide rule with a mesh-wide PERMISSIVE or STRICT policy", () => {
    for (const mode of ["PERMISSIVE", "STRICT"] as const) {
      expect(run("*.local", "istio-system", [peerAuthentication("istio-system", "default", { mtls: { mode } })])).toEqual([]);
    }
  });

  it("still reports when the mesh-wide policy leaves the mode UNSET, or only a namespace sets one", () => {
    expect(run("*.local", "istio-system", [peerAuthentication("istio-system", "default", { mtls: { mode: "UNSET" } })])).toHaveLength(1);
    expect(run("*.local", "istio-system", [peerAuthentication("bookinfo", "default", { mtls: { mode: "STRICT" } })])).toHaveLength(1);
  });

  it("accepts a namespace-wide rule with a namespace-wide or mesh-wide policy, and reports it without", () => {
    const host = "*.bookinfo.svc.cluster.local";
    expect(run(host, "bookinfo", [peerAuthentication("bookinfo", "default", { mtls: { mode: "STRICT" } })])).toEqual([]);
    expect(run(host, "bookinfo", [peerAuthentication("istio-system", "default", { mtls: { mode: "PERMISSIVE" } })])).toEqual([]);
    expect(run(host, "bookinfo", [peerAuthentication("shop", "default", { mtls: { mode: "STRICT" } })])[0]?.message).toContain("every service of namespace bookinfo");
  });

  it("does not count workload-level policies", () => {
    const workload = peerAuthentication("bookinfo", "reviews", { selector: { matchLabels: { app: "reviews" } }, mtls: { mode: "STRICT" } });
    expect(run("*.bookinfo.svc.cluster.local", "bookinfo", [workload])).toHaveLength(1);
  });

  it("leaves single-host rules and other modes alone", () => {
    expect(run("reviews", "bookinfo")).toEqual([]);
    expect(findingsOf("DR005", mesh({ destinationRules: [destinationRule("istio-system", "d", { host: "*.local", trafficPolicy: { tls: { mode: "DISABLE" } } })] }))).toEqual([]);
  });
});
