import { describe, expect, it } from "vitest";
import { z } from "zod";
import { namespacesParam } from "./params";

const q = z.object({ namespaces: namespacesParam });

describe("namespaces parameter", () => {
  it("splits, trims and deduplicates", () => {
    expect(q.parse({ namespaces: " bookinfo, shop,bookinfo " }).namespaces).toEqual(["bookinfo", "shop"]);
  });

  it("refuses a missing or empty value, naming the field", () => {
    for (const input of [{}, { namespaces: "" }, { namespaces: " , " }]) {
      const r = q.safeParse(input);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path[0]).toBe("namespaces");
    }
  });

  it("refuses names that are not DNS-1123 labels (no PromQL or path injection)", () => {
    for (const bad of ['a"b', "UPPER", "-lead", "a".repeat(64), 'x"}or vector(1)']) {
      expect(q.safeParse({ namespaces: bad }).success, bad).toBe(false);
    }
  });
});
