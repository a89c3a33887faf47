"use client";

import { useDeferredValue, useState } from "react";
import type { PodInfo } from "@/lib/inventory/schemas";
import { useRefetchInterval } from "@/components/layout/use-view-state";
import { LogView } from "./log-view";

const TAILS = [50, 200, 1000, 5000] as const;
const selectClass = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";

/**
 * Logs of an object's pods: pick a pod and an application container, how many lines, a text filter,
 * and whether to follow. The Istio proxy's log is shown apart, below the application's.
 */
export function LogsPanel({ pods }: { pods: readonly PodInfo[] }) {
  const refetchInterval = useRefetchInterval();
  const [podName, setPodName] = useState("");
  const [containerName, setContainerName] = useState("");
  const [tail, setTail] = useState<number>(200);
  const [filterText, setFilterText] = useState("");
  const filter = useDeferredValue(filterText);
  const [follow, setFollow] = useState(false);
  const [timestamps, setTimestamps] = useState(false);
  const [showProxy, setShowProxy] = useState(true);

  const pod = pods.find((p) => p.name === podName) ?? pods[0];
  if (!pod) return <p className="text-sm text-slate-500">No pods, so no logs.</p>;
  const appContainers = pod.containers.filter((c) => !c.proxy);
  const container = appContainers.find((c) => c.name === containerName) ?? appContainers[0];
  const proxy = pod.containers.find((c) => c.proxy);
  const common = { namespace: pod.namespace, pod: pod.name, tailLines: tail, filter: filter.trim(), follow, timestamps, refetchInterval: follow ? false : refetchInterval };

  return (
    <div className="space-y-3" data-testid="logs-panel">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2 text-slate-600">
          Pod
          <select aria-label="Pod" className={selectClass} value={pod.name} onChange={(e) => setPodName(e.target.value)}>
            {pods.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-slate-600">
          Container
          <select aria-label="Container" className={selectClass} value={container?.name ?? ""} onChange={(e) => setContainerName(e.target.value)}>
            {appContainers.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-slate-600">
          Lines
          <select aria-label="Tail lines" className={selectClass} value={tail} onChange={(e) => setTail(Number(e.target.value))}>
            {TAILS.map((t) => (
              <option key={t} value={t}>
                last {t}
              </option>
            ))}
          </select>
        </label>
        <input aria-label="Filter log lines" placeholder="Filter lines…" value={filterText} onChange={(e) => setFilterText(e.target.value)} className="w-56 rounded border border-slate-300 px-2 py-1" />
        <label className="flex items-center gap-1.5 text-slate-700">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
          Follow
        </label>
        <label className="flex items-center gap-1.5 text-slate-700">
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} />
          Timestamps
        </label>
        {proxy && (
          <label className="flex items-center gap-1.5 text-slate-700">
            <input type="checkbox" checked={showProxy} onChange={(e) => setShowProxy(e.target.checked)} />
            Proxy log
          </label>
        )}
      </div>
      {container ? (
        <LogView key={`${pod.name}/${container.name}`} title={`Container ${container.name}`} container={container.name} {...common} />
      ) : (
        <p className="text-sm text-slate-500">This pod has only the Istio proxy.</p>
      )}
      {proxy && showProxy && <LogView key={`${pod.name}/${proxy.name}`} title={`Istio proxy (${proxy.name})`} container={proxy.name} {...common} />}
    </div>
  );
}
