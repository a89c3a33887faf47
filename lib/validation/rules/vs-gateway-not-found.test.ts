import { describe, expect, it } from "vitest";
import { findingsOf, gateway, mesh, virtualService } from "../fixtures";
import type { MeshConfigInput } from "../input";

const gateways = [
  gateway("istio-system", "public", { selector: { istio: "ingressgateway" }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*"] }] }),
  gateway("bookinfo", "bookinfo-gw", { selector: { istio: "ingressgateway" }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["bookinfo.example.com"] }] }),
];

const bound = (refs: string[], extra: MeshConfigInput = {}) =>
  findingsOf("VS006", mesh({ gateways, virtualServices: [virtualService("bookinfo", "vs", { hosts: ["reviews"], gateways: refs, http: [{ route: [{ destination: { host: "reviews" } }] }] })], ...extra }));

describe("VS006 gateway not found", () => {
  it("treats mesh as the sidecars, never as a missing gateway", () => {
    expect(bound(["mesh"])).toEqual([]);
  });

  it("finds gateways by short name in the VirtualService's namespace, ns/name and ./name", () => {
    expect(bound(["bookinfo-gw", "istio-system/public", "./bookinfo-gw", "bookinfo/bookinfo-gw"])).toEqual([]);
  });

  it("accepts the legacy name.namespace(.svc.cluster.local) form", () => {
    expect(bound(["public.istio-system", "public.istio-system.svc.cluster.local"])).toEqual([]);
  });

  it("reports a short name naming a gateway of another namespace, with a hint", () => {
    const [f] = bound(["mesh", "public"]);
    expect(f).toMatchObject({ severity: "error", path: "spec.gateways[1]" });
    expect(f?.message).toContain("Gateway bookinfo/public not found");
    expect(f?.message).toContain("write <namespace>/public");
  });

  it("reports a cross-namespace reference to a namespace without that gateway", () => {
    expect(bound(["shop/public"]).map((f) => f.message)).toEqual(["Gateway shop/public not found"]);
  });

  it("checks gateways of http, tcp and tls matches", () => {
    const vs = virtualService("bookinfo", "vs", {
      hosts: ["reviews"],
      gateways: ["mesh", "istio-system/public"],
      http: [{ match: [{ gateways: ["mesh"] }, { gateways: ["istio-system/private"] }], route: [{ destination: { host: "reviews" } }] }],
      tcp: [{ match: [{ gateways: ["nope"] }], route: [{ destination: { host: "reviews" } }] }],
    });
    expect(findingsOf("VS006", mesh({ gateways, virtualServices: [vs] })).map((f) => f.path)).toEqual(["spec.http[0].match[1].gateways[0]", "spec.tcp[0].match[0].gateways[0]"]);
  });

  it("is skipped when Gateways are unknown", () => {
    expect(bound(["nope"], { gateways: undefined })).toEqual([]);
  });
});
