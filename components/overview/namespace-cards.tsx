"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { HEALTH_STATUSES_BY_SEVERITY, type HealthStatus } from "@/lib/health/status";
import { arrangeNamespaces, type HealthKind, type OverviewSort } from "@/lib/inventory/overview-arrange";
import { istioConfigQueries } from "@/lib/istio-config/queries";
import { queries } from "@/lib/queries";
import { QueryState } from "@/components/ui/query-state";
import { useRefetchInterval, useViewState } from "@/components/layout/use-view-state";
import { HEALTH_LABEL } from "@/components/inventory/format";
import { SourceErrors } from "@/components/inventory/source-errors";
import { liveLabel, useLiveUpdates } from "@/components/inventory/use-live-updates";
import { NamespaceCard } from "./namespace-card";
import { NamespaceTable } from "./namespace-table";

/** Beyond this many namespaces the overview is a compact table (unless cards are asked for). */
export const CARDS_UP_TO = 50;
const selectClass = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";

/**
 * The overview: every namespace (or the selected ones) as a card — or a table row when there are many —
 * with health, counts, mTLS and inbound traffic; filtered by name and health, sorted.
 */
export function NamespaceCards() {
  const [view] = useViewState();
  const refetchInterval = useRefetchInterval();
  const live = useLiveUpdates(view.namespaces);
  const { data, error, isPending } = useQuery({ ...queries.overview(view.namespaces, view.window), refetchInterval });
  // Fetched apart: the overview never waits for validation.
  const validations = useQuery({ ...istioConfigQueries.validations(view.namespaces), refetchInterval });
  const findings = useMemo(() => new Map((validations.data?.namespaces ?? []).map((n) => [n.namespace, n])), [validations.data]);
  const [text, setText] = useState("");
  const [health, setHealth] = useState<HealthStatus | "">("");
  const [kind, setKind] = useState<HealthKind>("apps");
  const [sort, setSort] = useState<OverviewSort>("health");
  const [layout, setLayout] = useState<"auto" | "cards" | "table">("auto");

  const shown = useMemo(() => arrangeNamespaces(data?.namespaces ?? [], { text, health, kind, sort }), [data, text, health, kind, sort]);
  const total = data?.namespaces.length ?? 0;
  const asTable = layout === "table" || (layout === "auto" && total > CARDS_UP_TO);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <input aria-label="Filter namespaces by name" placeholder="Filter by name…" value={text} onChange={(e) => setText(e.target.value)} className="w-56 rounded border border-slate-300 px-2 py-1" />
        <label className="flex items-center gap-2 text-slate-600">
          Health of
          <select aria-label="Health of" className={selectClass} value={kind} onChange={(e) => setKind(e.target.value as HealthKind)}>
            <option value="apps">apps</option>
            <option value="workloads">workloads</option>
            <option value="services">services</option>
          </select>
        </label>
        <label className="flex items-center gap-2 text-slate-600">
          With
          <select aria-label="Namespaces with health" className={selectClass} value={health} onChange={(e) => setHealth(e.target.value as HealthStatus | "")}>
            <option value="">any health</option>
            {[...HEALTH_STATUSES_BY_SEVERITY].reverse().map((s) => (
              <option key={s} value={s}>
                {HEALTH_LABEL[s].toLowerCase()} {kind}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-slate-600">
          Sort by
          <select aria-label="Sort namespaces" className={selectClass} value={sort} onChange={(e) => setSort(e.target.value as OverviewSort)}>
            <option value="health">health (worst first)</option>
            <option value="name">name</option>
            <option value="traffic">inbound traffic</option>
            <option value="workloads">workloads</option>
          </select>
        </label>
        <label className="flex items-center gap-2 text-slate-600">
          Show as
          <select aria-label="Layout" className={selectClass} value={layout} onChange={(e) => setLayout(e.target.value as typeof layout)}>
            <option value="auto">{`auto (table above ${CARDS_UP_TO})`}</option>
            <option value="cards">cards</option>
            <option value="table">table</option>
          </select>
        </label>
        <span className="text-slate-500" data-testid="namespace-count">
          {shown.length === total ? `${total} namespaces` : `${shown.length} of ${total} namespaces`}
        </span>
        <span className="ml-auto text-xs text-slate-500" title={liveLabel(live)}>
          {live === "live" ? "● Live" : "○ Polling"}
        </span>
      </div>
      <SourceErrors errors={data?.errors} />
      <QueryState isPending={isPending} error={error} empty={shown.length === 0} emptyText={total === 0 ? "No namespaces visible." : "No namespaces match."}>
        {asTable ? (
          <NamespaceTable namespaces={shown} kind={kind} view={view} findings={findings} />
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-4">
            {shown.map((ns) => (
              <NamespaceCard key={ns.name} ns={ns} kind={kind} view={view} window={view.window} findings={findings.get(ns.name)} />
            ))}
          </ul>
        )}
      </QueryState>
    </div>
  );
}
