import { describe, expect, it } from "vitest";
import { MANAGED_BY_LABEL } from "../api";
import { ap, buildFrom, caller, dr, NS, ok, pa, REVIEWS_DR, snapshot, validateAll, workload, WORKLOADS } from "./fixtures";
import { effectiveMode } from "./mtls-effective";

const nsTarget = { namespace: NS };
const tlsOf = (o: unknown) => (o as { spec?: { trafficPolicy?: { tls?: { mode?: string } } } }).spec?.trafficPolicy?.tls?.mode;

describe("effective mTLS", () => {
  const labels = { app: "reviews", version: "v1" };
  it("takes the workload's policy over the namespace's over the mesh's over PERMISSIVE", () => {
    expect(effectiveMode([], "istio-system", NS, labels).mode).toBe("PERMISSIVE");
    const mesh = pa("default", { mtls: { mode: "STRICT" } }, {}, "istio-system");
    expect(effectiveMode([mesh], "istio-system", NS, labels).mode).toBe("STRICT");
    const ns = pa("default", { mtls: { mode: "DISABLE" } });
    expect(effectiveMode([mesh, ns], "istio-system", NS, labels).mode).toBe("DISABLE");
    const own = pa("reviews-v1", { selector: { matchLabels: { version: "v1" } }, mtls: { mode: "PERMISSIVE" } });
    expect(effectiveMode([mesh, ns, own], "istio-system", NS, labels).mode).toBe("PERMISSIVE");
  });

  it("lets an UNSET policy inherit, and the oldest of two namespace policies win", () => {
    const unset = pa("default", { mtls: { mode: "UNSET" } });
    const mesh = pa("default", { mtls: { mode: "STRICT" } }, {}, "istio-system");
    expect(effectiveMode([unset, mesh], "istio-system", NS, labels).mode).toBe("STRICT");
    const older = pa("a", { mtls: { mode: "DISABLE" } }, { creationTimestamp: "2020-01-01T00:00:00Z" });
    const newer = pa("b", { mtls: { mode: "STRICT" } }, { creationTimestamp: "2021-01-01T00:00:00Z" });
    expect(effectiveMode([newer, older], "istio-system", NS, labels)).toMatchObject({ mode: "DISABLE", policy: older });
  });
});

