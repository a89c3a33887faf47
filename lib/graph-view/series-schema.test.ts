import { describe, expect, it } from "vitest";
import { ratioSeries, seriesParams } from "./series-schema";

describe("series request parameters", () => {
  it("reads a node target with the default window", () => {
    expect(seriesParams.parse({ node: "app:bookinfo:reviews:v2" })).toEqual({
      target: { kind: "node", node: { type: "app", namespace: "bookinfo", app: "reviews", version: "v2" } },
      window: "5m",
      time: undefined,
    });
  });

  it("reads an edge target; protocol defaults to http", () => {
    const p = seriesParams.parse({ source: "unknown", target: "service:bookinfo:productpage", window: "1h", time: "1700000000" });
    expect(p).toEqual({
      target: { kind: "edge", source: { type: "unknown" }, target: { type: "service", namespace: "bookinfo", service: "productpage" }, protocol: "http" },
      window: "1h",
      time: 1_700_000_000,
    });
  });

  it.each([
    [{}, "node", /either node, or source and target/],
    [{ node: "a", source: "unknown", target: "unknown" }, "node", /not a graph node id/],
    [{ node: "pod:x:y" }, "node", /not a graph node id/],
    [{ source: "unknown" }, "node", /either node, or source and target/],
    [{ source: "external:x", target: "unknown" }, "source", /a host node sends no traffic/],
    [{ source: "app:a:b", target: "unknown" }, "target", /receives no traffic/],
    [{ node: "unknown", window: "2d" }, "window", /between 1m and 1d/],
    [{ node: "unknown", protocol: "udp" }, "protocol", /./],
    [{ node: "unknown", time: "now" }, "time", /unix seconds/],
  ])("refuses %j naming %s", (input, path, message) => {
    const r = seriesParams.safeParse(input);
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path[0] === path);
    expect(issue?.message).toMatch(message);
  });
});

describe("ratioSeries", () => {
  it("divides errors by the rate at each time, missing errors counting as none", () => {
    expect(
      ratioSeries(
        [
          [10, 1],
          [30, 2],
        ],
        [
          [10, 4],
          [20, 5],
          [30, 0],
          [40, null],
        ],
      ),
    ).toEqual([
      [10, 0.25],
      [20, 0],
      [30, null],
      [40, null],
    ]);
    expect(ratioSeries([], undefined)).toEqual([]);
  });
});
