import type { HealthStatus } from "@/lib/health/status";
import { withViewState, type ViewState } from "@/lib/url-state";

/** Where each kind's list and detail pages live. */
export const KIND_PATH = { app: "/applications", workload: "/workloads", service: "/services" } as const;
export type InventoryKind = keyof typeof KIND_PATH;

/** A detail page's URL, keeping the shared view state (namespaces, window, refresh). */
export function detailHref(kind: InventoryKind, ns: string, name: string, view: ViewState, extra?: Record<string, string>): string {
  const q = withViewState(new URLSearchParams(extra), view).toString();
  return `${KIND_PATH[kind]}/${encodeURIComponent(ns)}/${encodeURIComponent(name)}${q ? `?${q}` : ""}`;
}

/** A list page's URL for some namespaces. */
export function listHref(kind: InventoryKind, namespaces: string[], view: ViewState): string {
  return `${KIND_PATH[kind]}?${withViewState(new URLSearchParams(), { ...view, namespaces })}`;
}

/** Requests per second for people: `0`, `0.05`, `1.2`, `35`. */
export function formatRps(rps: number): string {
  if (rps <= 0) return "0";
  if (rps < 0.01) return "<0.01";
  if (rps < 10) return rps.toFixed(2).replace(/\.?0+$/, "");
  return Math.round(rps).toLocaleString("en-US");
}

export const HEALTH_LABEL: Record<HealthStatus, string> = {
  healthy: "Healthy",
  degraded: "Degraded",
  failure: "Failure",
  "not-ready": "Not ready",
  "no-data": "No traffic",
};

export { HEALTH_RANK } from "@/lib/inventory/filter";
