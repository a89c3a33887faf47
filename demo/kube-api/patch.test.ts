import { describe, expect, it } from "vitest";
import type { KubeObject } from "../contracts";
import { applyJsonPatch, PatchError } from "./json-patch";
import { applyMergePatch } from "./merge-patch";
import { applyPatch, patchTypeOf } from "./patch";
import { PATCH_META } from "./patch-meta";
import { BUILTIN_RESOURCES, type ResourceType } from "./resource-types";
import { ApiError } from "./status";
import { applyStrategicMergePatch } from "./strategic-merge";

const deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "reviews", labels: { app: "reviews" }, finalizers: ["a"] },
  spec: {
    replicas: 1,
    strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
    template: {
      spec: {
        containers: [
          { name: "reviews", image: "reviews:1", ports: [{ containerPort: 9080, protocol: "TCP" }], env: [{ name: "A", value: "1" }, { name: "B", value: "2" }] },
          { name: "istio-proxy", image: "proxyv2:1.24" },
        ],
        volumes: [{ name: "cfg", configMap: { name: "cfg" } }],
        tolerations: [{ key: "x" }],
      },
    },
  },
};

const smp = (patch: unknown) => applyStrategicMergePatch(deployment, patch, PATCH_META["Deployment"]) as typeof deployment;

