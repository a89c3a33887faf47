import { describe, expect, it } from "vitest";
import { findingsOf, mesh, virtualService, weightedRoute } from "../fixtures";

const run = (code: string, ...weights: (number | undefined)[]) => findingsOf(code, mesh({ virtualServices: [weightedRoute(...weights)] }));

describe("VS001 weights that do not add up to 100", () => {
  it("accepts weights adding up to 100", () => {
    expect(run("VS001", 80, 20)).toEqual([]);
    expect(run("VS001", 50, 25, 25)).toEqual([]);
    expect(run("VS001", 100, 0)).toEqual([]);
  });

  it.each([
    [[50, 49], 99],
    [[50, 51], 101],
    [[80, 30], 110],
  ])("reports %j (total %i) on the route list, with the shares Istio applies", (weights, total) => {
    const [f, ...rest] = run("VS001", ...weights);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      code: "VS001",
      severity: "warning",
      path: "spec.http[0].route",
      object: { kind: "VirtualService", namespace: "bookinfo", name: "reviews" },
    });
    expect(f?.message).toContain(`add up to ${total}`);
  });

  it("states the proportional split", () => {
    expect(run("VS001", 80, 30)[0]?.message).toContain("72.7% / 27.3%");
  });

  it("says destinations without a weight get no traffic", () => {
    expect(run("VS001", 60, undefined)[0]?.message).toContain("1 destination(s) without a weight get no traffic");
  });

  it("leaves totals of 0 and negative weights to VS002", () => {
    expect(run("VS001", undefined, undefined)).toEqual([]);
    expect(run("VS001", 120, -20)).toEqual([]);
  });

  it("checks tcp and tls route lists too, each on its own", () => {
    const vs = virtualService("bookinfo", "r", {
      hosts: ["reviews"],
      tcp: [{ route: [{ destination: { host: "reviews" }, weight: 50 }, { destination: { host: "ratings" }, weight: 50 }] }],
      tls: [
        { match: [{ sniHosts: ["a.example.com"] }], route: [{ destination: { host: "reviews" }, weight: 10 }, { destination: { host: "ratings" }, weight: 10 }] },
      ],
    });
    expect(findingsOf("VS001", mesh({ virtualServices: [vs] })).map((f) => f.path)).toEqual(["spec.tls[0].route"]);
  });
});
