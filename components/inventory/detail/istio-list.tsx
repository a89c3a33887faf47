"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import { editorHref, keyOfKind } from "@/lib/istio-config/kinds";
import { istioConfigQueries } from "@/lib/istio-config/queries";
import type { IstioRef } from "@/lib/inventory/schemas";
import { FindingsBadge } from "@/components/istio-config/findings-badge";
import { useViewQuery } from "@/components/layout/use-view-state";
import { Panel } from "./panels";

const SCOPE: Record<IstioRef["scope"], string> = { host: "names its host", workload: "selects its pods", namespace: "namespace-wide", mesh: "mesh-wide" };

/**
 * The Istio objects that apply, how each one does, and its validation findings (fetched apart from
 * the detail, so the page never waits for them); each links to its editor.
 */
export function IstioList({ refs }: { refs: readonly IstioRef[] }) {
  const viewQuery = useViewQuery();
  const namespaces = useMemo(() => [...new Set(refs.map((r) => r.namespace))].sort(), [refs]);
  const { data, error } = useQuery(istioConfigQueries.list(namespaces));
  const items = useMemo(() => new Map((data?.objects ?? []).map((o) => [`${o.kind}/${o.namespace}/${o.name}`, o])), [data]);
  return (
    <Panel title={`Istio config (${refs.length})`} testId="istio-panel">
      {refs.length === 0 ? (
        <p className="text-slate-500">No Istio objects apply.</p>
      ) : (
        <ul className="space-y-1">
          {refs.map((r) => {
            const id = `${r.kind}/${r.namespace}/${r.name}`;
            const key = keyOfKind(r.kind);
            const item = items.get(id);
            return (
              <li key={id} className="flex flex-wrap items-baseline gap-2" data-testid="istio-ref" data-key={id}>
                <span className="text-xs font-semibold text-violet-800">{r.kind}</span>
                {key ? (
                  <Link href={`${editorHref({ namespace: r.namespace, key, name: r.name })}${viewQuery}`} className="font-mono text-xs text-blue-800 hover:underline">
                    {r.namespace}/{r.name}
                  </Link>
                ) : (
                  <span className="font-mono text-xs">
                    {r.namespace}/{r.name}
                  </span>
                )}
                <span className="text-xs text-slate-500">{SCOPE[r.scope]}</span>
                {item && <FindingsBadge findings={item.findings} />}
              </li>
            );
          })}
        </ul>
      )}
      {error && <p className="mt-2 text-xs text-amber-700">Findings unavailable: {error.message}</p>}
    </Panel>
  );
}
