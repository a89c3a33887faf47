import type { KubernetesObject } from "@kubernetes/client-node";
import { describe, expect, it, vi } from "vitest";
import type { ResourceKey } from "@/lib/kube/resource-kinds";
import { namespace, service } from "@/lib/validation/fixtures";
import { KubeStatusError } from "../http/errors";
import type { KubeReader } from "../kube/reader";
import { listIstioConfigWithFindings, namespaceValidations, validateDraft } from "./istio-config";

vi.mock("server-only", () => ({}));
vi.mock("../config", () => ({ getConfig: () => ({ readOnly: true }) }));

const vs = (ns: string, name: string, host: string) =>
  ({ metadata: { namespace: ns, name, resourceVersion: "5", creationTimestamp: new Date("2026-01-01T00:00:00Z") }, spec: { hosts: [host], http: [{ route: [{ destination: { host } }] }] } }) as KubernetesObject;

const STORE: Partial<Record<ResourceKey, KubernetesObject[]>> = {
  namespaces: [namespace("bookinfo"), namespace("shop")],
  services: [service("bookinfo", "reviews")],
  pods: [],
  deployments: [],
  // List items of the cache carry no kind: the list takes it from the kind it read.
  virtualservices: [vs("bookinfo", "reviews", "reviews"), vs("bookinfo", "broken", "nowhere"), vs("shop", "other", "nowhere")],
};

const reader: KubeReader = {
  async list<T extends KubernetesObject>(key: ResourceKey, namespaces?: readonly string[]) {
    if (key === "sidecars") throw new KubeStatusError(404, "NotFound", "not served");
    const all = STORE[key] ?? [];
    return (namespaces ? all.filter((o) => namespaces.includes(o.metadata?.namespace ?? "")) : all) as T[];
  },
};

describe("listIstioConfigWithFindings", () => {
  it("lists the selection's objects with kind, key and findings, and the kinds not served", async () => {
    const r = await listIstioConfigWithFindings({ reader }, ["bookinfo"]);
    expect(r.objects.map((o) => [o.key, o.kind, o.apiVersion, o.name, o.findings.map((f) => f.code)])).toEqual([
      ["virtualservices", "VirtualService", "networking.istio.io/v1", "broken", ["VS004"]],
      ["virtualservices", "VirtualService", "networking.istio.io/v1", "reviews", []],
    ]);
    expect(r.objects[0]).toMatchObject({ resourceVersion: "5", created: "2026-01-01T00:00:00.000Z" });
    expect(r.notInstalled).toEqual(["Sidecar"]);
    expect(r.readOnly).toBe(true);
    expect(r.validation).toEqual({ scope: "cluster" });
  });
});

describe("namespaceValidations", () => {
  it("counts every namespace the caller may list when none is given", async () => {
    const r = await namespaceValidations({ reader }, undefined);
    expect(r.namespaces.map((n) => [n.namespace, n.error, n.objects])).toEqual([
      ["bookinfo", 1, 2],
      ["shop", 1, 1],
    ]);
  });
});

describe("validateDraft", () => {
  it("judges a draft in its own namespace, or the one given for an object without one", async () => {
    const draft = { kind: "VirtualService", metadata: { name: "new" }, spec: { hosts: ["x"], http: [{ route: [{ destination: { host: "reviews" } }] }] } };
    expect((await validateDraft({ reader }, { object: draft, namespace: "bookinfo" })).findings).toEqual([]);
    const elsewhere = await validateDraft({ reader }, { object: draft, namespace: "shop" });
    expect(elsewhere.findings.map((f) => [f.code, f.object.namespace])).toEqual([["VS004", "shop"]]);
  });
});
