/**
 * Traffic animation, pure part: how many dots run along an edge and how fast, from its rate, and
 * where they are at a given time. Dots are drawn on an overlay canvas (components/graph/overlay.ts),
 * which never touches Cytoscape's styles, so animating costs one canvas redraw per frame.
 */
import type { Point } from "./layout-types";

export interface TrafficParams {
  /** Dots on the edge at once (density follows the rate). */
  dots: number;
  /** Speed in px per second, at zoom 1 (faster with more traffic). */
  speed: number;
  /** How many of the dots are drawn as errors. */
  errorDots: number;
}

/** Dots and speed for an edge: both grow with the log of the rate; no dots on idle edges. */
export function trafficParams(rate: number, errorRatio: number | null, protocol: "http" | "grpc" | "tcp"): TrafficParams {
  const perSecond = protocol === "tcp" ? rate / 1024 : rate;
  if (!(perSecond > 0)) return { dots: 0, speed: 0, errorDots: 0 };
  const level = Math.log2(1 + perSecond);
  const dots = Math.max(1, Math.min(8, Math.round(1 + level)));
  const speed = Math.min(220, 35 + 22 * level);
  const errorDots = errorRatio && errorRatio > 0 ? Math.max(1, Math.round(dots * Math.min(1, errorRatio))) : 0;
  return { dots, speed, errorDots };
}

/** Where each dot is (0 at the source, 1 at the target) at `timeMs`, for an edge `length` px long. */
export function dotOffsets(p: TrafficParams, length: number, timeMs: number): number[] {
  if (p.dots === 0 || !(length > 0)) return [];
  const phase = ((timeMs / 1000) * p.speed) / length;
  return Array.from({ length: p.dots }, (_, i) => (((phase + i / p.dots) % 1) + 1) % 1);
}

/**
 * A point on a quadratic Bézier edge given its two endpoints and its midpoint (what Cytoscape reports):
 * the control point is `2·mid − (start + end)/2`. Straight edges have mid halfway, which gives a line.
 */
export function pointOnEdge(start: Point, mid: Point, end: Point, t: number): Point {
  const cx = 2 * mid.x - (start.x + end.x) / 2;
  const cy = 2 * mid.y - (start.y + end.y) / 2;
  const u = 1 - t;
  return { x: u * u * start.x + 2 * u * t * cx + t * t * end.x, y: u * u * start.y + 2 * u * t * cy + t * t * end.y };
}
