import type { KubernetesObject } from "@kubernetes/client-node";
import { describe, expect, it, vi } from "vitest";
import type { ResourceKey } from "@/lib/kube/resource-kinds";
import { deployment, namespace, service } from "@/lib/validation/fixtures";
import { KubeStatusError } from "../http/errors";
import type { KubeReader } from "../kube/reader";
import { countFindings, findingsByObject, findingsOfObject, readValidationSnapshot, refKey } from "./validation";

vi.mock("server-only", () => ({}));

type Store = Partial<Record<ResourceKey, KubernetesObject[]>>;

/** A reader over in-memory lists; `forbidClusterWide` refuses lists across namespaces like RBAC would. */
function fakeReader(store: Store, opts: { forbidClusterWide?: ResourceKey[]; notServed?: ResourceKey[] } = {}): KubeReader & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async list<T extends KubernetesObject>(key: ResourceKey, namespaces?: readonly string[]) {
      calls.push(`${key}:${namespaces?.join(",") ?? "*"}`);
      if (opts.notServed?.includes(key)) throw new KubeStatusError(404, "NotFound", `no ${key}`);
      if (!namespaces && opts.forbidClusterWide?.includes(key)) throw new KubeStatusError(403, "Forbidden", `may not list ${key}`);
      const all = store[key] ?? [];
      return (namespaces ? all.filter((o) => namespaces.includes(o.metadata?.namespace ?? "")) : all) as T[];
    },
  };
}

const vs = (ns: string, name: string, host: string, extra: Record<string, unknown> = {}): KubernetesObject =>
  ({ apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { namespace: ns, name }, spec: { hosts: [host], http: [{ route: [{ destination: { host } }] }], ...extra } }) as KubernetesObject;

const store = (): Store => ({
  namespaces: [namespace("bookinfo"), namespace("shop"), namespace("istio-system")],
  services: [service("bookinfo", "reviews"), service("shop", "payment")],
  deployments: [deployment("bookinfo", "reviews-v1", { app: "reviews", version: "v1" }), deployment("shop", "payment", { app: "payment" })],
  pods: [],
  virtualservices: [
    // A route to another namespace's service: found, because the snapshot is the whole cluster.
    vs("bookinfo", "to-payment", "payment.shop.svc.cluster.local"),
    vs("bookinfo", "broken", "nowhere"),
    vs("shop", "also-broken", "nowhere"),
  ],
  authorizationpolicies: [
    { apiVersion: "security.istio.io/v1", kind: "AuthorizationPolicy", metadata: { namespace: "bookinfo", name: "from-ghost" }, spec: { rules: [{ from: [{ source: { namespaces: ["ghost"] } }] }] } } as KubernetesObject,
  ],
});

