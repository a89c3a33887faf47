import { describe, expect, it } from "vitest";
import { canonical, sameObject, stripServerFields, toReviewYaml, unifiedDiff } from "./yaml-diff";

const fromCluster = {
  spec: { http: [{ route: [{ weight: 100, destination: { subset: "v1", host: "reviews" } }] }], hosts: ["reviews"] },
  status: { observedGeneration: 3 },
  kind: "VirtualService",
  metadata: {
    namespace: "bookinfo",
    name: "reviews",
    uid: "0b7c",
    resourceVersion: "1234",
    generation: 3,
    creationTimestamp: "2024-05-01T10:00:00Z",
    managedFields: [{ manager: "kubectl" }],
    annotations: { "kubectl.kubernetes.io/last-applied-configuration": "{...}" },
    labels: { app: "reviews" },
  },
  apiVersion: "networking.istio.io/v1",
};

describe("review YAML", () => {
  it("drops status and server-owned metadata, keeps what a user wrote, without modifying the object", () => {
    const stripped = stripServerFields(fromCluster);
    expect(stripped).toEqual({
      apiVersion: "networking.istio.io/v1",
      kind: "VirtualService",
      metadata: { namespace: "bookinfo", name: "reviews", labels: { app: "reviews" } },
      spec: fromCluster.spec,
    });
    expect(fromCluster.metadata.resourceVersion).toBe("1234");
  });

  it("orders keys apiVersion, kind, metadata, spec, then names first, then alphabetically", () => {
    expect(toReviewYaml(fromCluster)).toBe(
      [
        "apiVersion: networking.istio.io/v1",
        "kind: VirtualService",
        "metadata:",
        "  name: reviews",
        "  namespace: bookinfo",
        "  labels:",
        "    app: reviews",
        "spec:",
        "  hosts:",
        "    - reviews",
        "  http:",
        "    - route:",
        "        - destination:",
        "            host: reviews",
        "            subset: v1",
        "          weight: 100",
        "",
      ].join("\n"),
    );
  });

  it("drops undefined values and compares objects regardless of key order and server fields", () => {
    expect(canonical({ b: 1, a: undefined, c: [{ z: 1, y: 2 }] })).toEqual({ b: 1, c: [{ y: 2, z: 1 }] });
    const reordered = { apiVersion: fromCluster.apiVersion, kind: fromCluster.kind, metadata: { name: "reviews", namespace: "bookinfo", labels: { app: "reviews" } }, spec: { hosts: ["reviews"], http: fromCluster.spec.http } };
    expect(sameObject(fromCluster, reordered)).toBe(true);
    expect(sameObject(fromCluster, { ...reordered, spec: { hosts: ["ratings"] } })).toBe(false);
  });
});

describe("unified diff", () => {
  it("shows changed lines with context and headers naming the object", () => {
    const d = unifiedDiff("VirtualService/bookinfo/reviews", "a: 1\nb: 2\nc: 3\n", "a: 1\nb: 5\nc: 3\n");
    expect(d).toBe(["--- a/VirtualService/bookinfo/reviews", "+++ b/VirtualService/bookinfo/reviews", "@@ -1,3 +1,3 @@", " a: 1", "-b: 2", "+b: 5", " c: 3", ""].join("\n"));
  });

  it("diffs from or to nothing for creates and deletes, and is empty when nothing changes", () => {
    expect(unifiedDiff("X/ns/n", null, "a: 1\n")).toBe("--- /dev/null\n+++ b/X/ns/n\n@@ -0,0 +1,1 @@\n+a: 1\n");
    expect(unifiedDiff("X/ns/n", "a: 1\n", null)).toBe("--- a/X/ns/n\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-a: 1\n");
    expect(unifiedDiff("X/ns/n", "a: 1\n", "a: 1\n")).toBe("");
  });
});
