/**
 * `histogram_quantile` as Prometheus computes it (promql/quantile.go, `bucketQuantile`, v2.42), so that
 * the builder can apply it after the counting rule and the graph type's aggregation and get what
 * `histogram_quantile(q, sum by (le, …) (rate(…_bucket[w])))` would give for the same edges.
 */

/** A cumulative histogram bucket: observations (or their rate) with a value ≤ `le`. */
export interface Bucket {
  le: number;
  count: number;
}

/** Parses an `le` label (`"0.5"`, `"+Inf"`); undefined when it is not a number. */
export function parseLe(le: string): number | undefined {
  if (le === "+Inf" || le === "Inf") return Infinity;
  const n = Number(le);
  return Number.isNaN(n) ? undefined : n;
}

/**
 * The `q` quantile of cumulative buckets, interpolating linearly inside the bucket the rank falls in.
 * Mirrors Prometheus: NaN without a `+Inf` bucket, with fewer than two buckets or no observations; the
 * second-highest bound when the rank is in the `+Inf` bucket; the lowest bucket starts at 0 when its
 * bound is positive; non-monotonic counts (from scrapes at different times) are made monotonic.
 */
export function histogramQuantile(q: number, input: readonly Bucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  // Sort, and merge buckets with the same bound (Prometheus's coalesceBuckets).
  const sorted = [...input].sort((a, b) => a.le - b.le);
  const buckets: Bucket[] = [];
  for (const b of sorted) {
    const last = buckets[buckets.length - 1];
    if (last && last.le === b.le) last.count += b.count;
    else buckets.push({ ...b });
  }
  const top = buckets[buckets.length - 1];
  if (!top || top.le !== Infinity) return NaN;
  let max = -Infinity;
  for (const b of buckets) {
    if (b.count < max) b.count = max;
    else max = b.count;
  }
  if (buckets.length < 2) return NaN;
  const observations = top.count;
  if (observations === 0 || Number.isNaN(observations)) return NaN;
  let rank = q * observations;
  let i = 0;
  while (i < buckets.length - 1 && buckets[i]!.count < rank) i++;
  if (i === buckets.length - 1) return buckets[buckets.length - 2]!.le;
  const bucket = buckets[i]!;
  if (i === 0 && bucket.le <= 0) return bucket.le;
  let start = 0;
  let count = bucket.count;
  if (i > 0) {
    const prev = buckets[i - 1]!;
    start = prev.le;
    count -= prev.count;
    rank -= prev.count;
  }
  return start + (bucket.le - start) * (rank / count);
}
