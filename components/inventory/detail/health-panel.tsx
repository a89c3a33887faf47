import { formatPercent } from "@/lib/health/requests";
import type { HealthDetail } from "@/lib/inventory/schemas";
import { formatRps } from "../format";
import { HealthBadge } from "../health-badge";
import { Panel } from "./panels";

/** Health with why: reasons, every error ratio against its thresholds, request rates and replicas. */
export function HealthPanel({ health, window }: { health: HealthDetail; window: string }) {
  return (
    <Panel title={`Health (last ${window})`} testId="health-panel">
      <div className="space-y-2">
        <HealthBadge status={health.status} reasons={health.reasons} />
        {health.reasons.length > 0 && (
          <ul className="list-disc pl-5 text-slate-700">
            {health.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
        {health.problems.map((p) => (
          <p key={p} className="text-amber-800">
            {p}
          </p>
        ))}
        {health.replicas && (
          <p className="text-slate-600">
            Replicas: {health.replicas.available} of {health.replicas.desired} available
          </p>
        )}
        {health.totals.length > 0 && (
          <p className="text-slate-600">
            {health.totals.map((t) => `${t.direction} ${t.protocol.toUpperCase()} ${formatRps(t.rps)} rps`).join(" · ")}
          </p>
        )}
        {health.ratios.length > 0 && (
          <table className="w-full text-xs">
            <thead className="text-left text-slate-500">
              <tr>
                <th className="py-1 font-medium">Errors</th>
                <th className="font-medium">Share</th>
                <th className="font-medium">Degraded / failure at</th>
                <th className="font-medium">Rule</th>
              </tr>
            </thead>
            <tbody>
              {health.ratios.map((r) => (
                <tr key={`${r.direction}/${r.protocol}/${r.rule}`} className="border-t border-slate-100">
                  <td className="py-1">{`${r.direction} ${r.protocol.toUpperCase()} ${r.label}`}</td>
                  <td className={r.status === "failure" ? "text-red-700" : r.status === "degraded" ? "text-amber-700" : ""}>{formatPercent(r.percent)}</td>
                  <td>{`${r.thresholds.degraded}% / ${r.thresholds.failure}%`}</td>
                  <td className="text-slate-500">{`${r.rule} (${r.source})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Panel>
  );
}