describe("JSON patch (RFC 6902)", () => {
  it("applies add, remove, replace, move, copy and test", () => {
    const doc = { a: { b: [1, 2, 3] }, c: "x" };
    const out = applyJsonPatch(doc, [
      { op: "test", path: "/c", value: "x" },
      { op: "add", path: "/a/b/1", value: 9 },
      { op: "add", path: "/a/b/-", value: 4 },
      { op: "remove", path: "/a/b/0" },
      { op: "replace", path: "/c", value: "y" },
      { op: "copy", from: "/c", path: "/d" },
      { op: "move", from: "/d", path: "/e~1f" },
    ]);
    expect(out).toEqual({ a: { b: [9, 2, 3, 4] }, c: "y", "e/f": "y" });
    expect(doc).toEqual({ a: { b: [1, 2, 3] }, c: "x" }); // input untouched
  });

  it("fails on missing paths and failed tests, and flags malformed patches", () => {
    expect(() => applyJsonPatch({}, [{ op: "replace", path: "/spec/x", value: 1 }])).toThrowError(/does not apply/);
    expect(() => applyJsonPatch({ a: 1 }, [{ op: "test", path: "/a", value: 2 }])).toThrowError(/test failed/);
    const malformed = (() => {
      try {
        applyJsonPatch({}, { op: "add" });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(malformed).toBeInstanceOf(PatchError);
    expect((malformed as PatchError).malformed).toBe(true);
  });
});

describe("JSON merge patch (RFC 7386)", () => {
  it("merges maps, deletes with null and replaces lists", () => {
    const out = applyMergePatch({ a: { b: 1, c: 2 }, l: [1, 2], k: "v" }, { a: { b: null, d: 3 }, l: [3], k: null });
    expect(out).toEqual({ a: { c: 2, d: 3 }, l: [3] });
  });
});

describe("strategic merge patch", () => {
  it("merges containers by name and their env and ports by key, keeping others", () => {
    const out = smp({
      spec: {
        template: {
          spec: {
            containers: [{ name: "reviews", image: "reviews:2", env: [{ name: "B", value: "20" }, { name: "C", value: "3" }], ports: [{ containerPort: 9443 }] }],
          },
        },
      },
    });
    const [app, proxy] = out.spec.template.spec.containers;
    expect(app?.image).toBe("reviews:2");
    expect(app?.env).toEqual([{ name: "A", value: "1" }, { name: "B", value: "20" }, { name: "C", value: "3" }]);
    expect(app?.ports?.map((p) => p.containerPort)).toEqual([9080, 9443]);
    expect(proxy).toEqual({ name: "istio-proxy", image: "proxyv2:1.24" });
  });

  it("replaces lists without a merge key (tolerations) and unions primitive merge lists (finalizers)", () => {
    const out = smp({ metadata: { finalizers: ["b", "a"] }, spec: { template: { spec: { tolerations: [{ key: "y" }] } } } });
    expect(out.spec.template.spec.tolerations).toEqual([{ key: "y" }]);
    expect(out.metadata.finalizers).toEqual(["a", "b"]);
  });

  it("honours $patch: delete and $patch: replace", () => {
    const deleted = smp({ spec: { template: { spec: { containers: [{ name: "istio-proxy", $patch: "delete" }] } } } });
    expect(deleted.spec.template.spec.containers.map((c) => c.name)).toEqual(["reviews"]);
    const replaced = smp({ spec: { template: { spec: { containers: [{ name: "only", image: "x" }, { $patch: "replace" }] } } } });
    expect(replaced.spec.template.spec.containers).toEqual([{ name: "only", image: "x" }]);
    const mapReplaced = smp({ metadata: { labels: { $patch: "replace", tier: "web" } } });
    expect(mapReplaced.metadata.labels).toEqual({ tier: "web" });
  });

  it("honours $setElementOrder, $deleteFromPrimitiveList and $retainKeys as kubectl apply sends them", () => {
    const out = smp({
      metadata: { "$deleteFromPrimitiveList/finalizers": ["a"] },
      spec: {
        strategy: { $retainKeys: ["type"], type: "Recreate", rollingUpdate: null },
        template: {
          spec: {
            "$setElementOrder/containers": [{ name: "istio-proxy" }, { name: "reviews" }],
            containers: [{ name: "reviews", image: "reviews:3" }],
          },
        },
      },
    });
    expect(out.metadata.finalizers).toEqual([]);
    expect(out.spec.strategy).toEqual({ type: "Recreate" });
    expect(out.spec.template.spec.containers.map((c) => `${c.name}=${c.image}`)).toEqual(["istio-proxy=proxyv2:1.24", "reviews=reviews:3"]);
    expect(JSON.stringify(out)).not.toContain("$");
  });

  it("requires the merge key in list elements", () => {
    expect(() => smp({ spec: { template: { spec: { containers: [{ image: "x" }] } } } })).toThrowError(/merge key: name/);
  });
});

describe("patch dispatch", () => {
  const deployments = BUILTIN_RESOURCES.find((t) => t.plural === "deployments")!;
  const vs: ResourceType = { ...deployments, group: "networking.istio.io", plural: "virtualservices", kind: "VirtualService", builtIn: false };

  it("maps content types, and answers 415 for strategic merge on custom resources", () => {
    expect(patchTypeOf("application/merge-patch+json; charset=utf-8", deployments)).toBe("merge");
    expect(patchTypeOf("application/strategic-merge-patch+json", deployments)).toBe("strategic");
    expect(patchTypeOf("application/apply-patch+yaml", vs)).toBe("apply");
    const error = (() => {
      try {
        patchTypeOf("application/strategic-merge-patch+json", vs);
      } catch (e) {
        return e as ApiError;
      }
      return undefined;
    })();
    expect(error?.code).toBe(415);
    expect(error?.status.reason).toBe("UnsupportedMediaType");
  });

  it("answers 400 for malformed patches and 422 for ones that do not apply", () => {
    const obj = deployment as unknown as KubeObject;
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as ApiError).code;
      }
      return 200;
    };
    expect(code(() => applyPatch(deployments, obj, "json", { not: "a list" }))).toBe(400);
    expect(code(() => applyPatch(deployments, obj, "json", [{ op: "remove", path: "/nope" }]))).toBe(422);
    expect(code(() => applyPatch(deployments, obj, "merge", [1]))).toBe(400);
    expect(applyPatch(vs, obj, "apply", { spec: { replicas: 4 } })["spec"]).toMatchObject({ replicas: 4 });
  });
});
