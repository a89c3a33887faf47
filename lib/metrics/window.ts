import { z } from "zod";
import { TIME_WINDOWS, type TimeWindow } from "@/lib/url-state";

/** A window the console offers (`1m` … `1d`), for health and charts. */
export const timeWindow = z.enum(TIME_WINDOWS);

const SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Seconds in `5m`, `1h`, `1d`. */
export function windowSeconds(w: TimeWindow): number {
  return Number(w.slice(0, -1)) * (SECONDS[w.slice(-1)] ?? 1);
}

/** A range query's time axis: `points` steps ending at `end`, on multiples of the step (so caches and charts line up). */
export interface RangeAxis {
  start: number;
  end: number;
  step: number;
  /** The `rate()` window of each point: at least two scrapes at 15 s, at least one step (no gaps). */
  rateWindow: string;
}

/** About 60 points over the window, steps of at least 10 s. */
export function rangeAxis(w: TimeWindow, nowSeconds: number, points = 60): RangeAxis {
  const span = windowSeconds(w);
  const step = Math.max(10, Math.ceil(span / points / 10) * 10);
  const end = Math.floor(nowSeconds / step) * step;
  const rate = Math.max(60, step * 2);
  return { start: end - span, end, step, rateWindow: `${rate}s` };
}

/** The timestamps a range query over `axis` answers at. */
export function axisTimestamps(axis: Pick<RangeAxis, "start" | "end" | "step">): number[] {
  const out: number[] = [];
  for (let t = axis.start; t <= axis.end + 1e-9; t += axis.step) out.push(t);
  return out;
}

/**
 * Aligns a range query's points on the axis: one value per timestamp, `null` where the series has no
 * point (charts draw a gap, not a zero). NaN and infinities become `null` as well.
 */
export function alignPoints(points: ReadonlyArray<readonly [number, number]>, timestamps: readonly number[], step: number): Array<number | null> {
  const out: Array<number | null> = new Array<number | null>(timestamps.length).fill(null);
  const first = timestamps[0];
  if (first === undefined) return out;
  for (const [t, v] of points) {
    const i = Math.round((t - first) / step);
    if (i >= 0 && i < out.length && Number.isFinite(v)) out[i] = v;
  }
  return out;
}
