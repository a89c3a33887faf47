import { describe, expect, it } from "vitest";
import { buildFrom, dr, ok, REVIEWS_DR, REVIEWS_VS, snapshot, vs } from "./fixtures";

const managed = { labels: { "app.kubernetes.io/managed-by": "meshscope" } };
const FQDN = "reviews.bookinfo.svc.cluster.local";

describe("remove routing builder", () => {
  it("deletes the service's VirtualService and DestinationRule that Meshscope wrote, VirtualService first", () => {
    const mine = [vs("reviews", { hosts: [FQDN], http: [{ route: [{ destination: { host: FQDN, subset: "v1" } }] }] }, managed), dr("reviews", { host: FQDN }, managed)];
    const r = ok(buildFrom("remove-routing", snapshot({ virtualServices: [mine[0]!] as never, destinationRules: [mine[1]!] as never }), {}));
    expect(r.changes.map((c) => `${c.action} ${c.current?.kind}/${c.current?.metadata?.name}`)).toEqual(["delete VirtualService/reviews", "delete DestinationRule/reviews"]);
    expect(r.changes.every((c) => c.desired === null)).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it("never deletes someone else's objects", () => {
    const r = ok(buildFrom("remove-routing", snapshot({ virtualServices: [REVIEWS_VS], destinationRules: [REVIEWS_DR] }), {}));
    expect(r.changes).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(["not-managed", "not-managed"]);
  });

  it("ignores objects for other hosts, and says when there is nothing to remove", () => {
    const other = vs("ratings", { hosts: ["ratings"], http: [{ route: [{ destination: { host: "ratings" } }] }] }, managed);
    const r = ok(buildFrom("remove-routing", snapshot({ virtualServices: [other] }), {}));
    expect(r.changes).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(["nothing-to-remove"]);
  });

  it("takes no input", () => {
    expect(() => buildFrom("remove-routing", snapshot(), { force: true })).toThrow();
  });
});
