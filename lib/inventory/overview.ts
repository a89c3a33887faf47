/**
 * The overview: one entry per namespace with its counts, health summaries, mTLS mode and inbound
 * traffic, built from the judged inventory (list-items.ts) and the sparkline range query.
 */
import { z } from "zod";
import { sourceError, type NamespaceSummary } from "@/lib/api/schemas";
import { healthStatus } from "@/lib/health/status";
import { summarizeHealth } from "@/lib/health/summary";
import type { PromSeries } from "@/lib/promql/types";
import { alignPoints } from "@/lib/metrics/window";
import type { Inventory } from "./list-items";
import { namespaceMtls, type NamespaceMtls } from "./mtls";
import { queryStats } from "./schemas";

export const healthSummary = z.object({
  total: z.number(),
  counts: z.record(healthStatus, z.number()),
  worst: healthStatus,
});

export const namespaceOverview = z.object({
  name: z.string(),
  labels: z.record(z.string(), z.string()),
  injection: z.boolean(),
  counts: z.object({ apps: z.number(), workloads: z.number(), services: z.number(), pods: z.number() }),
  health: z.object({ apps: healthSummary, workloads: healthSummary, services: healthSummary }),
  mtls: namespaceMtls,
  /** Requests per second received by the namespace's workloads, over the health window and per point of `timestamps`. */
  inbound: z.object({ rps: z.number(), errorPercent: z.number(), points: z.array(z.number().nullable()) }),
});
export type NamespaceOverview = z.infer<typeof namespaceOverview>;

export const overviewResponse = z.object({
  window: z.string(),
  /** The sparklines' time axis (unix seconds). */
  timestamps: z.array(z.number()),
  namespaces: z.array(namespaceOverview),
  errors: z.array(sourceError).optional(),
  stats: queryStats,
});
export type OverviewResponse = z.infer<typeof overviewResponse>;

/** Groups judged objects by namespace. */
function byNamespace<T extends { item: { namespace: string } }>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const l = out.get(x.item.namespace);
    if (l) l.push(x);
    else out.set(x.item.namespace, [x]);
  }
  return out;
}

/**
 * One overview entry per namespace, in the order given. `series` is the sparkline query's answer
 * (one series per `destination_workload_namespace`), aligned on `timestamps`.
 */
export function buildOverview(
  namespaces: readonly NamespaceSummary[],
  inventory: Inventory,
  mtls: (ns: string) => NamespaceMtls,
  series: readonly PromSeries[],
  axis: { timestamps: readonly number[]; step: number },
): NamespaceOverview[] {
  const apps = byNamespace(inventory.apps);
  const workloads = byNamespace(inventory.workloads);
  const services = byNamespace(inventory.services);
  const points = new Map(series.map((s) => [s.metric.destination_workload_namespace ?? "", alignPoints(s.points, axis.timestamps, axis.step)]));
  const empty = axis.timestamps.map(() => null);
  return namespaces.map((ns) => {
    const a = apps.get(ns.name) ?? [];
    const w = workloads.get(ns.name) ?? [];
    const s = services.get(ns.name) ?? [];
    const inbound = w.reduce((sum, x) => sum + x.item.traffic.inboundRps, 0);
    const errors = w.reduce((sum, x) => sum + (x.item.traffic.inboundRps * x.item.traffic.inboundErrorPercent) / 100, 0);
    return {
      name: ns.name,
      labels: ns.labels,
      injection: ns.injection,
      counts: { apps: a.length, workloads: w.length, services: s.length, pods: w.reduce((n, x) => n + x.item.pods, 0) },
      health: {
        apps: summarizeHealth(a.map((x) => x.item.health.status)),
        workloads: summarizeHealth(w.map((x) => x.item.health.status)),
        services: summarizeHealth(s.map((x) => x.item.health.status)),
      },
      mtls: mtls(ns.name),
      inbound: { rps: inbound, errorPercent: inbound > 0 ? (errors * 100) / inbound : 0, points: points.get(ns.name) ?? empty },
    };
  });
}
