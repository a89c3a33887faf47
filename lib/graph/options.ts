import { z } from "zod";
import { namespaceName, namespacesParam } from "@/lib/api/params";

/** How nodes aggregate workloads: per app, per app version, per workload, or per service. */
export const graphType = z.enum(["app", "versionedApp", "workload", "service"]);
export type GraphType = z.infer<typeof graphType>;

/** Which latency statistic an edge's `responseTimeMs` shows. */
export const responseTimeStat = z.enum(["avg", "p50", "p95", "p99"]);
export type ResponseTimeStat = z.infer<typeof responseTimeStat>;

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
const MIN_WINDOW_S = 60;
const MAX_WINDOW_S = 86_400;

/** Seconds in a duration such as `5m`, `1h` or `1d`; undefined when it is not one. */
export function durationSeconds(d: string): number | undefined {
  const m = /^([1-9][0-9]{0,5})([smhd])$/.exec(d);
  if (!m) return undefined;
  return Number(m[1]) * UNIT_SECONDS[m[2] as keyof typeof UNIT_SECONDS];
}

/** A rate window from `1m` to `1d`, written as a PromQL duration (`30m`, `2h`, …). */
export const graphWindow = z.string().superRefine((s, ctx) => {
  const secs = durationSeconds(s);
  if (secs === undefined) ctx.addIssue({ code: "custom", message: "must be a duration such as 1m, 5m, 1h or 1d" });
  else if (secs < MIN_WINDOW_S || secs > MAX_WINDOW_S) ctx.addIssue({ code: "custom", message: "must be between 1m and 1d" });
});

/** The options of one graph, as the service and the builder take them. */
export const graphOptions = z.object({
  namespaces: z.array(namespaceName).min(1).max(1000),
  graphType,
  window: graphWindow,
  /** Put a service node between a caller and the workloads behind the service it called. */
  injectServiceNodes: z.boolean(),
  /** Add workloads (and services) of the selected namespaces that had no traffic in the window. */
  idleNodes: z.boolean(),
  /** Keep edges whose series exist but whose rate over the window is zero. */
  idleEdges: z.boolean(),
  responseTime: responseTimeStat,
  /** Also read request/response bytes per second on HTTP and gRPC edges. */
  throughput: z.boolean(),
  /** Evaluation time (unix seconds); now when absent. */
  time: z.number().positive().optional(),
});
export type GraphOptions = z.infer<typeof graphOptions>;

/** A boolean query parameter: `true|false|1|0`, with a default when absent. */
function boolParam(dflt: boolean) {
  return z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .optional()
    .transform((v) => (v === undefined ? dflt : v === "true" || v === "1"));
}

/**
 * The query string of `GET /api/graph`, parsed into {@link GraphOptions}. Defaults: versionedApp graph,
 * 5m window, service nodes injected, no idle nodes or edges, p95 response time, no throughput.
 */
export const graphQueryParams = z.object({
  namespaces: namespacesParam,
  graphType: graphType.default("versionedApp"),
  window: graphWindow.default("5m"),
  injectServiceNodes: boolParam(true),
  idleNodes: boolParam(false),
  idleEdges: boolParam(false),
  responseTime: responseTimeStat.default("p95"),
  throughput: boolParam(false),
  time: z
    .string()
    .regex(/^[0-9]{1,12}(\.[0-9]{1,6})?$/, "must be unix seconds")
    .transform(Number)
    .optional(),
}) satisfies z.ZodType<GraphOptions, Record<string, string | undefined>>;
