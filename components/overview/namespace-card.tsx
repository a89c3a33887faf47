"use client";

import Link from "next/link";
import type { NamespaceOverview } from "@/lib/inventory/overview";
import type { ViewState } from "@/lib/url-state";
import { formatRps, HEALTH_LABEL, listHref } from "@/components/inventory/format";
import { HealthBadge } from "@/components/inventory/health-badge";
import type { NamespaceFindings } from "@/lib/istio-config/schemas";
import { HealthCounts, MtlsBadge } from "./badges";
import { ConfigFindings } from "./config-findings";
import { Sparkline } from "./sparkline";
import type { HealthKind } from "@/lib/inventory/overview-arrange";

const PLURAL = { apps: "apps", workloads: "workloads", services: "services" } as const;
const count = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** One namespace: health of its apps/workloads/services, counts (links to the lists), mTLS, Istio config findings, inbound traffic. */
export function NamespaceCard({ ns, kind, view, window, findings }: { ns: NamespaceOverview; kind: HealthKind; view: ViewState; window: string; findings?: NamespaceFindings }) {
  const summary = ns.health[kind];
  return (
    <li data-testid={`namespace-card-${ns.name}`} className="flex flex-col gap-2 rounded border border-slate-200 bg-white p-3 hover:border-slate-400">
      <div className="flex items-center gap-2">
        <HealthBadge status={summary.worst} reasons={[`worst of ${summary.total} ${PLURAL[kind]}: ${HEALTH_LABEL[summary.worst]}`]} compact />
        <Link href={listHref("workload", [ns.name], view)} className="truncate font-medium text-blue-800 hover:underline" data-testid="namespace-link">
          {ns.name}
        </Link>
        <span className="ml-auto flex shrink-0 gap-1">
          <MtlsBadge mtls={ns.mtls} />
          {!ns.injection && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600" title="No istio-injection label: new pods get no sidecar">no injection</span>}
        </span>
      </div>
      <div className="flex items-center gap-2 text-xs text-slate-500">
        <span className="w-16">{PLURAL[kind]}</span>
        <HealthCounts counts={summary.counts} what={PLURAL[kind]} />
      </div>
      <p className="text-sm text-slate-700">
        <Link className="hover:underline" href={listHref("app", [ns.name], view)}>
          {count(ns.counts.apps, "app")}
        </Link>
        {" · "}
        <Link className="hover:underline" href={listHref("workload", [ns.name], view)}>
          {count(ns.counts.workloads, "workload")}
        </Link>
        {" · "}
        <Link className="hover:underline" href={listHref("service", [ns.name], view)}>
          {count(ns.counts.services, "service")}
        </Link>
        <span className="ml-2">
          <ConfigFindings findings={findings} view={view} />
        </span>
      </p>
      <div className="flex items-end justify-between gap-2">
        <Sparkline points={ns.inbound.points} label={`Inbound requests to ${ns.name}, last ${window}`} />
        <span className="text-right text-xs tabular-nums text-slate-600">
          <span className="block text-sm font-medium text-slate-800">{formatRps(ns.inbound.rps)} rps</span>
          {ns.inbound.errorPercent >= 0.01 ? <span className="text-red-700">{ns.inbound.errorPercent.toFixed(1)}% errors</span> : "inbound"}
        </span>
      </div>
    </li>
  );
}
