import { describe, expect, it } from "vitest";
import type { PromSeries } from "@/lib/promql/types";
import { mergeInbound, namespacesMissingPoints } from "./inbound";

const series = (ns: string, points: Array<[number, number]>): PromSeries => ({ metric: { destination_workload_namespace: ns }, points });

/** What PromQL's `dest or src` answers, per namespace and timestamp (the reference). */
function orOf(dest: readonly PromSeries[], src: readonly PromSeries[]): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const [side, onlyMissing] of [[dest, false], [src, true]] as const) {
    for (const s of side) {
      const ns = s.metric.destination_workload_namespace ?? "";
      const m = out.get(ns) ?? new Map<number, number>();
      out.set(ns, m);
      for (const [t, v] of s.points) if (!onlyMissing || !m.has(t)) m.set(t, v);
    }
  }
  return out;
}

const asMap = (list: readonly PromSeries[]) => new Map(list.map((s) => [s.metric.destination_workload_namespace ?? "", new Map(s.points)]));

describe("namespacesMissingPoints", () => {
  it("names the selected namespaces with no destination series or fewer points than the axis", () => {
    const dest = [series("full", [[10, 1], [20, 1], [30, 1]]), series("gappy", [[10, 1], [30, 1]]), series("other", [[10, 1]])];
    expect(namespacesMissingPoints(dest, ["full", "gappy", "idle"], 3)).toEqual(["gappy", "idle"]);
    expect(namespacesMissingPoints(dest, ["full"], 3)).toEqual([]);
  });
});

describe("mergeInbound", () => {
  it("answers what `dest or src` answers, point by point", () => {
    const dest = [series("bookinfo", [[10, 5], [20, 6], [30, 7]]), series("gappy", [[20, 2]])];
    const src = [series("bookinfo", [[10, 50], [20, 60], [30, 70]]), series("gappy", [[10, 9], [20, 99], [30, 9]]), series("legacy", [[10, 1], [30, 3]])];
    const missing = namespacesMissingPoints(dest, ["bookinfo", "gappy", "legacy"], 3);
    expect(missing).toEqual(["gappy", "legacy"]);
    const merged = mergeInbound(dest, src, missing);
    expect(asMap(merged)).toEqual(orOf(dest, src));
    expect(merged.find((s) => s.metric.destination_workload_namespace === "gappy")?.points).toEqual([[10, 9], [20, 2], [30, 9]]);
    // A namespace with complete destination reports is passed through untouched.
    expect(merged[0]).toBe(dest[0]);
  });

  it("ignores source series of namespaces it was not asked to fill", () => {
    const merged = mergeInbound([series("a", [[10, 1]])], [series("b", [[10, 2]])], ["a"]);
    expect(merged).toEqual([series("a", [[10, 1]])]);
  });

  it("keeps points in time order and handles nothing at all", () => {
    expect(mergeInbound([], [series("x", [[30, 3], [10, 1]])], ["x"])[0]?.points).toEqual([[10, 1], [30, 3]]);
    expect(mergeInbound([], [], [])).toEqual([]);
  });
});
