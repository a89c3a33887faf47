import { describe, expect, it } from "vitest";
import { dotOffsets, pointOnEdge, trafficParams } from "./traffic";

describe("traffic animation", () => {
  it("runs more and faster dots on busier edges, none on idle ones", () => {
    const quiet = trafficParams(0.2, 0, "http");
    const busy = trafficParams(200, 0, "http");
    expect(trafficParams(0, null, "http").dots).toBe(0);
    expect(quiet.dots).toBeGreaterThanOrEqual(1);
    expect(busy.dots).toBeGreaterThan(quiet.dots);
    expect(busy.speed).toBeGreaterThan(quiet.speed);
    expect(busy.dots).toBeLessThanOrEqual(8);
    expect(busy.speed).toBeLessThanOrEqual(220);
  });

  it("draws a share of the dots as errors, at least one when there are errors", () => {
    expect(trafficParams(10, 0.001, "http").errorDots).toBe(1);
    const half = trafficParams(100, 0.5, "http");
    expect(half.errorDots).toBe(Math.round(half.dots / 2));
    expect(trafficParams(10, 0, "http").errorDots).toBe(0);
  });

  it("spreads dots evenly and moves them with time at the edge's speed", () => {
    const p = { dots: 4, speed: 100, errorDots: 0 };
    expect(dotOffsets(p, 200, 0)).toEqual([0, 0.25, 0.5, 0.75]);
    // 1 s at 100 px/s on a 200 px edge: half way further.
    expect(dotOffsets(p, 200, 1000)).toEqual([0.5, 0.75, 0, 0.25]);
    expect(dotOffsets(p, 0, 1000)).toEqual([]);
  });

  it("follows the edge's curve", () => {
    const start = { x: 0, y: 0 };
    const end = { x: 100, y: 0 };
    expect(pointOnEdge(start, { x: 50, y: 0 }, end, 0.5)).toEqual({ x: 50, y: 0 });
    expect(pointOnEdge(start, { x: 50, y: 20 }, end, 0.5)).toEqual({ x: 50, y: 20 });
    expect(pointOnEdge(start, { x: 50, y: 20 }, end, 0)).toEqual(start);
    expect(pointOnEdge(start, { x: 50, y: 20 }, end, 1)).toEqual(end);
  });
});
