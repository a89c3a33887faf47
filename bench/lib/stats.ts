/** Small statistics helpers for benchmark samples (milliseconds, counts). */

/** The `q` quantile (0..1) of `values` with linear interpolation between closest ranks; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

export function summarize(values: readonly number[]): Summary {
  const n = values.length;
  return {
    n,
    p50: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    min: n ? Math.min(...values) : NaN,
    max: n ? Math.max(...values) : NaN,
    mean: n ? values.reduce((s, v) => s + v, 0) / n : NaN,
  };
}

/** `a / b`, or NaN when `b` is not a positive number. */
export function ratio(a: number, b: number): number {
  return b > 0 && Number.isFinite(a) ? a / b : NaN;
}

/** A deterministic PRNG (mulberry32), so that generated meshes and graphs are the same on every run. */
export { prng as seededRandom } from "@/lib/graph-view/prng";
