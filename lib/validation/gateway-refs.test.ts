import { describe, expect, it } from "vitest";
import { boundGateways, resolveGatewayRef } from "./gateway-refs";

describe("gateway references", () => {
  it("resolves every form istiod accepts", () => {
    expect(resolveGatewayRef("mesh", "bookinfo")).toBe("mesh");
    expect(resolveGatewayRef("bookinfo-gw", "bookinfo")).toBe("bookinfo/bookinfo-gw");
    expect(resolveGatewayRef("istio-system/public", "bookinfo")).toBe("istio-system/public");
    expect(resolveGatewayRef("./bookinfo-gw", "bookinfo")).toBe("bookinfo/bookinfo-gw");
    expect(resolveGatewayRef("public.istio-system", "bookinfo")).toBe("istio-system/public");
    expect(resolveGatewayRef("public.istio-system.svc.cluster.local", "bookinfo")).toBe("istio-system/public");
    expect(resolveGatewayRef(" ", "bookinfo")).toBeUndefined();
  });

  it("binds a VirtualService without gateways to mesh, once per gateway", () => {
    expect(boundGateways(undefined, "bookinfo")).toEqual(["mesh"]);
    expect(boundGateways([], "bookinfo")).toEqual(["mesh"]);
    expect(boundGateways(["gw", "bookinfo/gw", "mesh"], "bookinfo")).toEqual(["bookinfo/gw", "mesh"]);
  });
});
