"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { HealthStatus } from "@/lib/health/status";
import { useViewState } from "@/components/layout/use-view-state";
import { listHref, type InventoryKind } from "../format";
import { HealthBadge } from "../health-badge";
import { liveLabel, type LiveState } from "../use-live-updates";
import { useTab } from "./use-tab";

export const DETAIL_TABS = ["overview", "traffic", "logs"] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];
const TAB_LABEL: Record<DetailTab, string> = { overview: "Overview", traffic: "Traffic", logs: "Logs" };
const KIND_LABEL: Record<InventoryKind, [string, string]> = { app: ["Application", "Applications"], workload: ["Workload", "Workloads"], service: ["Service", "Services"] };

/** A detail page's frame: breadcrumb, name, health, live state, and tabs (in the URL). */
export function DetailShell({
  kind,
  namespace,
  name,
  health,
  live,
  tabs = DETAIL_TABS,
  children,
}: {
  kind: InventoryKind;
  namespace: string;
  name: string;
  health?: { status: HealthStatus; reasons: string[] };
  live: LiveState;
  tabs?: readonly DetailTab[];
  children: (tab: DetailTab) => ReactNode;
}) {
  const [view] = useViewState();
  const [tab, setTab] = useTab(tabs, "overview");
  const [one, many] = KIND_LABEL[kind];
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link className="text-blue-700 hover:underline" href={listHref(kind, view.namespaces.length ? view.namespaces : [namespace], view)}>
          {many}
        </Link>
        <span className="mx-1">/</span>
        <Link className="text-blue-700 hover:underline" href={listHref(kind, [namespace], view)}>
          {namespace}
        </Link>
        <span className="mx-1">/</span>
        <span>{name}</span>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700">{one}</span>
        <h1 className="text-2xl font-semibold">{name}</h1>
        {health && <HealthBadge status={health.status} reasons={health.reasons} />}
        <span className="ml-auto text-xs text-slate-500" title={liveLabel(live)}>
          {live === "live" ? "● Live" : live === "connecting" ? "○ Connecting…" : "○ Polling"}
        </span>
      </div>
      <div role="tablist" aria-label={`${one} views`} className="flex gap-1 border-b border-slate-200">
        {tabs.map((t) => (
          <button
            key={t}
            role="tab"
            type="button"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
            className={`-mb-px border-b-2 px-4 py-2 text-sm ${tab === t ? "border-blue-600 font-medium text-blue-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {TAB_LABEL[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={TAB_LABEL[tab]}>
        {children(tab)}
      </div>
    </div>
  );
}
