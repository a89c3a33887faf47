import { describe, expect, it } from "vitest";
import { apportion, equalSplit, initialWeights, maxWeight, promote, rebalance, sameWeights, type VersionWeight } from "./weights";

const w = (...pairs: Array<[string, number]>): VersionWeight[] => pairs.map(([version, weight]) => ({ version, weight }));
const total = (ws: VersionWeight[]) => ws.reduce((s, x) => s + x.weight, 0);

describe("apportion", () => {
  it("splits proportionally in whole numbers, largest remainders first", () => {
    expect(apportion(20, [0, 50])).toEqual([0, 20]);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [50, 25, 25])).toEqual([3, 2, 2]);
  });
  it("splits equally when every share is 0", () => {
    expect(apportion(92, [0, 0])).toEqual([46, 46]);
  });
  it("gives nothing when there is nothing to give", () => {
    expect(apportion(0, [30, 70])).toEqual([0, 0]);
    expect(apportion(5, [])).toEqual([]);
  });
});

describe("rebalance", () => {
  const start = w(["v1", 50], ["v2", 0], ["v3", 50]);

  it("gives the difference to the others in proportion to their weights", () => {
    expect(rebalance(start, "v1", 80)).toEqual(w(["v1", 80], ["v2", 0], ["v3", 20]));
    expect(rebalance(w(["v1", 40], ["v2", 30], ["v3", 30]), "v1", 10)).toEqual(w(["v1", 10], ["v2", 45], ["v3", 45]));
  });

  it("keeps whole numbers summing to 100 for every slider position", () => {
    let ws = w(["a", 34], ["b", 33], ["c", 33]);
    for (let v = 0; v <= 100; v += 7) {
      ws = rebalance(ws, "b", v);
      expect(total(ws)).toBe(100);
      expect(ws.every((x) => Number.isInteger(x.weight) && x.weight >= 0)).toBe(true);
      expect(ws.find((x) => x.version === "b")?.weight).toBe(v);
    }
  });

  it("leaves locked versions alone and clamps to what they leave", () => {
    const locked = new Set(["v3"]);
    expect(rebalance(w(["v1", 40], ["v2", 30], ["v3", 30]), "v1", 90, locked)).toEqual(w(["v1", 70], ["v2", 0], ["v3", 30]));
    expect(maxWeight(w(["v1", 40], ["v2", 30], ["v3", 30]), "v1", locked)).toBe(70);
  });

  it("does not move a locked version, nor one whose every peer is locked", () => {
    const ws = w(["v1", 60], ["v2", 40]);
    expect(rebalance(ws, "v1", 10, new Set(["v1"]))).toEqual(ws);
    expect(rebalance(ws, "v1", 10, new Set(["v2"]))).toEqual(ws);
  });

  it("rounds and clamps values out of range, and ignores unknown versions and NaN", () => {
    expect(rebalance(start, "v1", 79.6)).toEqual(w(["v1", 80], ["v2", 0], ["v3", 20]));
    expect(rebalance(start, "v1", 150)).toEqual(w(["v1", 100], ["v2", 0], ["v3", 0]));
    expect(rebalance(start, "v1", -5)).toEqual(w(["v1", 0], ["v2", 0], ["v3", 100]));
    expect(rebalance(start, "v9", 10)).toEqual(start);
    expect(rebalance(start, "v1", Number.NaN)).toEqual(start);
  });

  it("spreads equally over peers that all had 0", () => {
    expect(rebalance(w(["v1", 100], ["v2", 0], ["v3", 0]), "v1", 8)).toEqual(w(["v1", 8], ["v2", 46], ["v3", 46]));
  });
});

describe("promote, initial weights", () => {
  it("promotes one version to 100", () => {
    expect(promote(w(["v1", 80], ["v3", 20]), "v3")).toEqual(w(["v1", 0], ["v3", 100]));
  });
  it("splits equally without weights in force", () => {
    expect(equalSplit(["v1", "v2", "v3"])).toEqual(w(["v1", 34], ["v2", 33], ["v3", 33]));
    expect(initialWeights(["v1"], null)).toEqual(w(["v1", 100]));
  });
  it("starts from the weights in force, 0 for versions not routed to, in version order", () => {
    expect(initialWeights(["v1", "v2", "v3"], w(["v3", 50], ["v1", 50]))).toEqual(w(["v1", 50], ["v2", 0], ["v3", 50]));
    expect(initialWeights(["v1"], w(["v1", 90], ["old", 10]))).toEqual(w(["v1", 90], ["old", 10]));
  });
  it("compares weights ignoring order and zero entries", () => {
    expect(sameWeights(w(["v1", 50], ["v3", 50]), w(["v3", 50], ["v2", 0], ["v1", 50]))).toBe(true);
    expect(sameWeights(w(["v1", 50], ["v3", 50]), w(["v1", 80], ["v3", 20]))).toBe(false);
  });
});
