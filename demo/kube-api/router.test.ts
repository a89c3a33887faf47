import { describe, expect, it } from "vitest";
import { ResourceRegistry } from "./registry";
import { route } from "./router";
import { negotiate } from "./negotiate";
import { pageOf } from "./list-query";
import type { KubeObject } from "../contracts";

const registry = new ResourceRegistry();

describe("routing", () => {
  it("resolves namespaced and cluster-scoped paths, subresources and legacy watches", () => {
    expect(route(registry, "/api/v1/namespaces/bookinfo/pods/p1/log")).toMatchObject({ kind: "resource", namespace: "bookinfo", name: "p1", subresource: "log", type: { plural: "pods" } });
    expect(route(registry, "/api/v1/pods")).toMatchObject({ kind: "resource", type: { plural: "pods" } });
    expect(route(registry, "/api/v1/namespaces/bookinfo")).toMatchObject({ kind: "resource", name: "bookinfo", type: { plural: "namespaces" } });
    expect(route(registry, "/api/v1/namespaces/bookinfo/status")).toMatchObject({ name: "bookinfo", subresource: "status" });
    expect(route(registry, "/apis/apps/v1/watch/namespaces/x/deployments")).toMatchObject({ legacyWatch: true, namespace: "x", type: { plural: "deployments" } });
    expect(route(registry, "/apis/apps/v1/namespaces/x/deployments/d/scale")).toMatchObject({ subresource: "scale" });
    expect(route(registry, "/apis/apps/v1")).toEqual({ kind: "resourceList", group: "apps", version: "v1" });
    expect(route(registry, "/openapi/v3/apis/apps/v1")).toEqual({ kind: "openapiGroupVersion", group: "apps", version: "v1" });
  });

  it("does not find what is not served", () => {
    for (const path of ["/api/v2/pods", "/apis/batch/v1/jobs", "/api/v1/pods/p1", "/api/v1/namespaces/x/pods/p/exec", "/api/v1/namespaces/x/nodes", "/foo", "/api/v1/namespaces/x/pods/a/b/c"]) {
      expect(route(registry, path), path).toEqual({ kind: "notFound" });
    }
  });
});

describe("content negotiation", () => {
  it("gives kubectl its Table, falls back from protobuf, and offers aggregated discovery", () => {
    expect(negotiate("application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json", { table: true })).toEqual({ kind: "table" });
    expect(negotiate("application/json;as=Table;v=v1;g=meta.k8s.io,application/json", {})).toEqual({ kind: "json" });
    expect(negotiate("application/vnd.kubernetes.protobuf,application/json", {})).toEqual({ kind: "json" });
    expect(negotiate(undefined, {})).toEqual({ kind: "json" });
    expect(negotiate("application/yaml", {})).toEqual({ kind: "yaml" });
    expect(negotiate("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json", { discovery: true })).toEqual({ kind: "discovery", version: "v2" });
    expect(() => negotiate("application/vnd.kubernetes.protobuf", {})).toThrowError(/only the following media types/);
  });
});

describe("list pagination", () => {
  const objects: KubeObject[] = ["a", "b", "c", "d", "e"].map((name) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "n" } }));
  it("pages with limit and continue tokens that keep the first page's resourceVersion", () => {
    const all = () => true;
    const first = pageOf(objects, all, new URLSearchParams("limit=2"), 100);
    expect(first.items.map((o) => o.metadata.name)).toEqual(["a", "b"]);
    expect(first.remainingItemCount).toBe(3);
    const second = pageOf(objects, all, new URLSearchParams({ limit: "2", continue: first.continueToken! }), 105);
    expect(second.items.map((o) => o.metadata.name)).toEqual(["c", "d"]);
    expect(second.resourceVersion).toBe("100");
    const last = pageOf(objects, all, new URLSearchParams({ limit: "2", continue: second.continueToken! }), 110);
    expect(last.items.map((o) => o.metadata.name)).toEqual(["e"]);
    expect(last.continueToken).toBeUndefined();
    expect(() => pageOf(objects, all, new URLSearchParams("continue=garbage"), 1)).toThrowError(/continue key is not valid/);
  });
});
