import type { PodInfo } from "@/lib/inventory/schemas";
import { Panel } from "./panels";

const STATE_STYLE = { running: "bg-emerald-50 text-emerald-800 ring-emerald-200", waiting: "bg-amber-50 text-amber-800 ring-amber-200", terminated: "bg-red-50 text-red-800 ring-red-200", unknown: "bg-slate-50 text-slate-600 ring-slate-200" } as const;

/** Pods with phase, readiness, restarts and each container (the Istio proxy marked apart). */
export function PodsTable({ pods }: { pods: readonly PodInfo[] }) {
  return (
    <Panel title={`Pods (${pods.length})`} testId="pods-panel">
      {pods.length === 0 ? (
        <p className="text-slate-500">No pods.</p>
      ) : (
        <table className="w-full text-sm" aria-label="Pods">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="py-1 font-medium">Name</th>
              <th className="font-medium">Phase</th>
              <th className="font-medium">Ready</th>
              <th className="font-medium">Restarts</th>
              <th className="font-medium">Containers</th>
              <th className="font-medium">IP</th>
            </tr>
          </thead>
          <tbody>
            {pods.map((p) => (
              <tr key={p.name} className="border-t border-slate-100 align-top" data-testid="pod-row" data-key={p.name}>
                <td className="py-1.5 pr-2 font-mono text-xs">{p.name}</td>
                <td>{p.phase}</td>
                <td className={p.ready ? "text-emerald-700" : "text-red-700"}>{p.ready ? "yes" : "no"}</td>
                <td className={`tabular-nums ${p.restarts > 0 ? "text-amber-700" : ""}`}>{p.restarts}</td>
                <td>
                  <span className="flex flex-wrap gap-1">
                    {p.containers.map((c) => (
                      <span
                        key={c.name}
                        title={`${c.image}${c.reason ? ` — ${c.reason}` : ""}${c.restartCount ? ` — ${c.restartCount} restarts` : ""}`}
                        className={`rounded px-1.5 py-0.5 text-xs ring-1 ${STATE_STYLE[c.state]} ${c.proxy ? "italic" : ""}`}
                      >
                        {c.proxy ? "proxy: " : ""}
                        {c.name}
                        {!c.ready && c.state === "running" ? " (not ready)" : c.state !== "running" ? ` (${c.reason ?? c.state})` : ""}
                      </span>
                    ))}
                  </span>
                </td>
                <td className="font-mono text-xs text-slate-600">{p.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
