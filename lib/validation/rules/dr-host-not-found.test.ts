import { describe, expect, it } from "vitest";
import { destinationRule, findingsOf, mesh, serviceEntry } from "../fixtures";
import type { MeshConfigInput } from "../input";

const forHost = (host: string, extra: MeshConfigInput = {}) => findingsOf("DR001", mesh({ destinationRules: [destinationRule("bookinfo", "dr", { host })], ...extra }));

describe("DR001 host not found", () => {
  it("finds Services by short name (in the rule's namespace) and FQDN", () => {
    expect(forHost("reviews")).toEqual([]);
    expect(forHost("cart.shop.svc.cluster.local")).toEqual([]);
  });

  it("reports a missing host at spec.host", () => {
    const [f] = forHost("details");
    expect(f).toMatchObject({ code: "DR001", severity: "error", path: "spec.host", object: { kind: "DestinationRule", namespace: "bookinfo", name: "dr" } });
    expect(f?.message).toBe("No Service or ServiceEntry for host details.bookinfo.svc.cluster.local");
  });

  it("reports a short name of a Service in another namespace", () => {
    expect(forHost("cart")[0]?.message).toContain("exists in shop");
  });

  it("finds ServiceEntry hosts, also under a wildcard entry", () => {
    const serviceEntries = [serviceEntry("shop", "ext", { hosts: ["*.example.com"] })];
    expect(forHost("api.example.com", { serviceEntries })).toEqual([]);
    expect(forHost("*.example.com", { serviceEntries })).toEqual([]);
    expect(forHost("api.example.org", { serviceEntries })).toHaveLength(1);
  });

  it("accepts mesh-wide hosts and namespace-wide hosts of existing namespaces", () => {
    expect(forHost("*.local")).toEqual([]);
    expect(forHost("*")).toEqual([]);
    expect(forHost("*.shop.svc.cluster.local")).toEqual([]);
  });

  it("reports a namespace-wide host of a namespace that does not exist", () => {
    expect(forHost("*.legacy.svc.cluster.local").map((f) => f.message)).toEqual(["Host *.legacy.svc.cluster.local names namespace legacy, which does not exist"]);
    expect(forHost("*.legacy.svc.cluster.local", { namespaces: undefined })).toEqual([]);
  });

  it("is skipped when Services are unknown", () => {
    expect(forHost("details", { services: undefined })).toEqual([]);
  });
});
