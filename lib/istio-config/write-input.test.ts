import { describe, expect, it } from "vitest";
import { writeInput } from "./write-input";

const target = { key: "virtualservices" as const, namespace: "bookinfo", name: "reviews" };
const yaml = (extra = "") => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: bookinfo
  resourceVersion: "12"
spec:
  hosts: [reviews]
${extra}`;

const issuesOf = (r: ReturnType<typeof writeInput>) => (r.ok ? [] : r.issues.map((i) => i.path));

describe("writeInput", () => {
  it("accepts a replace with the URL's identity and a resourceVersion", () => {
    const r = writeInput({ yaml: yaml() }, target);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.object).toMatchObject({ kind: "VirtualService", metadata: { name: "reviews", namespace: "bookinfo", resourceVersion: "12" } });
  });

  it("fills in what the URL says when the body leaves it out", () => {
    const r = writeInput({ object: { metadata: { resourceVersion: "3" }, spec: { hosts: ["a"] } } }, target);
    expect(r.ok && r.object).toMatchObject({ apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: "reviews", namespace: "bookinfo" } });
  });

  it("names the field that disagrees with the URL", () => {
    expect(issuesOf(writeInput({ object: { kind: "DestinationRule", metadata: { resourceVersion: "1" } } }, target))).toEqual(["kind"]);
    expect(issuesOf(writeInput({ object: { apiVersion: "security.istio.io/v1", metadata: { resourceVersion: "1" } } }, target))).toEqual(["apiVersion"]);
    expect(issuesOf(writeInput({ object: { metadata: { name: "other", resourceVersion: "1" } } }, target))).toEqual(["metadata.name"]);
    expect(issuesOf(writeInput({ object: { metadata: { namespace: "shop", resourceVersion: "1" } } }, target))).toEqual(["metadata.namespace"]);
  });

  it("requires the resourceVersion of a replace, and a name for a create", () => {
    expect(issuesOf(writeInput({ object: { metadata: {} } }, target))).toEqual(["metadata.resourceVersion"]);
    expect(issuesOf(writeInput({ object: { metadata: {} } }, { key: "virtualservices", namespace: "bookinfo" }))).toEqual(["metadata.name"]);
    const created = writeInput({ object: { metadata: { name: "new-one" } } }, { key: "virtualservices", namespace: "bookinfo" });
    expect(created.ok && created.name).toBe("new-one");
  });

  it("refuses unknown spec fields, at any depth", () => {
    const r = writeInput({ yaml: yaml("  htp: []\n  http:\n    - route:\n        - destination: { host: reviews }\n          weigth: 10\n") }, target);
    expect(issuesOf(r)).toEqual(["spec.htp", "spec.http[0].route[0].weigth"]);
  });

  it("accepts free-form maps (labels, headers) and refuses YAML errors with their line", () => {
    const ok = writeInput({ yaml: yaml("  http:\n    - match:\n        - headers:\n            x-user: { exact: jason }\n      route:\n        - destination: { host: reviews }\n") }, target);
    expect(ok.ok).toBe(true);
    const bad = writeInput({ yaml: "kind: VirtualService\nspec:\n  hosts: [a\n" }, target);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ path: "yaml", message: expect.stringMatching(/^line \d+: /) });
  });
});
