/**
 * One entry point for both layouts, with positions in flat arrays so that they cross the worker
 * boundary cheaply (structured clone of two arrays instead of thousands of small objects).
 */
import { forceLayout } from "./force-layout";
import { layeredLayout } from "./layered-layout";
import type { LayoutInput, Point, Positions } from "./layout-types";
import type { LayoutName } from "./view-state";

export interface LayoutRequest {
  id: number;
  layout: LayoutName;
  input: LayoutInput;
  /** Current positions, for the force layout to start from. */
  initial?: { ids: string[]; xy: Float64Array };
}

export interface LayoutResponse {
  id: number;
  ids: string[];
  /** x0, y0, x1, y1, … in the order of `ids`. */
  xy: Float64Array;
  ms: number;
}

export function packPositions(p: Positions): { ids: string[]; xy: Float64Array } {
  const ids = [...p.keys()];
  const xy = new Float64Array(ids.length * 2);
  ids.forEach((id, i) => {
    const v = p.get(id)!;
    xy[2 * i] = v.x;
    xy[2 * i + 1] = v.y;
  });
  return { ids, xy };
}

export function unpackPositions(ids: readonly string[], xy: Float64Array): Positions {
  const out = new Map<string, Point>();
  ids.forEach((id, i) => out.set(id, { x: xy[2 * i]!, y: xy[2 * i + 1]! }));
  return out;
}

/** Runs a layout request (in a worker or, as a fallback, on the main thread). */
export function computeLayout(req: LayoutRequest): LayoutResponse {
  const started = performance.now();
  const positions =
    req.layout === "force"
      ? forceLayout(req.input, { initial: req.initial ? unpackPositions(req.initial.ids, req.initial.xy) : undefined })
      : layeredLayout(req.input);
  return { id: req.id, ...packPositions(positions), ms: performance.now() - started };
}
