import type { HealthStatus } from "@/lib/health/status";
import type { NamespaceOverview } from "./overview";
import { HEALTH_RANK } from "./filter";

/** Whose health the overview summarizes. */
export type HealthKind = "apps" | "workloads" | "services";
export type OverviewSort = "name" | "health" | "traffic" | "workloads";

/** Filters and sorts namespaces: by name text and worst health (of the chosen kind). */
export function arrangeNamespaces(list: readonly NamespaceOverview[], o: { text: string; health: HealthStatus | ""; kind: HealthKind; sort: OverviewSort }): NamespaceOverview[] {
  const text = o.text.trim().toLowerCase();
  const byName = (a: NamespaceOverview, b: NamespaceOverview) => a.name.localeCompare(b.name);
  const compare: Record<OverviewSort, (a: NamespaceOverview, b: NamespaceOverview) => number> = {
    name: byName,
    health: (a, b) => HEALTH_RANK[a.health[o.kind].worst] - HEALTH_RANK[b.health[o.kind].worst] || byName(a, b),
    traffic: (a, b) => b.inbound.rps - a.inbound.rps || byName(a, b),
    workloads: (a, b) => b.counts.workloads - a.counts.workloads || byName(a, b),
  };
  return list
    .filter((n) => (!text || n.name.includes(text)) && (!o.health || n.health[o.kind].counts[o.health] > 0))
    .sort(compare[o.sort]);
}
