"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "@/components/ui/query-state";
import { formatBytesRate, formatMs, formatRatio, formatRps } from "@/lib/graph-view/format";
import { graphSeriesQuery, type SeriesRequest } from "./series-query";
import { SparkChart } from "./spark-chart";

const COLOURS = { in: "#2563eb", out: "#7c3aed", error: "#c9190b", p50: "#16a34a", p95: "#ea580c", p99: "#b91c1c" };

/** Rate, error ratio and latency charts of a node or an edge over the window (Prometheus range queries). */
export function ElementCharts({ request, refetchInterval, tcp }: { request: SeriesRequest; refetchInterval: number | false; tcp?: boolean }) {
  const { data, error, isPending } = useQuery({ ...graphSeriesQuery(request), refetchInterval });
  const s = data?.series ?? {};
  const range = data ? { start: data.start, end: data.end } : { start: 0, end: 1 };
  return (
    <section aria-label="Charts" className="space-y-3">
      <h3 className="text-sm font-semibold text-slate-700">Over the last {request.window}</h3>
      <QueryState isPending={isPending} error={error}>
        {tcp ? (
          <SparkChart
            title="TCP bytes/s"
            range={range}
            format={formatBytesRate}
            lines={[
              { name: "sent", points: s.tcpSent ?? [], colour: COLOURS.in },
              { name: "received", points: s.tcpReceived ?? [], colour: COLOURS.out },
            ]}
          />
        ) : (
          <>
            <SparkChart
              title="Request rate"
              range={range}
              format={formatRps}
              lines={[
                { name: "in", points: s.rateIn ?? [], colour: COLOURS.in },
                ...(s.rateOut ? [{ name: "out", points: s.rateOut, colour: COLOURS.out }] : []),
              ]}
            />
            {s.errorRatioIn && <SparkChart title="Error ratio" range={range} format={formatRatio} lines={[{ name: "errors", points: s.errorRatioIn, colour: COLOURS.error }]} />}
            {s.p95 && (
              <SparkChart
                title="Latency"
                range={range}
                format={formatMs}
                lines={[
                  { name: "p50", points: s.p50 ?? [], colour: COLOURS.p50 },
                  { name: "p95", points: s.p95, colour: COLOURS.p95 },
                  { name: "p99", points: s.p99 ?? [], colour: COLOURS.p99 },
                ]}
              />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
