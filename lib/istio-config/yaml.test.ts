import { describe, expect, it } from "vitest";
import { editableObject, parseObjectYaml, rangeOfPath, toEditorYaml } from "./yaml";

const VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: bookinfo
spec:
  hosts:
    - reviews
  http:
    - route:
        - destination: { host: reviews, subset: v1 }
          weight: 50
        - destination:
            host: reviews
            subset: v2
          weight: "x"
`;

const textAt = (text: string, r: { from: number; to: number }) => text.slice(r.from, r.to);

describe("parseObjectYaml", () => {
  it("parses one mapping", () => {
    const p = parseObjectYaml(VS);
    expect(p.ok).toBe(true);
    if (p.ok) expect(p.object).toMatchObject({ kind: "VirtualService", spec: { hosts: ["reviews"] } });
  });

  it("locates syntax errors and duplicate keys", () => {
    const bad = "kind: VirtualService\nspec:\n  hosts: [a\n";
    const p = parseObjectYaml(bad);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problems[0]?.from).toBeGreaterThan(0);
    const dup = parseObjectYaml("kind: A\nkind: B\n");
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.problems[0]?.message).toMatch(/unique/i);
  });

  it("refuses two documents, a scalar and an empty text", () => {
    const two = parseObjectYaml("kind: A\n---\nkind: B\n");
    expect(two.ok).toBe(false);
    if (!two.ok) expect(two.problems[0]).toMatchObject({ from: 8, message: expect.stringMatching(/One object/) });
    expect(parseObjectYaml("just text").ok).toBe(false);
    expect(parseObjectYaml("").ok).toBe(false);
  });
});

describe("rangeOfPath", () => {
  const p = parseObjectYaml(VS);
  if (!p.ok) throw new Error("fixture does not parse");

  it("finds a field in block and flow style, by list index", () => {
    expect(textAt(VS, rangeOfPath(p.doc, VS, ["spec", "http", 0, "route", 1, "weight"]))).toBe("weight");
    expect(textAt(VS, rangeOfPath(p.doc, VS, ["spec", "http", 0, "route", 0, "destination", "subset"]))).toBe("subset");
  });

  it("marks a list item on its first line only", () => {
    const r = rangeOfPath(p.doc, VS, ["spec", "http", 0, "route", 1]);
    expect(textAt(VS, r)).toBe("destination:");
  });

  it("falls back to the closest existing parent", () => {
    expect(textAt(VS, rangeOfPath(p.doc, VS, ["spec", "http", 0, "timeout"]))).toBe("route:");
    expect(textAt(VS, rangeOfPath(p.doc, VS, ["spec", "gateways", 0]))).toBe("spec");
    expect(rangeOfPath(p.doc, VS, []).from).toBe(0);
  });
});

describe("toEditorYaml", () => {
  it("drops managed fields and status, keeps the rest", () => {
    const obj = { apiVersion: "v1", kind: "X", metadata: { name: "a", resourceVersion: "7", managedFields: [{ manager: "m" }] }, spec: { a: 1 }, status: { b: 2 } };
    expect(editableObject(obj)).toEqual({ apiVersion: "v1", kind: "X", metadata: { name: "a", resourceVersion: "7" }, spec: { a: 1 } });
    const y = toEditorYaml({ spec: { a: 1 }, metadata: { name: "a" }, kind: "X", apiVersion: "v1" });
    expect(y.split("\n").filter((l) => /^\w/.test(l))).toEqual(["apiVersion: v1", "kind: X", "metadata:", "spec:"]);
    expect(toEditorYaml(obj)).not.toMatch(/managedFields|status/);
    const back = parseObjectYaml(toEditorYaml(obj));
    expect(back.ok && back.object).toEqual(editableObject(obj));
  });
});
