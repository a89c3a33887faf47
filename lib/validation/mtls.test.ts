import { describe, expect, it } from "vitest";
import { buildContext } from "./context";
import { mesh, peerAuthentication } from "./fixtures";
import type { IPeerAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication";
import { effectiveMtls } from "./mtls";

const modeOf = (policies: IPeerAuthentication[], ns: string, labels: Record<string, string>) => effectiveMtls(buildContext(mesh({ peerAuthentications: policies })), ns, labels);

describe("effective mTLS mode of a workload", () => {
  it("is Istio's default, PERMISSIVE, without any PeerAuthentication", () => {
    expect(modeOf([], "bookinfo", { app: "reviews" })).toEqual({ mode: "PERMISSIVE" });
  });

  it("takes the workload policy, then the namespace's, then the mesh's", () => {
    const meshWide = peerAuthentication("istio-system", "default", { mtls: { mode: "STRICT" } });
    const nsWide = peerAuthentication("bookinfo", "default", { mtls: { mode: "PERMISSIVE" } });
    const workload = peerAuthentication("bookinfo", "reviews", { selector: { matchLabels: { app: "reviews" } }, mtls: { mode: "DISABLE" } });
    expect(modeOf([meshWide], "bookinfo", { app: "reviews" })).toEqual({ mode: "STRICT", policy: { kind: "PeerAuthentication", namespace: "istio-system", name: "default" } });
    expect(modeOf([meshWide, nsWide], "bookinfo", { app: "reviews" }).mode).toBe("PERMISSIVE");
    expect(modeOf([meshWide, nsWide, workload], "bookinfo", { app: "reviews" }).mode).toBe("DISABLE");
    expect(modeOf([meshWide, nsWide, workload], "bookinfo", { app: "ratings" }).mode).toBe("PERMISSIVE");
    expect(modeOf([meshWide, nsWide, workload], "shop", { app: "reviews" }).mode).toBe("STRICT");
  });

  it("lets an UNSET mode inherit from the level above", () => {
    const meshWide = peerAuthentication("istio-system", "default", { mtls: { mode: "STRICT" } });
    const workload = peerAuthentication("bookinfo", "reviews", { selector: { matchLabels: { app: "reviews" } }, mtls: { mode: "UNSET" } });
    expect(modeOf([meshWide, workload], "bookinfo", { app: "reviews" }).mode).toBe("STRICT");
  });

  it("uses the oldest of several namespace-wide policies", () => {
    const older = peerAuthentication("bookinfo", "z-older", { mtls: { mode: "STRICT" } }, "2024-01-01T00:00:00Z");
    const newer = peerAuthentication("bookinfo", "a-newer", { mtls: { mode: "DISABLE" } }, "2025-01-01T00:00:00Z");
    expect(modeOf([newer, older], "bookinfo", {}).policy?.name).toBe("z-older");
  });

  it("applies a root-namespace policy with a selector only to the root namespace's workloads", () => {
    const rootSelector = peerAuthentication("istio-system", "gw", { selector: { matchLabels: { app: "reviews" } }, mtls: { mode: "STRICT" } });
    expect(modeOf([rootSelector], "bookinfo", { app: "reviews" }).mode).toBe("PERMISSIVE");
    expect(modeOf([rootSelector], "istio-system", { app: "reviews" }).mode).toBe("STRICT");
  });
});
