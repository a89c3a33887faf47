import { describe, expect, it } from "vitest";
import type { KubeObject } from "../contracts";
import { ApiError } from "./status";
import {
  compileFieldSelector,
  formatLabelSelector,
  fromLabelSelectorObject,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
} from "./selectors";

const labels = { app: "reviews", version: "v2", "app.kubernetes.io/part-of": "bookinfo" };
const match = (selector: string, l: Record<string, string> = labels) => matchesLabels(parseLabelSelector(selector), l);

describe("label selectors", () => {
  it("supports =, == and !=", () => {
    expect(match("app=reviews")).toBe(true);
    expect(match("app==reviews")).toBe(true);
    expect(match("app=ratings")).toBe(false);
    expect(match("app!=ratings")).toBe(true);
    expect(match("tier!=web")).toBe(true); // a missing label satisfies !=
    expect(match("app!=reviews")).toBe(false);
  });

  it("supports in, notin, exists and !exists", () => {
    expect(match("version in (v1,v2)")).toBe(true);
    expect(match("version in (v1, v3)")).toBe(false);
    expect(match("version notin (v1,v3)")).toBe(true);
    expect(match("tier notin (web)")).toBe(true);
    expect(match("app")).toBe(true);
    expect(match("tier")).toBe(false);
    expect(match("!tier")).toBe(true);
    expect(match("!app")).toBe(false);
  });

  it("ands comma-separated requirements, commas inside parentheses included", () => {
    expect(match("app=reviews,version in (v1,v2),app.kubernetes.io/part-of=bookinfo")).toBe(true);
    expect(match("app=reviews,version notin (v1,v2)")).toBe(false);
    expect(parseLabelSelector("a in (x,y),b")).toHaveLength(2);
  });

  it("selects everything when empty", () => {
    expect(parseLabelSelector("")).toEqual([]);
    expect(match("", {})).toBe(true);
  });

  it("supports gt and lt on integer values", () => {
    expect(match("rank>3", { rank: "5" })).toBe(true);
    expect(match("rank<3", { rank: "5" })).toBe(false);
  });

  it("rejects malformed selectors with 400 BadRequest", () => {
    for (const bad of ["app=re views", "=x", "a in ()", "a,,b", "-bad=1"]) {
      const error = (() => {
        try {
          parseLabelSelector(bad);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error, bad).toBeInstanceOf(ApiError);
      expect((error as ApiError).code, bad).toBe(400);
    }
  });

  it("converts LabelSelector objects, and formats them like kubectl", () => {
    const sel = { matchLabels: { app: "reviews" }, matchExpressions: [{ key: "version", operator: "In", values: ["v1", "v2"] }, { key: "canary", operator: "DoesNotExist" }] };
    const reqs = fromLabelSelectorObject(sel);
    expect(matchesLabels(reqs ?? [], labels)).toBe(true);
    expect(matchesLabels(reqs ?? [], { ...labels, canary: "true" })).toBe(false);
    expect(formatLabelSelector(sel)).toBe("app=reviews,version in (v1,v2),!canary");
    expect(fromLabelSelectorObject(undefined)).toBeUndefined();
    expect(formatLabelSelector({})).toBe("<none>");
  });
});

describe("field selectors", () => {
  const pod: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p1", namespace: "bookinfo" },
    spec: { nodeName: "demo-node" },
    status: { phase: "Running" },
  };

  it("matches metadata fields for every kind and the pod-specific fields", () => {
    const test = (s: string) => compileFieldSelector("Pod", parseFieldSelector(s))(pod);
    expect(test("metadata.name=p1")).toBe(true);
    expect(test("metadata.namespace==bookinfo,status.phase=Running")).toBe(true);
    expect(test("status.phase!=Running")).toBe(false);
    expect(test("spec.nodeName=demo-node,metadata.name!=p2")).toBe(true);
    expect(test("spec.nodeName=other")).toBe(false);
  });

  it("rejects fields the kind does not support, like the real server", () => {
    expect(() => compileFieldSelector("ConfigMap", parseFieldSelector("status.phase=Running"))).toThrowError("field label not supported: status.phase");
    expect(() => parseFieldSelector("nonsense")).toThrowError(/invalid selector/);
  });
});
