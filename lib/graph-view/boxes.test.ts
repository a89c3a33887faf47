import { describe, expect, it } from "vitest";
import { LABEL_ROOM, namespaceBounds } from "./boxes";

describe("namespaceBounds", () => {
  it("boxes each namespace's nodes with padding and room for labels, skipping nodes without one", () => {
    const b = namespaceBounds(
      [
        { ns: "a", x: 0, y: 0, width: 40, height: 40 },
        { ns: "a", x: 100, y: 50, width: 40, height: 40 },
        { ns: "b", x: 500, y: 0, width: 20, height: 20 },
        { ns: "", x: 900, y: 900, width: 40, height: 40 },
      ],
      10,
    );
    expect([...b.keys()]).toEqual(["a", "b"]);
    expect(b.get("a")).toEqual({ x1: -30, y1: -30, x2: 130, y2: 70 + LABEL_ROOM + 10 });
    expect(b.get("b")).toEqual({ x1: 480, y1: -20, x2: 520, y2: 10 + LABEL_ROOM + 10 });
  });
});
