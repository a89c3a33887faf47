"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { MetricChart } from "@/lib/metrics/charts";
import type { MetricsKind, MetricsSplit } from "@/lib/metrics/detail-queries";
import { queries } from "@/lib/queries";
import { QueryState } from "@/components/ui/query-state";
import { useRefetchInterval, useViewState } from "@/components/layout/use-view-state";
import { TimeChart } from "./time-chart";

const SPLITS: Array<[MetricsSplit, string]> = [
  ["none", "Total"],
  ["peer", "By peer"],
  ["code", "By response code"],
];
const LATENCY_STATS = ["avg", "p50", "p95", "p99"] as const;

function reporterLabel(direction: string, reporter: string | undefined): string {
  if (direction === "inbound") return reporter === "destination" ? "its own proxy" : "its callers' proxies (it has no sidecar)";
  return reporter === "source" ? "its own proxy" : "the proxies it calls (it has no sidecar)";
}

const TCP = new Set(["tcp_sent", "tcp_received"]);

/**
 * The charts worth showing: with a split, latency comes as one chart per statistic (show the chosen
 * one); a family without any data (TCP bytes of an HTTP service, requests of a database) is left out,
 * but request volume always stays so that "no data" is said once.
 */
function visible(charts: readonly MetricChart[], latency: (typeof LATENCY_STATS)[number]): MetricChart[] {
  const has = (ids: (id: string) => boolean) => charts.some((c) => ids(c.id) && c.series.length > 0);
  const tcp = has((id) => TCP.has(id));
  const http = has((id) => !TCP.has(id));
  return charts.filter((c) => {
    if (c.id.startsWith("latency_") && c.id !== `latency_${latency}`) return false;
    if (TCP.has(c.id)) return tcp;
    return http || (c.id === "requests" && !tcp);
  });
}

function Direction({ title, charts, timestamps }: { title: string; charts: MetricChart[]; timestamps: number[] }) {
  const hasData = charts.some((c) => c.series.length > 0);
  return (
    <section aria-label={title} className="space-y-2">
      <h2 className="text-sm font-semibold text-slate-700">{title}</h2>
      {!hasData && <p className="text-sm text-slate-500">No {title.toLowerCase()} in this window.</p>}
      <div className="grid gap-3 md:grid-cols-2 2xl:grid-cols-3">
        {charts.map((c) => (
          <TimeChart key={c.id} chart={c} timestamps={timestamps} />
        ))}
      </div>
    </section>
  );
}

/**
 * Inbound and outbound metrics of one object over the page's window: request volume, success ratio,
 * latency, sizes and TCP bytes, optionally split by peer or response code.
 */
export function MetricsPanel({ kind, namespace, name }: { kind: MetricsKind; namespace: string; name: string }) {
  const [view] = useViewState();
  const refetchInterval = useRefetchInterval();
  const [split, setSplit] = useState<MetricsSplit>("none");
  const [latency, setLatency] = useState<(typeof LATENCY_STATS)[number]>("p95");
  const { data, error, isPending, isFetching } = useQuery({
    ...queries.metrics({ kind, namespace, name, window: view.window, direction: "both", split, reporter: "auto" }),
    refetchInterval,
  });
  return (
    <div className="space-y-4" data-testid="metrics-panel">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <div role="group" aria-label="Split series" className="inline-flex overflow-hidden rounded border border-slate-300">
          {SPLITS.map(([s, label]) => (
            <button
              key={s}
              type="button"
              aria-pressed={split === s}
              onClick={() => setSplit(s)}
              className={`px-3 py-1 ${split === s ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-100"}`}
            >
              {label}
            </button>
          ))}
        </div>
        {split !== "none" && (
          <label className="flex items-center gap-2 text-slate-600">
            Latency
            <select aria-label="Latency statistic" value={latency} onChange={(e) => setLatency(e.target.value as (typeof LATENCY_STATS)[number])} className="rounded border border-slate-300 bg-white px-2 py-1">
              {LATENCY_STATS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="text-xs text-slate-500">
          Last {view.window}
          {data ? `, a point every ${data.step} s, rate over ${data.rateWindow}` : ""}
          {data?.truncated ? "; only the 10 busiest groups are shown" : ""}
          {isFetching ? " · updating…" : ""}
        </span>
      </div>
      <QueryState isPending={isPending} error={error}>
        {data && (
          <>
            {data.inbound && <Direction title="Inbound traffic" charts={visible(data.inbound, latency)} timestamps={data.timestamps} />}
            {data.outbound && <Direction title="Outbound traffic" charts={visible(data.outbound, latency)} timestamps={data.timestamps} />}
            <p className="text-xs text-slate-500">
              Reported by {Object.entries(data.reporters).map(([d, r]) => `${d}: ${reporterLabel(d, r)}`).join(", ")}.
              Success excludes 5xx, gRPC errors and requests that got no response.
            </p>
          </>
        )}
      </QueryState>
    </div>
  );
}
