"use client";

import Link from "next/link";
import type { NamespaceOverview } from "@/lib/inventory/overview";
import type { HealthKind } from "@/lib/inventory/overview-arrange";
import type { ViewState } from "@/lib/url-state";
import { formatRps, listHref } from "@/components/inventory/format";
import { HealthBadge } from "@/components/inventory/health-badge";
import { VirtualTable, type VColumn } from "@/components/inventory/virtual-table";
import type { NamespaceFindings } from "@/lib/istio-config/schemas";
import { HealthCounts, MtlsBadge } from "./badges";
import { ConfigFindings } from "./config-findings";
import { Sparkline } from "./sparkline";

/** The overview as a compact table, for clusters with many namespaces. */
export function NamespaceTable({ namespaces, kind, view, findings }: { namespaces: NamespaceOverview[]; kind: HealthKind; view: ViewState; findings: ReadonlyMap<string, NamespaceFindings> }) {
  const columns: VColumn<NamespaceOverview>[] = [
    { id: "health", header: "Health", width: "5rem", cell: (n) => <HealthBadge status={n.health[kind].worst} compact /> },
    {
      id: "name",
      header: "Namespace",
      width: "minmax(10rem, 1.5fr)",
      cell: (n) => (
        <Link href={listHref("workload", [n.name], view)} className="font-medium text-blue-800 hover:underline" data-testid="namespace-link">
          {n.name}
        </Link>
      ),
    },
    { id: "counts", header: `${kind} by health`, width: "minmax(8rem, 1fr)", cell: (n) => <HealthCounts counts={n.health[kind].counts} what={kind} /> },
    { id: "apps", header: "Apps", width: "4.5rem", className: "tabular-nums", cell: (n) => n.counts.apps },
    { id: "workloads", header: "Workloads", width: "6rem", className: "tabular-nums", cell: (n) => n.counts.workloads },
    { id: "services", header: "Services", width: "5.5rem", className: "tabular-nums", cell: (n) => n.counts.services },
    { id: "mtls", header: "mTLS", width: "9rem", cell: (n) => <MtlsBadge mtls={n.mtls} /> },
    { id: "config", header: "Config", width: "7rem", cell: (n) => <ConfigFindings findings={findings.get(n.name)} view={view} /> },
    { id: "spark", header: "Inbound", width: "8.5rem", cell: (n) => <Sparkline points={n.inbound.points} width={110} height={22} label={`Inbound requests to ${n.name}`} /> },
    { id: "rps", header: "rps", width: "6rem", className: "tabular-nums", cell: (n) => formatRps(n.inbound.rps) },
  ];
  return <VirtualTable label="Namespaces" columns={columns} rows={namespaces} rowKey={(n) => n.name} rowTestId="namespace-row" />;
}
