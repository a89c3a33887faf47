import type { HealthStatus } from "@/lib/health/status";
import { HEALTH_LABEL } from "./format";

const STYLE: Record<HealthStatus, { dot: string; text: string }> = {
  healthy: { dot: "bg-emerald-500", text: "text-emerald-800" },
  degraded: { dot: "bg-amber-500", text: "text-amber-800" },
  failure: { dot: "bg-red-600", text: "text-red-800" },
  "not-ready": { dot: "bg-slate-400", text: "text-slate-600" },
  "no-data": { dot: "border border-slate-400 bg-white", text: "text-slate-500" },
};

/** A health status as a dot and a word; the reasons show on hover (and to screen readers). */
export function HealthBadge({ status, reasons = [], compact = false }: { status: HealthStatus; reasons?: readonly string[]; compact?: boolean }) {
  const s = STYLE[status];
  const title = reasons.length ? `${HEALTH_LABEL[status]}: ${reasons.join("; ")}` : HEALTH_LABEL[status];
  return (
    <span className={`inline-flex items-center gap-1.5 ${s.text}`} title={title} data-health={status}>
      <span aria-hidden className={`inline-block h-2.5 w-2.5 shrink-0 rounded-full ${s.dot}`} />
      {compact ? <span className="sr-only">{title}</span> : <span className="text-xs font-medium">{HEALTH_LABEL[status]}</span>}
    </span>
  );
}
