/** SVG paths for the side panel's small charts (no chart library: a path per series). */

export interface SparkSeries {
  /** `[unix seconds, value]`; NaN and missing points break the line. */
  points: ReadonlyArray<readonly [number, number]>;
}

export interface SparkScale {
  t0: number;
  t1: number;
  min: number;
  max: number;
}

/** A common scale for several series: time range and value range (from 0, unless values go below). */
export function sparkScale(series: readonly SparkSeries[], range?: { start: number; end: number }): SparkScale | undefined {
  let t0 = range?.start ?? Infinity;
  let t1 = range?.end ?? -Infinity;
  let min = 0;
  let max = -Infinity;
  for (const s of series) {
    for (const [t, v] of s.points) {
      if (!Number.isFinite(v)) continue;
      if (!range) {
        t0 = Math.min(t0, t);
        t1 = Math.max(t1, t);
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  if (!Number.isFinite(max) || !Number.isFinite(t0)) return undefined;
  if (max === min) max = min + 1;
  if (t1 === t0) t1 = t0 + 1;
  return { t0, t1, min, max };
}

/** The `d` of a path drawing `s` in a `width`×`height` box; gaps (NaN, ±Inf) start a new segment. */
export function sparkPath(s: SparkSeries, scale: SparkScale, width: number, height: number): string {
  const parts: string[] = [];
  let pen = false;
  for (const [t, v] of s.points) {
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    const x = ((t - scale.t0) / (scale.t1 - scale.t0)) * width;
    const y = height - ((v - scale.min) / (scale.max - scale.min)) * height;
    parts.push(`${pen ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`);
    pen = true;
  }
  return parts.join("");
}
