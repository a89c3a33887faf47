/**
 * The Istio config list's own view state, kept in the URL next to the shared one so that a filtered
 * list can be shared: `?kinds=virtualservices,gateways&severity=error,warning&q=reviews&sort=findings&desc=1`.
 */
import type { Finding, Severity } from "@/lib/validation";
import { ISTIO_KEYS, type IstioKey } from "./kinds";
import type { IstioConfigItem } from "./schemas";

/** A row's worst finding, or `none`. */
export type FindingLevel = Severity | "none";
export const FINDING_LEVELS: readonly FindingLevel[] = ["error", "warning", "info", "none"];

export const SORT_COLUMNS = ["kind", "name", "namespace", "findings"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface ListViewState {
  /** Only these kinds; all when empty. */
  kinds: IstioKey[];
  /** Only rows whose worst finding is one of these; all when empty. */
  levels: FindingLevel[];
  /** Part of the name (case-insensitive). */
  text: string;
  sort: SortColumn;
  descending: boolean;
}

export const DEFAULT_LIST_VIEW: ListViewState = { kinds: [], levels: [], text: "", sort: "findings", descending: false };

const listOf = <T extends string>(raw: string | null, allowed: readonly T[]): T[] => {
  const words = (raw ?? "").split(",").map((s) => s.trim());
  return allowed.filter((a) => words.includes(a));
};

/** Reads the list state from search params; unknown values are ignored. */
export function parseListView(params: Pick<URLSearchParams, "get">): ListViewState {
  const sort = params.get("sort");
  return {
    kinds: listOf(params.get("kinds"), ISTIO_KEYS),
    levels: listOf(params.get("severity"), FINDING_LEVELS),
    text: (params.get("q") ?? "").slice(0, 200),
    sort: (SORT_COLUMNS as readonly string[]).includes(sort ?? "") ? (sort as SortColumn) : DEFAULT_LIST_VIEW.sort,
    descending: params.get("desc") === "1",
  };
}

/** Writes a change into a copy of `params`, keeping every other parameter; defaults are left out. */
export function withListView(params: URLSearchParams, change: Partial<ListViewState>): URLSearchParams {
  const next = new URLSearchParams(params);
  const put = (name: string, value: string) => (value ? next.set(name, value) : next.delete(name));
  if (change.kinds !== undefined) put("kinds", change.kinds.join(","));
  if (change.levels !== undefined) put("severity", change.levels.join(","));
  if (change.text !== undefined) put("q", change.text);
  if (change.sort !== undefined) put("sort", change.sort === DEFAULT_LIST_VIEW.sort ? "" : change.sort);
  if (change.descending !== undefined) put("desc", change.descending ? "1" : "");
  return next;
}

const RANK: Record<FindingLevel, number> = { error: 0, warning: 1, info: 2, none: 3 };

/** The worst severity of some findings. */
export function worstLevel(findings: readonly Finding[]): FindingLevel {
  let worst: FindingLevel = "none";
  for (const f of findings) if (RANK[f.severity] < RANK[worst]) worst = f.severity;
  return worst;
}

/** Findings counted by severity. */
export function countLevels(findings: readonly Finding[]): Record<Severity, number> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/** Worst first, then by how many findings of that severity. */
export function compareFindingsOf(a: readonly Finding[], b: readonly Finding[]): number {
  const wa = worstLevel(a);
  const wb = worstLevel(b);
  if (wa !== wb) return RANK[wa] - RANK[wb];
  const ca = wa === "none" ? 0 : countLevels(a)[wa];
  const cb = wb === "none" ? 0 : countLevels(b)[wb];
  return cb - ca;
}

const COMPARE: Record<SortColumn, (a: IstioConfigItem, b: IstioConfigItem) => number> = {
  kind: (a, b) => a.kind.localeCompare(b.kind),
  name: (a, b) => a.name.localeCompare(b.name),
  namespace: (a, b) => a.namespace.localeCompare(b.namespace),
  findings: (a, b) => compareFindingsOf(a.findings, b.findings),
};

/** The rows the state shows, in its order (ties broken by kind, namespace, name). */
export function arrangeItems(items: readonly IstioConfigItem[], state: ListViewState): IstioConfigItem[] {
  const kinds = new Set(state.kinds);
  const levels = new Set(state.levels);
  const text = state.text.trim().toLowerCase();
  const dir = state.descending ? -1 : 1;
  const primary = COMPARE[state.sort];
  return items
    .filter((i) => (kinds.size === 0 || kinds.has(i.key)) && (levels.size === 0 || levels.has(worstLevel(i.findings))) && (!text || i.name.toLowerCase().includes(text)))
    .sort((a, b) => dir * primary(a, b) || COMPARE.kind(a, b) || COMPARE.namespace(a, b) || COMPARE.name(a, b));
}
