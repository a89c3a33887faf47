/**
 * Parses protobuf Duration strings as Istio accepts them (`1.5s`, `100ms`, `2m`, `1h`).
 * Returns milliseconds, or undefined when the value is missing or malformed.
 */
export function parseDurationMs(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value * 1000;
  if (typeof value !== "string") return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)(ms|s|m|h|us|µs|ns)\s*$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]) {
    case "h":
      return n * 3_600_000;
    case "m":
      return n * 60_000;
    case "s":
      return n * 1000;
    case "ms":
      return n;
    case "us":
    case "µs":
      return n / 1000;
    case "ns":
      return n / 1_000_000;
    default:
      return undefined;
  }
}
