import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";
import { buildContext, withObject } from "./context";
import { mesh, service, serviceEntry, virtualService } from "./fixtures";

const base = () => buildContext(mesh({ serviceEntries: [serviceEntry("shop", "api", { hosts: ["api.example.com"] })], virtualServices: [virtualService("shop", "a", { hosts: ["cart"] })] }));
const names = (refs: Array<{ ref: { name: string } }>) => refs.map((o) => o.ref.name);

describe("withObject", () => {
  it("puts the object in its kind's list in place of its older version, leaving the base as it was", () => {
    const ctx = base();
    const edited = withObject(ctx, parseConfig("VirtualService", virtualService("shop", "a", { hosts: ["other"] })));
    expect(edited.config.VirtualService.map((v) => v.spec.hosts)).toEqual([["other"]]);
    expect(ctx.config.VirtualService.map((v) => v.spec.hosts)).toEqual([["cart"]]);
    expect(edited.config.Service).toBe(ctx.config.Service);
    expect(edited.hosts).toBe(ctx.hosts);
  });

  it("leaves out the object a renamed draft replaces", () => {
    const ctx = base();
    const renamed = withObject(ctx, parseConfig("VirtualService", virtualService("shop", "b", {})), { kind: "VirtualService", namespace: "shop", name: "a" });
    expect(names(renamed.config.VirtualService)).toEqual(["b"]);
    expect(names(ctx.config.VirtualService)).toEqual(["a"]);
  });

  it("rebuilds the registry for a ServiceEntry or a Service", () => {
    const ctx = base();
    const se = withObject(ctx, parseConfig("ServiceEntry", serviceEntry("shop", "api", { hosts: ["new.example.com"] })));
    expect(se.hosts.map((h) => h.host)).toContain("new.example.com");
    expect(se.hosts.map((h) => h.host)).not.toContain("api.example.com");
    const svc = withObject(ctx, parseConfig("Service", service("shop", "web")));
    expect(svc.hosts.map((h) => h.host)).toContain("web.shop.svc.cluster.local");
    expect(ctx.hosts.map((h) => h.host)).toContain("api.example.com");
    expect(ctx.hosts.map((h) => h.host)).not.toContain("web.shop.svc.cluster.local");
  });

  it("starts memoized values afresh: they may depend on the substituted list", () => {
    const ctx = base();
    expect(ctx.memo("k", () => 1)).toBe(1);
    const derived = withObject(ctx, parseConfig("VirtualService", virtualService("shop", "a", {})));
    expect(derived.memo("k", () => 2)).toBe(2);
    expect(ctx.memo("k", () => 3)).toBe(1);
  });
});
