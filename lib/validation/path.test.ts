import { describe, expect, it } from "vitest";
import { comparePaths, formatPath, parsePath } from "./path";

describe("finding paths", () => {
  it("joins names with dots and indices with brackets", () => {
    expect(formatPath(["spec", "http", 0, "route", 1, "weight"])).toBe("spec.http[0].route[1].weight");
  });

  it("quotes keys that are not plain names", () => {
    expect(formatPath(["spec", "selector", "matchLabels", "app.kubernetes.io/name"])).toBe('spec.selector.matchLabels["app.kubernetes.io/name"]');
    expect(formatPath(["spec", "headers", "x-user"])).toBe("spec.headers.x-user");
  });

  it("splits a path back into its segments", () => {
    for (const segments of [["spec", "http", 0, "route", 1, "weight"], ["spec", "selector", "matchLabels", "app.kubernetes.io/name"], ["spec", "match", 0, "headers", 'we"ird', "regex"]]) {
      expect(parsePath(formatPath(segments))).toEqual(segments);
    }
    expect(parsePath("")).toEqual([]);
  });

  it("refuses malformed paths", () => {
    expect(parsePath("spec..http")).toBeUndefined();
    expect(parsePath("spec[x]")).toBeUndefined();
  });

  it("orders indices numerically and parents before children", () => {
    const paths = ["spec.http[10].route", "spec.http[2].route", "spec.http", "spec.hosts[0]", "spec.http[2].route[0].weight"];
    expect([...paths].sort(comparePaths)).toEqual(["spec.hosts[0]", "spec.http", "spec.http[2].route", "spec.http[2].route[0].weight", "spec.http[10].route"]);
  });
});
