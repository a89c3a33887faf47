"use client";

import { useQuery } from "@tanstack/react-query";
import { queries } from "@/lib/queries";
import { QueryState } from "@/components/ui/query-state";
import { useRefetchInterval, useViewState } from "@/components/layout/use-view-state";
import { LogsPanel } from "@/components/logs/logs-panel";
import { MetricsPanel } from "@/components/metrics/metrics-panel";
import { SidecarCell } from "../chips";
import { DetailLink } from "../detail-link";
import { HealthBadge } from "../health-badge";
import { SourceErrors } from "../source-errors";
import { useLiveUpdates } from "../use-live-updates";
import { DetailShell } from "./detail-shell";
import { HealthPanel } from "./health-panel";
import { IstioList } from "./istio-list";
import { LabelList, Panel, Properties } from "./panels";
import { PeersPanel } from "./peers-panel";
import { PodsTable } from "./pods-table";

/** An application's page: its workloads (versions), services, pods, Istio config, peers; traffic; logs. */
export function AppDetailView({ namespace, name }: { namespace: string; name: string }) {
  const [view] = useViewState();
  const refetchInterval = useRefetchInterval();
  const live = useLiveUpdates([namespace]);
  const { data, error, isPending } = useQuery({ ...queries.app(namespace, name, view.window), refetchInterval });
  const a = data?.app;
  return (
    <DetailShell kind="app" namespace={namespace} name={name} health={a?.health} live={live}>
      {(tab) => (
        <QueryState isPending={isPending} error={error}>
          {data && a && (
            <div className="space-y-4">
              <SourceErrors errors={data.errors} />
              {tab === "overview" && (
                <div className="grid gap-4 xl:grid-cols-2">
                  <HealthPanel health={data.health} window={data.window} />
                  <Panel title="Application">
                    <Properties
                      items={[
                        ["Namespace", a.namespace],
                        ["Versions", a.versions.join(", ") || "—"],
                        ["Replicas", `${a.availableReplicas} available of ${a.desiredReplicas}`],
                        ["Pods ready", `${a.podsReady} of ${a.pods}`],
                        ["Sidecar", <SidecarCell key="s" state={a.sidecar} />],
                        ["Services", a.services.length ? <span className="flex gap-2">{a.services.map((s) => <DetailLink key={s} kind="service" namespace={a.namespace} name={s} />)}</span> : "none"],
                        ["Common labels", <LabelList key="l" labels={a.labels} />],
                      ]}
                    />
                  </Panel>
                  <Panel title={`Workloads (${data.workloads.length})`}>
                    <ul className="space-y-1">
                      {data.workloads.map((w) => (
                        <li key={w.name} className="flex items-center gap-3">
                          <HealthBadge status={w.health.status} reasons={w.health.reasons} compact />
                          <DetailLink kind="workload" namespace={w.namespace} name={w.name} />
                          <span className="text-xs text-slate-500">
                            {w.version ?? ""} · {w.podsReady}/{w.desiredReplicas} ready
                          </span>
                        </li>
                      ))}
                    </ul>
                  </Panel>
                  <IstioList refs={data.istio} />
                  <div className="xl:col-span-2">
                    <PeersPanel name={a.name} peers={data.peers} window={data.window} />
                  </div>
                  <div className="xl:col-span-2">
                    <PodsTable pods={data.pods} />
                  </div>
                </div>
              )}
              {tab === "traffic" && <MetricsPanel kind="app" namespace={namespace} name={name} />}
              {tab === "logs" && <LogsPanel pods={data.pods} />}
            </div>
          )}
        </QueryState>
      )}
    </DetailShell>
  );
}
