/**
 * The text filter of the inventory lists: words separated by spaces, all of which must match. A word
 * with `=` matches a label (`app=reviews`; `version=` any value of that key; `=v2` any key with that
 * value), any other word a part of the name (case-insensitive).
 */
import type { HealthStatus } from "@/lib/health/status";

export interface Filterable {
  name: string;
  labels: Record<string, string>;
  health: { status: HealthStatus };
}

export interface ListFilter {
  text: string;
  /** Only these statuses; all when empty. */
  health: readonly HealthStatus[];
}

function wordMatches(word: string, row: Filterable): boolean {
  const eq = word.indexOf("=");
  if (eq < 0) return row.name.toLowerCase().includes(word);
  const key = word.slice(0, eq);
  const value = word.slice(eq + 1);
  return Object.entries(row.labels).some(([k, v]) => (!key || k.toLowerCase() === key) && (!value || v.toLowerCase() === value));
}

/** A predicate for the filter (lower-cased once, not per row). */
export function rowFilter(f: ListFilter): (row: Filterable) => boolean {
  const words = f.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const statuses = new Set(f.health);
  return (row) => (statuses.size === 0 || statuses.has(row.health.status)) && words.every((w) => wordMatches(w, row));
}

/** Sort order of statuses in lists: worst first. */
export const HEALTH_RANK: Record<HealthStatus, number> = { failure: 0, degraded: 1, "not-ready": 2, healthy: 3, "no-data": 4 };
