import type { IstioRef } from "@/lib/inventory/schemas";
import { Panel } from "./panels";

const SCOPE: Record<IstioRef["scope"], string> = { host: "names its host", workload: "selects its pods", namespace: "namespace-wide", mesh: "mesh-wide" };

/** The Istio objects that apply, and how each one does. */
export function IstioList({ refs }: { refs: readonly IstioRef[] }) {
  return (
    <Panel title={`Istio config (${refs.length})`} testId="istio-panel">
      {refs.length === 0 ? (
        <p className="text-slate-500">No Istio objects apply.</p>
      ) : (
        <ul className="space-y-1">
          {refs.map((r) => (
            <li key={`${r.kind}/${r.namespace}/${r.name}`} className="flex flex-wrap items-baseline gap-2">
              <span className="text-xs font-semibold text-violet-800">{r.kind}</span>
              <span className="font-mono text-xs">
                {r.namespace}/{r.name}
              </span>
              <span className="text-xs text-slate-500">{SCOPE[r.scope]}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
