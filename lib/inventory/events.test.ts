import { describe, expect, it } from "vitest";
import { ChangeBatcher, MAX_BATCH } from "./events";

describe("ChangeBatcher", () => {
  it("keeps changes of the selected namespaces and of cluster-scoped kinds", () => {
    const b = new ChangeBatcher(["bookinfo"]);
    expect(b.add({ kind: "pods", type: "update", namespace: "bookinfo", name: "a" })).toBe(true);
    expect(b.add({ kind: "pods", type: "update", namespace: "shop", name: "b" })).toBe(false);
    expect(b.add({ kind: "namespaces", type: "add", name: "new" })).toBe(true);
    expect(b.flush()).toEqual({
      changes: [
        { kind: "pods", type: "update", namespace: "bookinfo", name: "a" },
        { kind: "namespaces", type: "add", name: "new" },
      ],
      kinds: ["namespaces", "pods"],
      namespaces: ["bookinfo"],
      truncated: false,
    });
    expect(b.flush()).toBeUndefined();
  });

  it("keeps the latest change per object and caps a batch, still naming every kind", () => {
    const b = new ChangeBatcher();
    b.add({ kind: "pods", type: "add", namespace: "n", name: "p" });
    b.add({ kind: "pods", type: "delete", namespace: "n", name: "p" });
    for (let i = 0; i < MAX_BATCH + 5; i++) b.add({ kind: "services", type: "add", namespace: "m", name: `s${i}` });
    b.add({ kind: "deployments", type: "update", namespace: "z", name: "d" });
    const batch = b.flush();
    expect(batch?.changes).toHaveLength(MAX_BATCH);
    expect(batch?.changes[0]).toEqual({ kind: "pods", type: "delete", namespace: "n", name: "p" });
    expect(batch?.truncated).toBe(true);
    expect(batch?.kinds).toEqual(["deployments", "pods", "services"]);
    expect(batch?.namespaces).toEqual(["m", "n", "z"]);
  });
});