describe("readValidationSnapshot", () => {
  it("reads every kind across the cluster, whatever the selection", async () => {
    const reader = fakeReader(store());
    const snap = await readValidationSnapshot(reader, ["bookinfo"]);
    expect(snap.scope).toEqual({ scope: "cluster" });
    expect(reader.calls.every((c) => c.endsWith(":*"))).toBe(true);
    expect(snap.istio.virtualservices).toHaveLength(3);
    expect(snap.notInstalled).toEqual([]);
  });

  it("reports kinds the cluster does not serve, and goes on", async () => {
    const snap = await readValidationSnapshot(fakeReader(store(), { notServed: ["sidecars", "requestauthentications"] }), ["bookinfo"]);
    expect(snap.notInstalled).toEqual(["RequestAuthentication", "Sidecar"]);
    expect(snap.istio.sidecars).toEqual([]);
  });

  it("falls back to the selection and the root namespace when cluster-wide lists are forbidden", async () => {
    const reader = fakeReader(store(), { forbidClusterWide: ["services", "virtualservices", "namespaces"] });
    const snap = await readValidationSnapshot(reader, ["bookinfo"]);
    expect(snap.scope.scope).toBe("partial");
    expect(snap.scope.note).toMatch(/namespaces, services, virtualservices/);
    expect(reader.calls).toContain("services:bookinfo,istio-system");
    expect(snap.istio.virtualservices.map((o) => o.metadata?.name).sort()).toEqual(["broken", "to-payment"]);
    // Namespaces unknown: the rule that needs them (AP001) is skipped rather than guessing.
    const byObject = findingsByObject(snap, ["bookinfo"]);
    expect(byObject.get("AuthorizationPolicy/bookinfo/from-ghost")).toBeUndefined();
  });

  it("reads service accounts, so that AP002 judges principals; skips AP002 when they may not be listed", async () => {
    const sa = (ns: string, name: string) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { namespace: ns, name } });
    const ap = {
      apiVersion: "security.istio.io/v1",
      kind: "AuthorizationPolicy",
      metadata: { namespace: "shop", name: "from-reviews" },
      spec: { rules: [{ from: [{ source: { principals: ["cluster.local/ns/bookinfo/sa/bookinfo-reviews", "cluster.local/ns/bookinfo/sa/ghost", "cluster.local/ns/shop/sa/default"] } }] }] },
    } as KubernetesObject;
    const withAccounts = { ...store(), serviceaccounts: [sa("bookinfo", "default"), sa("bookinfo", "bookinfo-reviews"), sa("shop", "default")] };
    const snap = await readValidationSnapshot(fakeReader(withAccounts), ["shop"]);
    expect(snap.input.serviceAccounts).toHaveLength(3);
    expect(findingsOfObject(snap, ap).map((f) => [f.code, f.path, f.message])).toEqual([
      ["AP002", "spec.rules[0].from[0].source.principals[1]", "Service account ghost not found in namespace bookinfo"],
    ]);
    const forbidden = fakeReader(withAccounts, { forbidClusterWide: ["serviceaccounts"] });
    const partial = await readValidationSnapshot({ list: (key, ns) => (key === "serviceaccounts" ? Promise.reject(new KubeStatusError(403, "Forbidden", "no")) : forbidden.list(key, ns)) }, ["shop"]);
    expect(partial.input.serviceAccounts).toBeUndefined();
    expect(partial.scope.note).toMatch(/serviceaccounts/);
    expect(findingsOfObject(partial, ap)).toEqual([]);
  });

  it("does not swallow other failures", async () => {
    const reader: KubeReader = { list: async () => Promise.reject(new KubeStatusError(401, "Unauthorized", "bad token")) };
    await expect(readValidationSnapshot(reader, ["bookinfo"])).rejects.toThrow("bad token");
  });
});

describe("findings", () => {
  it("keeps the selected namespaces' findings, grouped by object", async () => {
    const snap = await readValidationSnapshot(fakeReader(store()), ["bookinfo"]);
    const byObject = findingsByObject(snap, ["bookinfo"]);
    expect(byObject.get("VirtualService/bookinfo/broken")?.map((f) => f.code)).toEqual(["VS004"]);
    expect(byObject.get("VirtualService/bookinfo/to-payment")).toBeUndefined();
    expect(byObject.get("AuthorizationPolicy/bookinfo/from-ghost")?.map((f) => f.code)).toEqual(["AP001"]);
    expect([...byObject.keys()].some((k) => k.includes("/shop/"))).toBe(false);
    expect(refKey({ kind: "VirtualService", namespace: "a", name: "b" })).toBe("VirtualService/a/b");
  });

  it("judges an edited object as if it were applied", async () => {
    const snap = await readValidationSnapshot(fakeReader(store()), ["bookinfo"]);
    const fixed = vs("bookinfo", "broken", "reviews");
    expect(findingsOfObject(snap, fixed)).toEqual([]);
    const split = vs("bookinfo", "broken", "reviews", { http: [{ route: [{ destination: { host: "reviews" }, weight: 60 }, { destination: { host: "reviews" }, weight: 30 }] }] });
    expect(findingsOfObject(snap, split).map((f) => [f.code, f.path])).toEqual([["VS001", "spec.http[0].route"]]);
  });

  it("counts each namespace's findings by severity, with every selected namespace present", async () => {
    const snap = await readValidationSnapshot(fakeReader(store()), ["bookinfo", "shop", "empty"]);
    expect(countFindings(snap, ["bookinfo", "shop", "empty"])).toEqual([
      { namespace: "bookinfo", error: 1, warning: 1, info: 0, objects: 3, objectsWithFindings: 2 },
      { namespace: "shop", error: 1, warning: 0, info: 0, objects: 1, objectsWithFindings: 1 },
      { namespace: "empty", error: 0, warning: 0, info: 0, objects: 0, objectsWithFindings: 0 },
    ]);
  });
});
