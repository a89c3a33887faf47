import type { ChartUnit } from "./charts";

function compact(v: number, digits = 2): string {
  const abs = Math.abs(v);
  if (abs === 0) return "0";
  if (abs >= 100) return Math.round(v).toLocaleString("en-US");
  if (abs >= 10) return v.toFixed(1).replace(/\.0$/, "");
  if (abs >= 0.01) return v.toFixed(digits).replace(/\.?0+$/, "");
  return v.toPrecision(2);
}

function bytes(v: number): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let x = v;
  let i = 0;
  while (Math.abs(x) >= 1000 && i < units.length - 1) {
    x /= 1000;
    i++;
  }
  return `${compact(x, 1)} ${units[i]}`;
}

/** A chart value with its unit: `12/s`, `99.5%`, `250 ms`, `1.2 s`, `3.4 kB`, `1.2 MB/s`; `—` for none. */
export function formatValue(v: number | null | undefined, unit: ChartUnit): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  switch (unit) {
    case "rps":
      return `${compact(v)}/s`;
    case "percent":
      return `${v >= 99.995 && v < 100 ? "99.99" : compact(v, 2)}%`;
    case "ms":
      return Math.abs(v) >= 1000 ? `${compact(v / 1000)} s` : `${compact(v, 1)} ms`;
    case "bytes":
      return bytes(v);
    case "Bps":
      return `${bytes(v)}/s`;
  }
}
