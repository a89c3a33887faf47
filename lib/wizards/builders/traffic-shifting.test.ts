import { describe, expect, it } from "vitest";
import { MANAGED_BY_LABEL } from "../api";
import { buildFrom, dr, NS, ok, REVIEWS_DR, REVIEWS_VS, snapshot, validateAll, vs } from "./fixtures";
import { PREVIOUS_WEIGHTS_ANNOTATION } from "./routes";
import type { WizardObject } from "./types";

const FQDN = "reviews.bookinfo.svc.cluster.local";
const weights = (...ws: Array<[string, number]>) => ({ weights: ws.map(([version, weight]) => ({ version, weight })) });
const spec = (o: WizardObject | null) => (o as { spec?: Record<string, unknown> } | null)?.spec;

describe("traffic shifting builder", () => {
  it("creates the DestinationRule (a subset per version) and a weighted VirtualService when there are none", () => {
    const r = ok(buildFrom("traffic-shifting", snapshot(), weights(["v1", 90], ["v2", 10], ["v3", 0])));
    validateAll(r);
    expect(r.changes.map((c) => `${c.action} ${c.desired?.kind}/${c.desired?.metadata?.name}`)).toEqual(["create DestinationRule/reviews", "create VirtualService/reviews"]);
    const [drChange, vsChange] = r.changes;
    expect(spec(drChange?.desired ?? null)).toEqual({ host: FQDN, subsets: ["v1", "v2", "v3"].map((v) => ({ name: v, labels: { version: v } })) });
    expect(spec(vsChange?.desired ?? null)).toEqual({
      hosts: [FQDN],
      http: [
        {
          route: [
            { destination: { host: FQDN, subset: "v1" }, weight: 90 },
            { destination: { host: FQDN, subset: "v2" }, weight: 10 },
            { destination: { host: FQDN, subset: "v3" }, weight: 0 },
          ],
        },
      ],
    });
    for (const c of r.changes) expect(c.desired?.metadata?.labels?.[MANAGED_BY_LABEL]).toBe("meshscope");
    expect(vsChange?.desired?.metadata?.annotations).toBeUndefined();
  });

  it("replaces Bookinfo's routes, records the previous weights and keeps the DestinationRule that already has the subsets", () => {
    const current = { ...REVIEWS_VS, metadata: { ...REVIEWS_VS.metadata, labels: { team: "books" }, annotations: { note: "keep" } } };
    const r = ok(buildFrom("traffic-shifting", snapshot({ virtualServices: [current], destinationRules: [REVIEWS_DR] }), weights(["v2", 100])));
    validateAll(r);
    expect(r.changes.map((c) => c.action)).toEqual(["unchanged", "update"]);
    const next = r.changes[1]?.desired;
    expect(next?.metadata?.labels).toEqual({ team: "books", [MANAGED_BY_LABEL]: "meshscope" });
    expect(next?.metadata?.annotations?.note).toBe("keep");
    expect(JSON.parse(next?.metadata?.annotations?.[PREVIOUS_WEIGHTS_ANNOTATION] ?? "")).toEqual([
      { version: "v1", weight: 50 },
      { version: "v3", weight: 50 },
    ]);
    expect(spec(next ?? null)).toEqual({ hosts: ["reviews"], http: [{ route: [{ destination: { host: FQDN, subset: "v2" }, weight: 100 }] }] });
    expect(next?.metadata?.resourceVersion).toBeUndefined();
    expect(r.warnings.map((w) => w.code)).toEqual(["routes-replaced"]);
  });

  it("keeps fault injection, timeouts and other settings of the catch-all route", () => {
    const current = vs("reviews", {
      hosts: [FQDN],
      http: [{ fault: { abort: { httpStatus: 503, percentage: { value: 5 } } }, timeout: "2s", headers: { request: { set: { x: "1" } } }, route: [{ destination: { host: FQDN } }] }],
    });
    const r = ok(buildFrom("traffic-shifting", snapshot({ virtualServices: [current] }), weights(["v1", 50], ["v3", 50])));
    validateAll(r);
    const http = spec(r.changes[1]?.desired ?? null)?.["http"] as Array<Record<string, unknown>>;
    expect(http).toHaveLength(1);
    expect(http[0]).toMatchObject({ fault: { abort: { httpStatus: 503, percentage: { value: 5 } } }, timeout: "2s", headers: { request: { set: { x: "1" } } } });
    // The current route has no subsets, so there were no weights to remember.
    expect(r.changes[1]?.desired?.metadata?.annotations).toBeUndefined();
  });

  it("does not rewrite the previous weights when the weights stay the same", () => {
    const current = { ...REVIEWS_VS, metadata: { ...REVIEWS_VS.metadata, annotations: { [PREVIOUS_WEIGHTS_ANNOTATION]: '[{"version":"v1","weight":100}]' } } };
    const r = ok(buildFrom("traffic-shifting", snapshot({ virtualServices: [current], destinationRules: [REVIEWS_DR] }), weights(["v1", 50], ["v3", 50])));
    expect(r.changes[1]?.desired?.metadata?.annotations?.[PREVIOUS_WEIGHTS_ANNOTATION]).toBe('[{"version":"v1","weight":100}]');
  });

  it("adds only the missing subsets to a DestinationRule, keeping its traffic policy", () => {
    const current = dr("reviews", { host: "reviews", trafficPolicy: { loadBalancer: { simple: "ROUND_ROBIN" } }, subsets: [{ name: "v1", labels: { version: "v1" } }] });
    const r = ok(buildFrom("traffic-shifting", snapshot({ destinationRules: [current] }), weights(["v1", 80], ["v2", 20])));
    validateAll(r);
    expect(r.changes[0]?.action).toBe("update");
    expect(spec(r.changes[0]?.desired ?? null)).toEqual({
      host: "reviews",
      trafficPolicy: { loadBalancer: { simple: "ROUND_ROBIN" } },
      subsets: ["v1", "v2", "v3"].map((v) => ({ name: v, labels: { version: v } })),
    });
  });

  it("refuses a version the service does not have, naming the field", () => {
    const r = buildFrom("traffic-shifting", snapshot(), weights(["v1", 50], ["v9", 50]));
    expect(r).toMatchObject({ ok: false, status: 422, issues: [{ path: "input.weights.1.version", message: expect.stringContaining("v1, v2, v3") }] });
  });

  it("refuses weights the schema rejects (range, sum, duplicates)", () => {
    expect(() => buildFrom("traffic-shifting", snapshot(), weights(["v1", 150], ["v2", -50]))).toThrow(/at most 100/);
    expect(() => buildFrom("traffic-shifting", snapshot(), weights(["v1", 60], ["v2", 30]))).toThrow(/sum to 100/);
    expect(() => buildFrom("traffic-shifting", snapshot(), weights(["v1", 50], ["v1", 50]))).toThrow(/listed twice/);
  });

  it("needs a target service that exists", () => {
    expect(buildFrom("traffic-shifting", snapshot({}, { namespace: NS }), weights(["v1", 100]))).toMatchObject({ ok: false, status: 422, issues: [{ path: "target.service" }] });
    expect(buildFrom("traffic-shifting", snapshot({}, { namespace: NS, service: "nope" }), weights(["v1", 100]))).toMatchObject({ ok: false, status: 404 });
  });

  it("refuses to overwrite a VirtualService of the same name that is for a gateway", () => {
    const gatewayVs = vs("reviews", { hosts: ["reviews.example.com"], gateways: ["bookinfo-gateway"], http: [{ route: [{ destination: { host: "reviews" } }] }] });
    expect(buildFrom("traffic-shifting", snapshot({ virtualServices: [gatewayVs] }), weights(["v1", 100]))).toMatchObject({ ok: false, status: 409 });
  });

  it("warns about a second VirtualService for the same host", () => {
    const other = vs("reviews-extra", { hosts: [FQDN], http: [{ route: [{ destination: { host: FQDN } }] }] }, { creationTimestamp: "2023-01-01T00:00:00Z" });
    const r = ok(buildFrom("traffic-shifting", snapshot({ virtualServices: [REVIEWS_VS, other] }), weights(["v1", 100])));
    expect(r.changes[1]?.desired?.metadata?.name).toBe("reviews");
    expect(r.warnings.map((w) => w.code)).toContain("duplicate-host");
  });
});
