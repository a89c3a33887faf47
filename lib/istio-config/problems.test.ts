import { describe, expect, it } from "vitest";
import type { Finding } from "@/lib/validation";
import { findingProblems, identityProblems, pathProblems, sortProblems, yamlProblems } from "./problems";
import { parseObjectYaml } from "./yaml";

const TEXT = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: shop
spec:
  hosts: [reviews]
  http:
    - route:
        - destination: { host: nowhere }
`;

const parsed = parseObjectYaml(TEXT);
if (!parsed.ok) throw new Error("fixture does not parse");
const { doc, object } = parsed;

describe("editor problems", () => {
  it("places a finding at its path with its line, code and severity", () => {
    const finding: Finding = { code: "VS004", severity: "error", message: "host not found", path: "spec.http[0].route[0].destination.host", object: { kind: "VirtualService", namespace: "shop", name: "reviews" } };
    const [p] = findingProblems([finding], doc, TEXT);
    expect(p).toMatchObject({ source: "validation", code: "VS004", severity: "error", line: 10 });
    expect(TEXT.slice(p?.from, p?.to)).toBe("host");
  });

  it("places server issues by their Kubernetes field path", () => {
    const [p] = pathProblems("server", [{ path: "spec.hosts", message: "Required value" }], doc, TEXT);
    expect(p).toMatchObject({ line: 7, path: "spec.hosts" });
    const [unlocated] = pathProblems("server", [{ path: "yaml", message: "x" }], undefined, TEXT);
    expect(unlocated?.from).toBeUndefined();
  });

  it("reports a name or namespace other than the page's", () => {
    const problems = identityProblems(object, { key: "virtualservices", namespace: "bookinfo", name: "ratings" }, doc, TEXT);
    expect(problems.map((p) => [p.path, p.line])).toEqual([
      ["metadata.namespace", 5],
      ["metadata.name", 4],
      ["metadata.resourceVersion", 3],
    ]);
    expect(identityProblems(object, { key: "virtualservices", namespace: "shop" }, doc, TEXT)).toEqual([]);
  });

  it("locates YAML errors and sorts problems in text order", () => {
    const bad = "kind: A\nspec:\n  x: [1\n";
    const p = parseObjectYaml(bad);
    const problems = p.ok ? [] : yamlProblems(bad, p.problems);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(3);
    const sorted = sortProblems([
      { source: "server", severity: "error", message: "a" },
      { source: "schema", severity: "warning", message: "b", from: 5 },
      { source: "schema", severity: "error", message: "c", from: 5 },
      { source: "schema", severity: "info", message: "d", from: 1 },
    ]);
    expect(sorted.map((s) => s.message)).toEqual(["d", "c", "b", "a"]);
  });
});
