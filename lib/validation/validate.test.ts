import { describe, expect, it } from "vitest";
import { destinationRule, gateway, mesh, virtualService, weightedRoute } from "./fixtures";
import { finding } from "./types";
import { sortFindings, validateMesh, validateObject } from "./validate";

const broken = mesh({
  virtualServices: [
    virtualService("shop", "cart", { hosts: ["cart"], gateways: ["nope"], http: [{ route: [{ destination: { host: "cart", subset: "v1" }, weight: 50 }] }] }),
    weightedRoute(50, 49),
    virtualService("bookinfo", "ratings", { hosts: ["ratings"], http: [{ route: [{ destination: { host: "ratingz" } }] }] }),
  ],
  destinationRules: [destinationRule("bookinfo", "reviews", { host: "reviews", subsets: [{ name: "v9", labels: { version: "v9" } }] })],
  gateways: [gateway("bookinfo", "gw", { selector: { istio: "none" }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*"] }] })],
});

describe("validateMesh", () => {
  it("returns findings that fit the shared schema, sorted by object, path and code", () => {
    const found = validateMesh(broken);
    for (const f of found) expect(finding.parse(f)).toEqual(f);
    expect(found.map((f) => `${f.object.kind} ${f.object.namespace}/${f.object.name} ${f.path} ${f.code}`)).toEqual([
      "DestinationRule bookinfo/reviews spec.subsets[0].labels DR002",
      "Gateway bookinfo/gw spec.selector GW001",
      "VirtualService bookinfo/ratings spec.http[0].route[0].destination.host VS004",
      "VirtualService bookinfo/reviews spec.http[0].route VS001",
      "VirtualService shop/cart spec.gateways[0] VS006",
      "VirtualService shop/cart spec.http[0].route[0].destination.subset VS005",
      "VirtualService shop/cart spec.http[0].route[0].weight VS003",
    ]);
  });

  it("is deterministic whatever the order of the input lists", () => {
    const reversed = Object.fromEntries(Object.entries(broken).map(([k, v]) => [k, Array.isArray(v) ? [...v].reverse() : v]));
    expect(validateMesh(reversed)).toEqual(validateMesh(broken));
  });

  it("finds nothing in a clean mesh", () => {
    expect(validateMesh(mesh())).toEqual([]);
  });

  it("skips rules whose lists are unknown rather than reporting everything missing", () => {
    expect(validateMesh({ virtualServices: broken.virtualServices }).map((f) => f.code)).toEqual(["VS001", "VS003"]);
  });
});

describe("sortFindings", () => {
  it("drops duplicates", () => {
    const f = validateMesh(broken)[0];
    expect(f).toBeDefined();
    if (f) expect(sortFindings([f, { ...f }])).toEqual([f]);
  });
});

describe("validateObject", () => {
  it("judges an object that is not in the cluster yet, against the cluster", () => {
    const draft = virtualService("bookinfo", "draft", { hosts: ["ratings"], http: [{ route: [{ destination: { host: "ratings", subset: "v1" } }] }] });
    expect(validateObject(draft, mesh()).map((f) => [f.code, f.object.name])).toEqual([["VS005", "draft"]]);
  });

  it("returns only the object's findings", () => {
    const found = validateObject(weightedRoute(50, 49), broken);
    expect(found.map((f) => f.code)).toEqual(["VS001"]);
  });

  it("replaces the object's applied version instead of clashing with it", () => {
    const applied = virtualService("bookinfo", "vs", { hosts: ["reviews"], http: [{ route: [{ destination: { host: "reviews" } }] }] });
    const edited = virtualService("bookinfo", "vs", { hosts: ["reviews"], http: [{ route: [{ destination: { host: "reviews" }, weight: 100 }] }] });
    expect(validateObject(edited, mesh({ virtualServices: [applied] }))).toEqual([]);
  });

  it("leaves out the original of a renamed object, and still sees other clashes", () => {
    const applied = virtualService("bookinfo", "old", { hosts: ["reviews"] });
    const other = virtualService("bookinfo", "other", { hosts: ["ratings"] });
    const renamed = virtualService("bookinfo", "new", { hosts: ["reviews", "ratings"] });
    const found = validateObject(renamed, mesh({ virtualServices: [applied, other] }), { replaces: { kind: "VirtualService", namespace: "bookinfo", name: "old" } });
    expect(found.map((f) => [f.code, f.path, f.related?.[0]?.name])).toEqual([["VS007", "spec.hosts[1]", "other"]]);
  });

  it("places an object without namespace in the editor's namespace", () => {
    const draft = { apiVersion: "networking.istio.io/v1", kind: "DestinationRule", metadata: { name: "d" }, spec: { host: "cart" } };
    expect(validateObject(draft, mesh(), { namespace: "shop" })).toEqual([]);
    expect(validateObject(draft, mesh()).map((f) => [f.code, f.object.namespace])).toEqual([["DR001", "default"]]);
  });

  it("reads half-written objects leniently, keeping indices", () => {
    const draft = {
      kind: "VirtualService",
      metadata: { name: "vs", namespace: "bookinfo" },
      spec: { hosts: "reviews", http: ["oops", { route: [{ destination: { host: 42 } }, { destination: { host: "nowhere" }, weight: "x" }] }] },
    };
    expect(validateObject(draft, mesh()).map((f) => [f.code, f.path])).toEqual([
      ["VS002", "spec.http[1].route"],
      ["VS004", "spec.http[1].route[1].destination.host"],
    ]);
  });

  it("returns nothing for kinds it has no rules for, or for non-objects", () => {
    expect(validateObject({ kind: "ConfigMap", metadata: { name: "x" } }, mesh())).toEqual([]);
    expect(validateObject("kind: VirtualService", mesh())).toEqual([]);
    expect(validateObject(null, mesh())).toEqual([]);
  });

  it("judges Services too", () => {
    const svc = { kind: "Service", metadata: { name: "web", namespace: "bookinfo" }, spec: { selector: { app: "web" }, ports: [{ name: "web", port: 80 }] } };
    expect(validateObject(svc, mesh()).map((f) => f.code)).toEqual(["SVC001"]);
  });
});
