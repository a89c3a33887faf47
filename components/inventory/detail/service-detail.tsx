"use client";

import { useQuery } from "@tanstack/react-query";
import { queries } from "@/lib/queries";
import { QueryState } from "@/components/ui/query-state";
import { useRefetchInterval, useViewState } from "@/components/layout/use-view-state";
import { LogsPanel } from "@/components/logs/logs-panel";
import { MetricsPanel } from "@/components/metrics/metrics-panel";
import { ActionsMenu } from "@/components/wizards/actions-menu";
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

/** A service's page: ports, selector, the workloads and pods behind it, Istio config, callers; traffic; logs. */
export function ServiceDetailView({ namespace, name }: { namespace: string; name: string }) {
  const [view] = useViewState();
  const refetchInterval = useRefetchInterval();
  const live = useLiveUpdates([namespace]);
  const { data, error, isPending } = useQuery({ ...queries.service(namespace, name, view.window), refetchInterval });
  const s = data?.service;
  return (
    <div className="relative">
      {/* The wizards for this service, on the breadcrumb's line (the shell's header has no slot for actions). */}
      <div className="absolute right-0 top-0 z-10">
        <ActionsMenu namespace={namespace} service={name} />
      </div>
      <DetailShell kind="service" namespace={namespace} name={name} health={s?.health} live={live}>
        {(tab) => (
          <QueryState isPending={isPending} error={error}>
            {data && s && (
              <div className="space-y-4">
                <SourceErrors errors={data.errors} />
                {tab === "overview" && (
                  <div className="grid gap-4 xl:grid-cols-2">
                    <HealthPanel health={data.health} window={data.window} />
                    <Panel title="Service">
                      <Properties
                        items={[
                          ["Namespace", s.namespace],
                          ["Type", s.type],
                          ["Cluster IP", s.clusterIP ?? "—"],
                          ["Host", <span key="h" className="font-mono text-xs">{`${s.name}.${s.namespace}.svc.cluster.local`}</span>],
                          [
                            "Ports",
                            <ul key="p" className="space-y-0.5">
                              {s.ports.map((p) => (
                                <li key={`${p.port}/${p.protocol}`} className="font-mono text-xs">
                                  {p.name ?? "(unnamed)"} {p.port}/{p.protocol}
                                  {p.targetPort ? ` → ${p.targetPort}` : ""}
                                </li>
                              ))}
                            </ul>,
                          ],
                          ["Selector", <LabelList key="sel" labels={s.selector} empty="none (endpoints managed by hand)" />],
                          ["Sidecar", <SidecarCell key="sc" state={s.sidecar} />],
                          ["Labels", <LabelList key="l" labels={s.labels} />],
                        ]}
                      />
                    </Panel>
                    <Panel title={`Workloads (${data.workloads.length})`}>
                      {data.workloads.length === 0 ? (
                        <p className="text-amber-700">The selector matches no workload.</p>
                      ) : (
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
                      )}
                    </Panel>
                    <IstioList refs={data.istio} />
                    <div className="xl:col-span-2">
                      <PeersPanel name={s.name} peers={data.peers} window={data.window} />
                    </div>
                    <div className="xl:col-span-2">
                      <PodsTable pods={data.pods} />
                    </div>
                  </div>
                )}
                {tab === "traffic" && <MetricsPanel kind="service" namespace={namespace} name={name} />}
                {tab === "logs" && <LogsPanel pods={data.pods} />}
              </div>
            )}
          </QueryState>
        )}
      </DetailShell>
    </div>
  );
}
