/** Short number formats for graph labels and panels. */

function trim(v: number, digits: number): string {
  return v.toFixed(digits).replace(/\.?0+$/, "");
}

/** Compact significant digits: 0.0123 → "0.012", 4.331 → "4.33", 123.4 → "123", 12345 → "12.3k". */
export function compact(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return "0";
  if (a >= 1e6) return `${trim(v / 1e6, 1)}M`;
  if (a >= 1e4) return `${trim(v / 1e3, 1)}k`;
  if (a >= 100) return String(Math.round(v));
  if (a >= 10) return trim(v, 1);
  if (a >= 0.01) return trim(v, 2);
  return "<0.01";
}

/** Requests per second: "4.33 rps". */
export function formatRps(v: number): string {
  return `${compact(v)} rps`;
}

/** A ratio (0–1) as a percentage with a precision that keeps small error ratios visible. */
export function formatRatio(r: number | null | undefined): string {
  if (r === null || r === undefined || !Number.isFinite(r)) return "–";
  const p = r * 100;
  if (p === 0) return "0%";
  if (p < 0.01) return "<0.01%";
  if (p < 1) return `${trim(p, 2)}%`;
  if (p < 99.95) return `${trim(p, 1)}%`;
  return `${Math.round(p)}%`;
}

/** Milliseconds: "17ms", "240ms", "2.2s". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "–";
  if (ms >= 1000) return `${trim(ms / 1000, ms >= 10_000 ? 0 : 1)}s`;
  if (ms >= 10) return `${Math.round(ms)}ms`;
  return `${trim(ms, 1)}ms`;
}

/** Bytes per second: "512 B/s", "1.2 kB/s", "3.4 MB/s". */
export function formatBytesRate(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${trim(v / 1e9, 1)} GB/s`;
  if (a >= 1e6) return `${trim(v / 1e6, 1)} MB/s`;
  if (a >= 1e3) return `${trim(v / 1e3, 1)} kB/s`;
  return `${compact(v)} B/s`;
}
