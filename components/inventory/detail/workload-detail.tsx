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
import { SourceErrors } from "../source-errors";
import { useLiveUpdates } from "../use-live-updates";
import { DetailShell } from "./detail-shell";
import { HealthPanel } from "./health-panel";
import { IstioList } from "./istio-list";
import { LabelList, Panel, Properties } from "./panels";
import { PeersPanel } from "./peers-panel";
import { PodsTable } from "./pods-table";

/** A workload's page: overview (health, properties, pods, services, Istio config, peers), traffic, logs. */
export function WorkloadDetailView({ namespace, name }: { namespace: string; name: string }) {
  const [view] = useViewState();
  const refetchInterval = useRefetchInterval();
  const live = useLiveUpdates([namespace]);
  const { data, error, isPending } = useQuery({ ...queries.workload(namespace, name, view.window), refetchInterval });
  const w = data?.workload;
  return (
    <div className="relative">
      {/* The wizards for this workload, on the breadcrumb's line (the shell's header has no slot for actions). */}
      <div className="absolute right-0 top-0 z-10">
        <ActionsMenu namespace={namespace} workload={name} />
      </div>
      <DetailShell kind="workload" namespace={namespace} name={name} health={w?.health} live={live}>
        {(tab) => (
          <QueryState isPending={isPending} error={error}>
            {data && w && (
              <div className="space-y-4">
                <SourceErrors errors={data.errors} />
                {tab === "overview" && (
                  <div className="grid gap-4 xl:grid-cols-2">
                    <HealthPanel health={data.health} window={data.window} />
                    <Panel title="Workload">
                      <Properties
                        items={[
                          ["Namespace", w.namespace],
                          ["Kind", w.kind],
                          ["App", w.app ? <DetailLink kind="app" namespace={w.namespace} name={w.app} /> : "—"],
                          ["Version", w.version ?? "—"],
                          ["Replicas", `${w.availableReplicas} available, ${w.readyReplicas} ready of ${w.desiredReplicas} desired`],
                          ["Pods ready", `${w.podsReady} of ${w.pods}`],
                          ["Sidecar", <SidecarCell key="s" state={w.sidecar} />],
                          ["Service account", w.serviceAccount ?? "default"],
                          ["Services", w.services.length ? <span className="flex gap-2">{w.services.map((s) => <DetailLink key={s} kind="service" namespace={w.namespace} name={s} />)}</span> : "none select it"],
                          ["Created", w.created ? new Date(w.created).toLocaleString() : "—"],
                          ["Labels", <LabelList key="l" labels={w.labels} />],
                          ["Selector", <LabelList key="sel" labels={data.selector} />],
                        ]}
                      />
                    </Panel>
                    <div className="xl:col-span-2">
                      <PeersPanel name={w.name} peers={data.peers} window={data.window} />
                    </div>
                    <div className="xl:col-span-2">
                      <PodsTable pods={data.pods} />
                    </div>
                    <IstioList refs={data.istio} />
                    <Panel title="Annotations">
                      <LabelList labels={data.annotations} />
                    </Panel>
                  </div>
                )}
                {tab === "traffic" && <MetricsPanel kind="workload" namespace={namespace} name={name} />}
                {tab === "logs" && <LogsPanel pods={data.pods} />}
              </div>
            )}
          </QueryState>
        )}
      </DetailShell>
    </div>
  );
}
