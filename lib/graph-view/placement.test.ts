import { describe, expect, it } from "vitest";
import { placeNewNodes } from "./placement";

describe("placeNewNodes", () => {
  const placed = new Map([
    ["caller", { x: 0, y: 0 }],
    ["callee", { x: 400, y: 100 }],
  ]);

  it("puts a new callee right of its caller and a new caller left of its callee", () => {
    const p = placeNewNodes(["newCallee", "newCaller"], [
      { source: "caller", target: "newCallee" },
      { source: "newCaller", target: "callee" },
    ], placed);
    expect(p.get("newCallee")).toEqual({ x: 160, y: 0 });
    expect(p.get("newCaller")).toEqual({ x: 240, y: 100 });
  });

  it("never stacks two new nodes on one spot", () => {
    const p = placeNewNodes(["a", "b"], [
      { source: "caller", target: "a" },
      { source: "caller", target: "b" },
    ], placed);
    expect(p.get("a")).not.toEqual(p.get("b"));
    expect(p.get("a")!.x).toBe(p.get("b")!.x);
  });

  it("places nodes linked only to other new nodes after those, and unlinked ones under the graph", () => {
    const p = placeNewNodes(["chain2", "chain1", "alone"], [
      { source: "caller", target: "chain1" },
      { source: "chain1", target: "chain2" },
    ], placed);
    expect(p.get("chain1")).toEqual({ x: 160, y: 0 });
    expect(p.get("chain2")).toEqual({ x: 320, y: 0 });
    expect(p.get("alone")!.y).toBeGreaterThan(100);
    expect(placed.size).toBe(2);
  });

  it("keeps every existing position untouched (only new ids are returned)", () => {
    const p = placeNewNodes(["n"], [{ source: "caller", target: "n" }], placed);
    expect([...p.keys()]).toEqual(["n"]);
  });
});
