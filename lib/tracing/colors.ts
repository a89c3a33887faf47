/**
 * Service colours of a waterfall: distinct, readable on white, with white text on them. Assigned in
 * order of first appearance so that the services of one trace never share a colour before the twelfth.
 */
export const SERVICE_PALETTE = [
  "#2563eb", // blue
  "#059669", // emerald
  "#d97706", // amber
  "#7c3aed", // violet
  "#0891b2", // cyan
  "#db2777", // pink
  "#65a30d", // lime
  "#ea580c", // orange
  "#4f46e5", // indigo
  "#0d9488", // teal
  "#9333ea", // purple
  "#475569", // slate
] as const;

/** A colour per service, in the order given (a trace's `services`). */
export function serviceColors(services: readonly string[]): Map<string, string> {
  return new Map(services.map((s, i) => [s, SERVICE_PALETTE[i % SERVICE_PALETTE.length]!]));
}

/** A stable colour for one service on its own (same name, same colour, across pages). */
export function serviceColor(service: string): string {
  let h = 0;
  for (let i = 0; i < service.length; i++) h = (h * 31 + service.charCodeAt(i)) >>> 0;
  return SERVICE_PALETTE[h % SERVICE_PALETTE.length]!;
}
