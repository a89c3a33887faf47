import { describe, expect, it } from "vitest";
import { destinationRule, findingsOf, mesh, virtualService } from "../fixtures";
import type { IDestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule";

const reviewsDr = destinationRule("bookinfo", "reviews", { host: "reviews", subsets: [{ name: "v1", labels: { version: "v1" } }, { name: "v2", labels: { version: "v2" } }] });

const to = (host: string, subset: string, drs: IDestinationRule[] = [reviewsDr]) =>
  findingsOf("VS005", mesh({ destinationRules: drs, virtualServices: [virtualService("bookinfo", "vs", { hosts: ["reviews"], http: [{ route: [{ destination: { host, subset } }] }] })] }));

describe("VS005 subset not found", () => {
  it("accepts a subset the host's DestinationRule defines, whatever the host's spelling", () => {
    expect(to("reviews", "v1")).toEqual([]);
    expect(to("reviews.bookinfo.svc.cluster.local", "v2")).toEqual([]);
  });

  it("reports an undefined subset with the subsets that exist", () => {
    const [f] = to("reviews", "v3");
    expect(f).toMatchObject({
      severity: "error",
      path: "spec.http[0].route[0].destination.subset",
      related: [{ kind: "DestinationRule", namespace: "bookinfo", name: "reviews" }],
    });
    expect(f?.message).toContain("defines v1, v2");
  });

  it("reports a subset when no DestinationRule exists for the host", () => {
    expect(to("ratings", "v1")[0]?.message).toBe('Subset "v1" is not defined: no DestinationRule for host ratings.bookinfo.svc.cluster.local');
  });

  it("does not take subsets from a DestinationRule of another namespace's same short name", () => {
    const other = destinationRule("shop", "reviews", { host: "reviews", subsets: [{ name: "v3", labels: { version: "v3" } }] });
    expect(to("reviews", "v3", [reviewsDr, other])).toHaveLength(1);
  });

  it("merges the subsets of several DestinationRules for the same host", () => {
    const extra = destinationRule("bookinfo", "reviews-v3", { host: "reviews.bookinfo.svc.cluster.local", subsets: [{ name: "v3", labels: { version: "v3" } }] });
    expect(to("reviews", "v3", [reviewsDr, extra])).toEqual([]);
  });

  it("uses a wildcard DestinationRule only when no more specific one exists", () => {
    const wildcard = destinationRule("bookinfo", "all", { host: "*.bookinfo.svc.cluster.local", subsets: [{ name: "canary", labels: { track: "canary" } }] });
    expect(to("ratings", "canary", [reviewsDr, wildcard])).toEqual([]);
    expect(to("reviews", "canary", [reviewsDr, wildcard])).toHaveLength(1);
  });

  it("is skipped when DestinationRules are unknown", () => {
    const vs = virtualService("bookinfo", "vs", { hosts: ["reviews"], http: [{ route: [{ destination: { host: "reviews", subset: "v9" } }] }] });
    expect(findingsOf("VS005", mesh({ virtualServices: [vs], destinationRules: undefined }))).toEqual([]);
  });
});
