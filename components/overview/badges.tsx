import type { HealthStatus } from "@/lib/health/status";
import type { NamespaceMtls } from "@/lib/inventory/mtls";
import { HEALTH_LABEL } from "@/components/inventory/format";

const MTLS_STYLE = { strict: "bg-emerald-100 text-emerald-800", permissive: "bg-sky-100 text-sky-800", disabled: "bg-red-100 text-red-800" } as const;
const SOURCE = { namespace: "namespace policy", mesh: "mesh-wide policy", default: "Istio's default (no policy)" } as const;

/** The namespace's mTLS mode and where it comes from. */
export function MtlsBadge({ mtls }: { mtls: NamespaceMtls }) {
  const title = `mTLS ${mtls.mode}: ${SOURCE[mtls.source]}${mtls.policy ? ` ${mtls.policy}` : ""}${mtls.workloadPolicies ? `; ${mtls.workloadPolicies} workload polic${mtls.workloadPolicies === 1 ? "y overrides" : "ies override"} it` : ""}`;
  return (
    <span title={title} className={`rounded px-1.5 py-0.5 text-xs font-medium ${MTLS_STYLE[mtls.mode]}`} data-testid="mtls" data-mode={mtls.mode}>
      mTLS {mtls.mode}
      {mtls.source === "default" ? "" : mtls.source === "mesh" ? " (mesh)" : ""}
      {mtls.workloadPolicies ? ` +${mtls.workloadPolicies}` : ""}
    </span>
  );
}

const PILL: Record<HealthStatus, string> = {
  failure: "bg-red-600 text-white",
  degraded: "bg-amber-500 text-white",
  "not-ready": "bg-slate-400 text-white",
  healthy: "bg-emerald-500 text-white",
  "no-data": "bg-white text-slate-600 ring-1 ring-slate-300",
};
const ORDER: HealthStatus[] = ["failure", "degraded", "not-ready", "healthy", "no-data"];

/** How many objects are in each status (statuses with none are left out). */
export function HealthCounts({ counts, what }: { counts: Record<HealthStatus, number>; what: string }) {
  const shown = ORDER.filter((s) => counts[s] > 0);
  if (shown.length === 0) return <span className="text-xs text-slate-400">no {what}</span>;
  return (
    <span className="inline-flex flex-wrap gap-1" aria-label={`${what} health: ${shown.map((s) => `${counts[s]} ${HEALTH_LABEL[s]}`).join(", ")}`}>
      {shown.map((s) => (
        <span key={s} title={`${counts[s]} ${what} ${HEALTH_LABEL[s].toLowerCase()}`} className={`rounded-full px-1.5 text-xs font-medium tabular-nums ${PILL[s]}`} data-testid="health-count" data-health={s}>
          {counts[s]}
        </span>
      ))}
    </span>
  );
}