describe("mtls builder", () => {
  it("writes the namespace's `default` PeerAuthentication and ISTIO_MUTUAL for its services, with modes before and after", () => {
    const r = ok(buildFrom("mtls", snapshot({}, nsTarget), { mode: "STRICT" }));
    validateAll(r);
    expect(r.changes.map((c) => `${c.action} ${c.desired?.kind}/${c.desired?.metadata?.name}`)).toEqual([
      "create PeerAuthentication/default",
      "create DestinationRule/productpage",
      "create DestinationRule/reviews",
    ]);
    expect((r.changes[0]?.desired as { spec?: unknown }).spec).toEqual({ mtls: { mode: "STRICT" } });
    expect(r.changes[0]?.desired?.metadata?.labels?.[MANAGED_BY_LABEL]).toBe("meshscope");
    expect(tlsOf(r.changes[2]?.desired)).toBe("ISTIO_MUTUAL");
    expect(r.mtls).toEqual(WORKLOADS.map((w) => ({ workload: w.name, namespace: NS, sidecar: true, before: "PERMISSIVE", after: "STRICT" })));
    expect(r.warnings).toEqual([]);
  });

  it("edits an existing DestinationRule's traffic policy and keeps its subsets", () => {
    const r = ok(buildFrom("mtls", snapshot({ destinationRules: [REVIEWS_DR] }, nsTarget), { mode: "DISABLE" }));
    validateAll(r);
    const reviews = r.changes.find((c) => c.desired?.metadata?.name === "reviews");
    expect(reviews?.action).toBe("update");
    expect(tlsOf(reviews?.desired)).toBe("DISABLE");
    expect((reviews?.desired as { spec?: { subsets?: unknown[] } }).spec?.subsets).toHaveLength(3);
  });

  it("warns that STRICT would refuse callers without a sidecar", () => {
    const callers = [caller("legacy", "batch-client", false, ["productpage-v1"]), caller(NS, "productpage-v1", true, ["reviews-v1"])];
    const r = ok(buildFrom("mtls", snapshot({ callers }, nsTarget), { mode: "STRICT" }));
    expect(r.warnings).toEqual([{ code: "strict-breaks-callers", message: expect.stringContaining("legacy/batch-client") }]);
    const unknown = ok(buildFrom("mtls", snapshot({ callers: null }, nsTarget), { mode: "STRICT" }));
    expect(unknown.warnings.map((w) => w.code)).toEqual(["callers-unknown"]);
  });

  it("targets one workload with a selector, and leaves a service with mixed modes alone", () => {
    const r = ok(buildFrom("mtls", snapshot({}, { namespace: NS, workload: "reviews-v1" }), { mode: "DISABLE" }));
    validateAll(r);
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]?.desired).toMatchObject({ kind: "PeerAuthentication", metadata: { name: "reviews-v1" }, spec: { selector: { matchLabels: { app: "reviews", version: "v1" } }, mtls: { mode: "DISABLE" } } });
    expect(r.warnings.map((w) => w.code)).toEqual(["mixed-modes"]);
    expect(r.mtls?.find((m) => m.workload === "reviews-v1")).toMatchObject({ before: "PERMISSIVE", after: "DISABLE" });
    expect(r.mtls?.find((m) => m.workload === "reviews-v2")).toMatchObject({ before: "PERMISSIVE", after: "PERMISSIVE" });
  });

  it("edits the namespace's existing policy (whatever its name) and says when a workload's own policy overrides it", () => {
    const existing = pa("ns-wide", { mtls: { mode: "PERMISSIVE" } });
    const own = pa("reviews-v2", { selector: { matchLabels: { app: "reviews", version: "v2" } }, mtls: { mode: "PERMISSIVE" } });
    const r = ok(buildFrom("mtls", snapshot({ peerAuthentications: [existing, own] }, nsTarget), { mode: "STRICT" }));
    expect(r.changes[0]).toMatchObject({ action: "update", desired: { metadata: { name: "ns-wide" } } });
    expect(r.warnings.map((w) => w.code)).toContain("overridden");
    // reviews stays mixed (v2 PERMISSIVE is not DISABLE): ISTIO_MUTUAL is still right for it.
    expect(tlsOf(r.changes.find((c) => c.desired?.metadata?.name === "reviews")?.desired)).toBe("ISTIO_MUTUAL");
  });

  it("does not write ISTIO_MUTUAL to services whose workloads have no sidecar, and says so", () => {
    const workloads = [workload("legacy-api", { app: "legacy-api" }, false, NS)];
    const r = ok(buildFrom("mtls", snapshot({ workloads, services: [{ namespace: NS, name: "legacy-api", selector: { app: "legacy-api" } }] }, nsTarget), { mode: "STRICT" }));
    expect(r.changes.map((c) => c.desired?.kind)).toEqual(["PeerAuthentication"]);
    expect(r.warnings.map((w) => w.code)).toEqual(["no-sidecar"]);
  });

  it("warns that DISABLE breaks authorization by identity", () => {
    const policy = ap("allow", { rules: [{ from: [{ source: { principals: ["cluster.local/ns/bookinfo/sa/x"] } }] }] });
    const r = ok(buildFrom("mtls", snapshot({ authorizationPolicies: [policy] }, nsTarget), { mode: "DISABLE" }));
    expect(r.warnings.map((w) => w.code)).toContain("authz-needs-mtls");
  });

  it("refuses an unknown mode, an unknown workload and a policy name taken by another scope", () => {
    expect(() => buildFrom("mtls", snapshot({}, nsTarget), { mode: "MUTUAL" })).toThrow();
    expect(buildFrom("mtls", snapshot({}, { namespace: NS, workload: "nope" }), { mode: "STRICT" })).toMatchObject({ ok: false, status: 404 });
    const taken = pa("reviews-v1", { mtls: { mode: "STRICT" } });
    expect(buildFrom("mtls", snapshot({ peerAuthentications: [taken] }, { namespace: NS, workload: "reviews-v1" }), { mode: "STRICT" })).toMatchObject({ ok: false, status: 409 });
  });

  it("leaves a DestinationRule that already has the mode unchanged", () => {
    const reviews = dr("reviews", { host: "reviews", trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" } } });
    const r = ok(buildFrom("mtls", snapshot({ destinationRules: [reviews] }, nsTarget), { mode: "PERMISSIVE" }));
    expect(r.changes.find((c) => c.current?.metadata?.name === "reviews")?.action).toBe("unchanged");
  });
});
