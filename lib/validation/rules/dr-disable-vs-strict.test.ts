import { describe, expect, it } from "vitest";
import { destinationRule, findingsOf, mesh, peerAuthentication } from "../fixtures";
import type { MeshConfigInput } from "../input";

const strictMesh = peerAuthentication("istio-system", "default", { mtls: { mode: "STRICT" } });
const disableReviews = destinationRule("bookinfo", "reviews", { host: "reviews", trafficPolicy: { tls: { mode: "DISABLE" } } });

const both = (input: MeshConfigInput) => ({ dr: findingsOf("DR006", input), pa: findingsOf("PA002", input) });

describe("DR006 / PA002 TLS disabled towards STRICT workloads", () => {
  it("reports a DISABLE rule towards a mesh-wide STRICT namespace, on the rule and on the policy", () => {
    const { dr, pa } = both(mesh({ peerAuthentications: [strictMesh], destinationRules: [disableReviews] }));
    expect(dr).toEqual([
      {
        code: "DR006",
        severity: "error",
        path: "spec.trafficPolicy.tls.mode",
        message: "TLS disabled towards bookinfo/reviews, which require mTLS (STRICT, PeerAuthentication istio-system/default): requests fail",
        object: { kind: "DestinationRule", namespace: "bookinfo", name: "reviews" },
        related: [{ kind: "PeerAuthentication", namespace: "istio-system", name: "default" }],
      },
    ]);
    expect(pa).toHaveLength(1);
    expect(pa[0]).toMatchObject({ code: "PA002", severity: "error", path: "spec.mtls.mode", related: [{ kind: "DestinationRule", name: "reviews" }] });
    expect(pa[0]?.message).toContain("disables TLS (spec.trafficPolicy.tls.mode) towards bookinfo/reviews");
  });

  it("accepts DISABLE where the namespace overrides the mesh with PERMISSIVE", () => {
    const permissive = peerAuthentication("bookinfo", "default", { mtls: { mode: "PERMISSIVE" } });
    expect(both(mesh({ peerAuthentications: [strictMesh, permissive], destinationRules: [disableReviews] }))).toEqual({ dr: [], pa: [] });
  });

  it("accepts DISABLE without any PeerAuthentication (PERMISSIVE default)", () => {
    expect(both(mesh({ destinationRules: [disableReviews] }))).toEqual({ dr: [], pa: [] });
  });

  it("finds workload-level STRICT policies selecting the Service's pods", () => {
    const workload = peerAuthentication("bookinfo", "reviews-strict", { selector: { matchLabels: { app: "reviews" } }, mtls: { mode: "STRICT" } });
    const { dr, pa } = both(mesh({ peerAuthentications: [workload], destinationRules: [disableReviews] }));
    expect(dr.map((f) => f.related?.[0]?.name)).toEqual(["reviews-strict"]);
    expect(pa.map((f) => f.object.name)).toEqual(["reviews-strict"]);
  });

  it("judges subset and port-level settings against the workloads they reach", () => {
    const strictV2 = peerAuthentication("bookinfo", "v2", { selector: { matchLabels: { version: "v2" } }, mtls: { mode: "STRICT" } });
    const dr = destinationRule("bookinfo", "reviews", {
      host: "reviews",
      trafficPolicy: { portLevelSettings: [{ port: { number: 9080 }, tls: { mode: "DISABLE" } }] },
      subsets: [
        { name: "v1", labels: { version: "v1" }, trafficPolicy: { tls: { mode: "DISABLE" } } },
        { name: "v2", labels: { version: "v2" }, trafficPolicy: { tls: { mode: "DISABLE" } } },
      ],
    });
    expect(findingsOf("DR006", mesh({ peerAuthentications: [strictV2], destinationRules: [dr] })).map((f) => f.path)).toEqual([
      "spec.subsets[1].trafficPolicy.tls.mode",
      "spec.trafficPolicy.portLevelSettings[0].tls.mode",
    ]);
  });

  it("judges a wildcard rule only for Services no more specific rule covers", () => {
    const nsWide = destinationRule("bookinfo", "all", { host: "*.bookinfo.svc.cluster.local", trafficPolicy: { tls: { mode: "DISABLE" } } });
    const ratings = destinationRule("bookinfo", "ratings", { host: "ratings", trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" } } });
    const [f] = findingsOf("DR006", mesh({ peerAuthentications: [strictMesh], destinationRules: [nsWide, ratings] }));
    expect(f?.message).toContain("towards bookinfo/reviews,");
    expect(f?.message).not.toContain("ratings");
  });

  it("is skipped when PeerAuthentications are unknown", () => {
    expect(findingsOf("DR006", mesh({ peerAuthentications: undefined, destinationRules: [disableReviews] }))).toEqual([]);
  });
});
