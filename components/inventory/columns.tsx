"use client";

import type { AppListItem, ServiceListItem, WorkloadListItem } from "@/lib/inventory/schemas";
import { IstioChips, LabelChips, SidecarCell } from "./chips";
import { RowLink } from "./detail-link";
import { formatRps, HEALTH_RANK } from "./format";
import { HealthBadge } from "./health-badge";
import type { VColumn } from "./virtual-table";

type Common = { namespace: string; name: string; health: { status: keyof typeof HEALTH_RANK; reasons: string[] }; traffic: { inboundRps: number; inboundErrorPercent: number } };

const byText = (a: string, b: string) => a.localeCompare(b);

/** Columns every list shares: health, name (a link), namespace, inbound traffic. */
function commonColumns<T extends Common>(kind: "app" | "workload" | "service"): { health: VColumn<T>; name: VColumn<T>; namespace: VColumn<T>; traffic: VColumn<T> } {
  return {
    health: {
      id: "health",
      header: "Health",
      width: "7.5rem",
      cell: (r) => <HealthBadge status={r.health.status} reasons={r.health.reasons} />,
      compare: (a, b) => HEALTH_RANK[a.health.status] - HEALTH_RANK[b.health.status] || byText(a.name, b.name),
    },
    name: {
      id: "name",
      header: "Name",
      width: "minmax(11rem, 1.6fr)",
      cell: (r) => <RowLink kind={kind} namespace={r.namespace} name={r.name} />,
      compare: (a, b) => byText(a.name, b.name) || byText(a.namespace, b.namespace),
    },
    namespace: { id: "namespace", header: "Namespace", width: "minmax(7rem, 1fr)", cell: (r) => r.namespace, compare: (a, b) => byText(a.namespace, b.namespace) || byText(a.name, b.name) },
    traffic: {
      id: "traffic",
      header: "Inbound rps",
      width: "7.5rem",
      className: "tabular-nums",
      cell: (r) => (
        <span title={`${r.traffic.inboundErrorPercent.toFixed(2)}% server errors`}>
          {formatRps(r.traffic.inboundRps)}
          {r.traffic.inboundErrorPercent >= 0.01 && <span className="ml-1 text-xs text-red-700">{r.traffic.inboundErrorPercent.toFixed(1)}% err</span>}
        </span>
      ),
      compare: (a, b) => a.traffic.inboundRps - b.traffic.inboundRps,
    },
  };
}

const w = commonColumns<WorkloadListItem>("workload");
export const WORKLOAD_COLUMNS: VColumn<WorkloadListItem>[] = [
  w.health,
  w.name,
  w.namespace,
  { id: "app", header: "App / version", width: "minmax(8rem, 1fr)", cell: (r) => (r.app ? `${r.app}${r.version ? ` ${r.version}` : ""}` : "—"), compare: (a, b) => byText(a.app ?? "", b.app ?? "") },
  {
    id: "pods",
    header: "Pods ready",
    width: "6rem",
    className: "tabular-nums",
    cell: (r) => <span className={r.podsReady < r.desiredReplicas ? "text-amber-700" : ""}>{`${r.podsReady}/${r.desiredReplicas}`}</span>,
    compare: (a, b) => a.podsReady / Math.max(1, a.desiredReplicas) - b.podsReady / Math.max(1, b.desiredReplicas),
  },
  { id: "sidecar", header: "Sidecar", width: "6.5rem", cell: (r) => <SidecarCell state={r.sidecar} />, compare: (a, b) => byText(a.sidecar, b.sidecar) },
  w.traffic,
  { id: "istio", header: "Istio config", width: "minmax(9rem, 1.4fr)", cell: (r) => <IstioChips refs={r.istio} /> },
  { id: "labels", header: "Labels", width: "minmax(13rem, 1.6fr)", cell: (r) => <LabelChips labels={r.labels} /> },
];

const a = commonColumns<AppListItem>("app");
export const APP_COLUMNS: VColumn<AppListItem>[] = [
  a.health,
  a.name,
  a.namespace,
  { id: "versions", header: "Versions", width: "minmax(6rem, 1fr)", cell: (r) => r.versions.join(", ") || "—", compare: (x, y) => x.versions.length - y.versions.length },
  { id: "workloads", header: "Workloads", width: "minmax(9rem, 1.4fr)", cell: (r) => <span className="text-xs">{r.workloads.join(", ")}</span> },
  { id: "pods", header: "Pods ready", width: "6rem", className: "tabular-nums", cell: (r) => `${r.podsReady}/${r.desiredReplicas}`, compare: (x, y) => x.podsReady - y.podsReady },
  { id: "sidecar", header: "Sidecar", width: "6.5rem", cell: (r) => <SidecarCell state={r.sidecar} /> },
  a.traffic,
  { id: "istio", header: "Istio config", width: "minmax(9rem, 1.4fr)", cell: (r) => <IstioChips refs={r.istio} /> },
  { id: "labels", header: "Labels", width: "minmax(8rem, 1.2fr)", cell: (r) => <LabelChips labels={r.labels} /> },
];

const s = commonColumns<ServiceListItem>("service");
export const SERVICE_COLUMNS: VColumn<ServiceListItem>[] = [
  s.health,
  s.name,
  s.namespace,
  { id: "type", header: "Type", width: "6.5rem", cell: (r) => r.type, compare: (x, y) => byText(x.type, y.type) },
  { id: "ports", header: "Ports", width: "minmax(7rem, 1fr)", cell: (r) => <span className="text-xs">{r.ports.map((p) => `${p.name ? `${p.name} ` : ""}${p.port}`).join(", ")}</span> },
  {
    id: "workloads",
    header: "Workloads",
    width: "minmax(9rem, 1.3fr)",
    cell: (r) => (r.workloads.length ? <span className="text-xs">{r.workloads.join(", ")}</span> : <span className="text-amber-700">none selected</span>),
    compare: (x, y) => x.workloads.length - y.workloads.length,
  },
  { id: "versions", header: "Versions", width: "6rem", cell: (r) => r.versions.join(", ") || "—" },
  { id: "sidecar", header: "Sidecar", width: "6.5rem", cell: (r) => <SidecarCell state={r.sidecar} /> },
  s.traffic,
  { id: "istio", header: "Istio config", width: "minmax(9rem, 1.4fr)", cell: (r) => <IstioChips refs={r.istio} /> },
];
