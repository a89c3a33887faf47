import { describe, expect, it } from "vitest";
import { findingsOf, mesh, virtualService } from "../fixtures";
import type { IVirtualService } from "@kubernetes-models/istio/networking.istio.io/v1/VirtualService";

const vs = (ns: string, name: string, hosts: string[], gateways?: string[]) =>
  virtualService(ns, name, { hosts, ...(gateways ? { gateways } : {}), http: [{ route: [{ destination: { host: "reviews.bookinfo.svc.cluster.local" } }] }] });
const run = (...virtualServices: IVirtualService[]) => findingsOf("VS007", mesh({ virtualServices }));

describe("VS007 several VirtualServices for one host", () => {
  it("accepts one VirtualService per host", () => {
    expect(run(vs("bookinfo", "a", ["reviews"]), vs("bookinfo", "b", ["ratings"]))).toEqual([]);
  });

  it("reports both VirtualServices for the same host on the mesh, each naming the other", () => {
    const found = run(vs("bookinfo", "a", ["reviews"]), vs("bookinfo", "b", ["reviews"]));
    expect(found.map((f) => [f.object.name, f.path, f.related?.[0]?.name])).toEqual([
      ["a", "spec.hosts[0]", "b"],
      ["b", "spec.hosts[0]", "a"],
    ]);
    expect(found[0]).toMatchObject({ severity: "warning" });
    expect(found[0]?.message).toContain("sidecars use only one of them");
  });

  it("compares hosts resolved: a short name and the FQDN clash, across namespaces", () => {
    expect(run(vs("bookinfo", "a", ["reviews"]), vs("shop", "b", ["reviews.bookinfo.svc.cluster.local"]))).toHaveLength(2);
    expect(run(vs("bookinfo", "a", ["reviews"]), vs("shop", "b", ["reviews"]))).toEqual([]);
  });

  it("treats a VirtualService without gateways as bound to mesh", () => {
    expect(run(vs("bookinfo", "a", ["reviews"]), vs("bookinfo", "b", ["reviews"], ["mesh"]))).toHaveLength(2);
  });

  it("does not report the same host on different gateways", () => {
    expect(run(vs("bookinfo", "a", ["shop.example.com"], ["istio-system/public"]), vs("bookinfo", "b", ["shop.example.com"], ["mesh"]))).toEqual([]);
  });

  it("reports the same host on the same gateway, however it is referenced", () => {
    const found = run(vs("istio-system", "a", ["shop.example.com"], ["public"]), vs("bookinfo", "b", ["shop.example.com"], ["istio-system/public"]));
    expect(found).toHaveLength(2);
    expect(found[0]?.message).toContain("on istio-system/public: Istio merges them");
  });

  it("does not compare a wildcard with the names it covers", () => {
    expect(run(vs("bookinfo", "a", ["*.example.com"], ["istio-system/public"]), vs("bookinfo", "b", ["shop.example.com"], ["istio-system/public"]))).toEqual([]);
  });
});
