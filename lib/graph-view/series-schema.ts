/**
 * `GET /api/graph/series`: request and response of the side panel's charts. The request names a
 * node (`node=<graph id>`) or an edge (`source=<id>&target=<id>&protocol=http`) and the graph window.
 */
import { z } from "zod";
import { graphWindow } from "@/lib/graph/options";
import { protocol } from "@/lib/graph/schema";
import { parseNodeId, type SeriesTarget } from "./series-queries";

const nodeIdParam = (what: string) =>
  z
    .string()
    .max(600)
    .transform((s, ctx) => {
      const n = parseNodeId(s);
      if (!n) ctx.addIssue({ code: "custom", message: `${what} is not a graph node id (app:<ns>:<app>[:<version>], workload:<ns>:<name>, service:<ns>:<name>, serviceEntry:<ns>:<host>, external:<host>, unknown)` });
      return n ?? { type: "unknown" as const };
    });

/** Query parameters, parsed into the chart target, the window and the end time. */
export const seriesParams = z
  .object({
    node: nodeIdParam("node").optional(),
    source: nodeIdParam("source").optional(),
    target: nodeIdParam("target").optional(),
    protocol: protocol.optional(),
    window: graphWindow.default("5m"),
    time: z
      .string()
      .regex(/^[0-9]{1,12}(\.[0-9]{1,6})?$/, "must be unix seconds")
      .transform(Number)
      .optional(),
  })
  .transform((p, ctx) => {
    let target: SeriesTarget | undefined;
    if (p.node && !p.source && !p.target) target = { kind: "node", node: p.node };
    else if (!p.node && p.source && p.target) {
      if (p.source.type === "serviceEntry" || p.source.type === "external") ctx.addIssue({ code: "custom", path: ["source"], message: "a host node sends no traffic" });
      if (p.target.type === "unknown") ctx.addIssue({ code: "custom", path: ["target"], message: "the unknown node receives no traffic" });
      target = { kind: "edge", source: p.source, target: p.target, protocol: p.protocol ?? "http" };
    } else ctx.addIssue({ code: "custom", path: ["node"], message: "give either node, or source and target" });
    return { target: target!, window: p.window, time: p.time };
  });

/** `[unix seconds, value]`; null where Prometheus has NaN (e.g. a percentile without requests). */
export const seriesPoints = z.array(z.tuple([z.number(), z.number().nullable()]));
export type SeriesPoints = z.infer<typeof seriesPoints>;

export const graphSeriesResponse = z.object({
  start: z.number(),
  end: z.number(),
  step: z.number(),
  /** The rate window of each point, e.g. `60s`. */
  rateWindow: z.string(),
  /** Series by name: `rateIn`, `rateOut`, `errorsIn`, `errorRatioIn` (0–1), `p50`/`p95`/`p99` (ms), `tcpSent`, `tcpReceived`. */
  series: z.record(z.string(), seriesPoints),
  queries: z.array(z.object({ name: z.string(), query: z.string(), ms: z.number() })),
});
export type GraphSeriesResponse = z.infer<typeof graphSeriesResponse>;

/** errors / rate at each time the rate is positive (0–1). */
export function ratioSeries(errors: SeriesPoints | undefined, rate: SeriesPoints | undefined): SeriesPoints {
  if (!rate) return [];
  const byTime = new Map((errors ?? []).map(([t, v]) => [t, v]));
  return rate.map(([t, r]) => [t, r !== null && r > 0 ? (byTime.get(t) ?? 0) / r : null]);
}
