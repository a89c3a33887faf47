import { describe, expect, it } from "vitest";
import { findingsOf, mesh, serviceEntry, sidecar } from "../fixtures";
import type { MeshConfigInput } from "../input";

const egress = (hosts: string[], extra: MeshConfigInput = {}) => findingsOf("SC001", mesh({ sidecars: [sidecar("bookinfo", "default", { egress: [{ hosts }] })], ...extra }));

describe("SC001 Sidecar egress host not found", () => {
  it("accepts the usual forms: ./*, istio-system/*, */*, ~/*", () => {
    expect(egress(["./*", "istio-system/*", "*/*", "~/*"])).toEqual([]);
  });

  it("accepts Services named by FQDN in their namespace, . for the Sidecar's own, * for any", () => {
    expect(egress(["shop/cart.shop.svc.cluster.local", "./reviews.bookinfo.svc.cluster.local", "*/cart.shop.svc.cluster.local"])).toEqual([]);
  });

  it("reports a namespace that does not exist", () => {
    const [f] = egress(["legacy/*"]);
    expect(f).toMatchObject({ severity: "warning", path: "spec.egress[0].hosts[0]", message: "Namespace legacy does not exist" });
  });

  it("reports a Service looked up in the wrong namespace", () => {
    expect(egress(["bookinfo/cart.shop.svc.cluster.local"]).map((f) => f.message)).toEqual(["No Service or ServiceEntry in namespace bookinfo for host cart.shop.svc.cluster.local"]);
  });

  it("reports a short name, which is not completed", () => {
    expect(egress(["shop/cart"])[0]?.message).toContain("egress hosts are not completed: write cart.shop.svc.cluster.local");
  });

  it("finds ServiceEntry hosts in the ServiceEntry's namespace, and wildcards overlapping them", () => {
    const serviceEntries = [serviceEntry("shop", "ext", { hosts: ["api.example.com"] })];
    expect(egress(["shop/api.example.com", "*/api.example.com", "shop/*.example.com"], { serviceEntries })).toEqual([]);
    expect(egress(["bookinfo/api.example.com"], { serviceEntries })).toHaveLength(1);
  });

  it("is skipped when Services are unknown", () => {
    expect(egress(["shop/nothing.example.com"], { services: undefined })).toEqual([]);
  });
});
