/**
 * The benchmark report: each benchmark returns a section of tables (figures), checks (a figure against
 * its target: "ok" or "MISSED", never a failure) and notes. `formatReport` prints it for people and the
 * same object is written as JSON.
 */

export type Cell = string | number | null | undefined;

export interface Table {
  title?: string;
  columns: string[];
  rows: Cell[][];
}

export interface Check {
  /** What is measured, e.g. `layout at 1,000 nodes`. */
  name: string;
  value: number | null;
  unit: string;
  /** `value <= limit` (`max`) or `value >= limit` (`min`). */
  target: { kind: "max" | "min"; limit: number };
  /** `n/a` when the figure could not be measured. */
  status: "ok" | "MISSED" | "n/a";
  note?: string;
}

export interface Section {
  id: string;
  title: string;
  /** What the figures mean and how they were measured. */
  description: string[];
  tables: Table[];
  checks: Check[];
  notes: string[];
  /** Raw figures for the JSON file. */
  data?: unknown;
  /** Set when the benchmark could not run (or stopped early); the figures gathered so far are kept. */
  error?: string;
  durationMs?: number;
}

export function newSection(id: string, title: string, description: string[] = []): Section {
  return { id, title, description, tables: [], checks: [], notes: [] };
}

export function check(name: string, value: number | null | undefined, unit: string, target: Check["target"], note?: string): Check {
  const v = value === undefined || value === null || !Number.isFinite(value) ? null : value;
  const status: Check["status"] = v === null ? "n/a" : (target.kind === "max" ? v <= target.limit : v >= target.limit) ? "ok" : "MISSED";
  return { name, value: v, unit, target, status, ...(note ? { note } : {}) };
}

/** A number with a sensible precision for a report cell. */
export function fmt(v: Cell, digits?: number): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return v;
  if (!Number.isFinite(v)) return Number.isNaN(v) ? "—" : String(v);
  const d = digits ?? (Number.isInteger(v) || Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);
  return v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
}

export const fmtInt = (v: Cell) => fmt(v, 0);
export const fmtRatio = (v: Cell) => (typeof v === "number" && Number.isFinite(v) ? `${fmt(v, 2)}×` : fmt(v));

function formatTable(t: Table): string[] {
  const cells = t.rows.map((r) => r.map((c) => (typeof c === "number" ? fmt(c) : fmt(c))));
  const widths = t.columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  const out: string[] = [];
  if (t.title) out.push(`  ${t.title}`);
  out.push(`    ${line(t.columns)}`);
  out.push(`    ${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const r of cells) out.push(`    ${line(r)}`);
  return out;
}

function formatCheck(c: Check): string {
  const op = c.target.kind === "max" ? "≤" : "≥";
  const value = c.value === null ? "—" : `${fmt(c.value)} ${c.unit}`.trim();
  const mark = c.status === "ok" ? "ok    " : c.status === "MISSED" ? "MISSED" : "n/a   ";
  return `    [${mark}] ${c.name}: ${value} (target ${op} ${fmt(c.target.limit)} ${c.unit})${c.note ? ` — ${c.note}` : ""}`;
}

export function formatSection(s: Section): string {
  const out: string[] = [];
  const took = s.durationMs !== undefined ? ` (${fmt(s.durationMs / 1000, 0)} s)` : "";
  out.push(`== ${s.title}${took} ==`);
  for (const d of s.description) out.push(`  ${d}`);
  if (s.error) out.push(`  ERROR: ${s.error}`);
  for (const t of s.tables) {
    out.push("");
    out.push(...formatTable(t));
  }
  if (s.checks.length > 0) {
    out.push("");
    out.push("  Targets:");
    for (const c of s.checks) out.push(formatCheck(c));
  }
  if (s.notes.length > 0) {
    out.push("");
    out.push("  Notes:");
    for (const n of s.notes) out.push(`    - ${n}`);
  }
  return out.join("\n");
}

export function formatReport(sections: Section[], meta: Record<string, string>): string {
  const head = [`Meshscope benchmarks — ${meta.date ?? new Date().toISOString()}`, ...Object.entries(meta).filter(([k]) => k !== "date").map(([k, v]) => `  ${k}: ${v}`)];
  const summary = sections.flatMap((s) => s.checks.map((c) => ({ s, c })));
  const tail = [
    "== Summary ==",
    ...summary.map(({ s, c }) => `  ${c.status === "ok" ? "ok    " : c.status === "MISSED" ? "MISSED" : "n/a   "}  ${s.id}: ${c.name} = ${c.value === null ? "—" : `${fmt(c.value)} ${c.unit}`.trim()} (target ${c.target.kind === "max" ? "≤" : "≥"} ${fmt(c.target.limit)} ${c.unit})`),
    ...sections.filter((s) => s.error).map((s) => `  ERROR   ${s.id}: ${s.error}`),
  ];
  return [head.join("\n"), ...sections.map(formatSection), tail.join("\n")].join("\n\n");
}
