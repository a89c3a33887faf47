/**
 * Durations and times for people: `850µs`, `12.3ms`, `1.25s`, `2m 5s`. Inputs are microseconds.
 */
export function formatDurationUs(us: number): string {
  const sign = us < 0 ? "-" : "";
  const a = Math.abs(us);
  if (a < 1_000) return `${sign}${round(a, 0)}µs`;
  if (a < 1_000_000) return `${sign}${round(a / 1_000, a < 10_000 ? 2 : 1)}ms`;
  if (a < 60_000_000) return `${sign}${round(a / 1_000_000, 2)}s`;
  const totalS = Math.round(a / 1_000_000);
  return `${sign}${Math.floor(totalS / 60)}m ${totalS % 60}s`;
}

function round(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/** A signed duration, `+1.2ms` / `-300µs`, for deltas. */
export function formatDeltaUs(us: number): string {
  return us > 0 ? `+${formatDurationUs(us)}` : formatDurationUs(us);
}

/** Local wall-clock time of a µs timestamp, `14:03:07.123`. */
export function formatClockUs(us: number): string {
  const d = new Date(Math.floor(us / 1_000));
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** The first 7 hex digits of a trace ID, as Jaeger's UI shows them (leading zeros of 64-bit IDs dropped). */
export function shortTraceId(traceId: string): string {
  const significant = traceId.startsWith("0000000000000000") ? traceId.slice(16) : traceId;
  return significant.slice(0, 7);
}
