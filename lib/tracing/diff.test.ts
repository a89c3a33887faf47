import { describe, expect, it } from "vitest";
import { diffTraces, spansByPath } from "./diff";
import { raw, traceOf } from "./test-spans";

const pp = { service: "productpage.bookinfo", operation: "GET /productpage" };
const rv = { service: "reviews.bookinfo", operation: "GET /reviews" };
const rt = { service: "ratings.bookinfo", operation: "GET /ratings" };
const dt = { service: "details.bookinfo", operation: "GET /details" };

describe("spansByPath", () => {
  it("groups spans by their service+operation path from the root", () => {
    const t = traceOf([raw("a", undefined, 0, 100, pp), raw("b", "a", 10, 20, rv), raw("c", "a", 40, 40, rv), raw("d", "c", 45, 10, rt)]);
    const paths = spansByPath(t);
    expect([...paths.values()].map((e) => [e.path.length, e.stats.count, e.stats.meanUs])).toEqual([
      [1, 1, 100],
      [2, 2, 30],
      [3, 1, 10],
    ]);
  });
});

describe("diffTraces", () => {
  const a = traceOf([raw("a", undefined, 0, 100, pp), raw("b", "a", 10, 20, dt), raw("c", "a", 40, 40, rv)], "a".repeat(32));

  it("finds nothing to report between a trace and itself", () => {
    const d = diffTraces(a, a);
    expect(d.rows.every((r) => r.status === "same")).toBe(true);
    expect(d.counts).toEqual({ same: 3, changed: 0, added: 0, removed: 0 });
  });

  it("reports added and removed paths, in tree order", () => {
    // B calls reviews, which calls ratings, and does not call details.
    const b = traceOf([raw("a", undefined, 0, 100, pp), raw("c", "a", 40, 40, rv), raw("r", "c", 45, 10, rt)], "b".repeat(32));
    const d = diffTraces(a, b);
    expect(d.rows.map((r) => [r.depth, r.service, r.status])).toEqual([
      [0, "productpage.bookinfo", "same"],
      [1, "details.bookinfo", "removed"],
      [1, "reviews.bookinfo", "same"],
      [2, "ratings.bookinfo", "added"],
    ]);
    expect(d.rows[3]?.a).toBeUndefined();
    expect(d.rows[3]?.b?.count).toBe(1);
    expect(d.a).toEqual({ traceId: "a".repeat(32), durationUs: 100, spanCount: 3 });
  });

  it("reports changed counts, errors and durations beyond the thresholds", () => {
    const b = traceOf(
      [raw("a", undefined, 0, 3_000, pp), raw("b", "a", 10, 21, { ...dt, error: true }), raw("c", "a", 40, 40, rv), raw("c2", "a", 90, 40, rv)],
      "b".repeat(32),
    );
    const d = diffTraces(a, b);
    const by = new Map(d.rows.map((r) => [r.service, r]));
    expect(by.get("productpage.bookinfo")).toMatchObject({ status: "changed", changes: ["duration"], deltaMeanUs: 2_900 });
    // 1 µs slower is jitter, not a change; the error is.
    expect(by.get("details.bookinfo")).toMatchObject({ status: "changed", changes: ["errors"], deltaMeanUs: 1 });
    expect(by.get("reviews.bookinfo")).toMatchObject({ status: "changed", changes: ["count"] });
    expect(diffTraces(a, b, { absoluteUs: 5_000 }).rows[0]?.status).toBe("same");
    expect(diffTraces(a, b, { relative: 30 }).rows[0]?.status).toBe("same");
  });

  it("tells the same call made from two places apart", () => {
    const b = traceOf([raw("a", undefined, 0, 100, pp), raw("b", "a", 10, 20, dt), raw("c", "a", 40, 40, rv), raw("d", "c", 45, 10, dt)], "b".repeat(32));
    const d = diffTraces(a, b);
    expect(d.rows.filter((r) => r.service === "details.bookinfo").map((r) => [r.depth, r.status])).toEqual([
      [1, "same"],
      [2, "added"],
    ]);
  });
});
