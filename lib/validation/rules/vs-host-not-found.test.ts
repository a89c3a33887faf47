import { describe, expect, it } from "vitest";
import { findingsOf, mesh, serviceEntry, virtualService } from "../fixtures";
import type { MeshConfigInput } from "../input";

const to = (host: string, extra: MeshConfigInput = {}) =>
  findingsOf("VS004", mesh({ virtualServices: [virtualService("bookinfo", "vs", { hosts: ["reviews"], http: [{ route: [{ destination: { host } }] }] })], ...extra }));

const external = serviceEntry("shop", "external", { hosts: ["api.example.com", "*.payments.example.com"], location: "MESH_EXTERNAL", resolution: "DNS" });

describe("VS004 destination host not found", () => {
  it("resolves short names in the VirtualService's namespace", () => {
    expect(to("reviews")).toEqual([]);
    expect(to("Reviews")).toEqual([]);
  });

  it("finds Services by FQDN, in any namespace", () => {
    expect(to("reviews.bookinfo.svc.cluster.local")).toEqual([]);
    expect(to("cart.shop.svc.cluster.local")).toEqual([]);
  });

  it("reports a short name whose Service is in another namespace, and says where it is", () => {
    const [f] = to("cart");
    expect(f).toMatchObject({ severity: "error", path: "spec.http[0].route[0].destination.host" });
    expect(f?.message).toContain("cart.bookinfo.svc.cluster.local");
    expect(f?.message).toContain("exists in shop: write cart.shop.svc.cluster.local");
  });

  it("reports name.namespace, which Istio does not complete", () => {
    const [f] = to("reviews.bookinfo");
    expect(f?.message).toContain('Istio does not complete "reviews.bookinfo": write reviews.bookinfo.svc.cluster.local');
    expect(to("reviews.bookinfo.svc")).toHaveLength(1);
  });

  it("reports an FQDN of a Service that does not exist", () => {
    expect(to("details.bookinfo.svc.cluster.local")[0]?.message).toBe("No Service or ServiceEntry for host details.bookinfo.svc.cluster.local");
  });

  it("finds ServiceEntry hosts, exact and under a wildcard", () => {
    const withSe = { serviceEntries: [external] };
    expect(to("api.example.com", withSe)).toEqual([]);
    expect(to("eu.payments.example.com", withSe)).toEqual([]);
    expect(to("payments.example.com", withSe)).toHaveLength(1);
    expect(to("api.example.com")).toHaveLength(1);
  });

  it("checks mirrors and tcp routes", () => {
    const vs = virtualService("bookinfo", "vs", {
      hosts: ["reviews"],
      http: [{ route: [{ destination: { host: "reviews" } }], mirror: { host: "shadow" }, mirrors: [{ destination: { host: "shadow2" } }] }],
      tcp: [{ route: [{ destination: { host: "nowhere" } }] }],
    });
    expect(findingsOf("VS004", mesh({ virtualServices: [vs] })).map((f) => f.path)).toEqual([
      "spec.http[0].mirror.host",
      "spec.http[0].mirrors[0].destination.host",
      "spec.tcp[0].route[0].destination.host",
    ]);
  });

  it("uses the configured cluster domain", () => {
    expect(to("reviews.bookinfo.svc.corp.local", { options: { clusterDomain: "corp.local" } })).toEqual([]);
    expect(to("reviews", { options: { clusterDomain: "corp.local" } })).toEqual([]);
    expect(to("reviews.bookinfo.svc.cluster.local", { options: { clusterDomain: "corp.local" } })).toHaveLength(1);
  });

  it("is skipped when Services or ServiceEntries are unknown", () => {
    expect(to("nowhere", { services: undefined })).toEqual([]);
    expect(to("nowhere", { serviceEntries: undefined })).toEqual([]);
  });
});
