/**
 * The range queries behind a detail page's metrics: four queries (requests, latency, sizes, TCP), each
 * covering both directions at once (tagged `meshscope_dir`), whatever the split. Every label value is
 * escaped by lib/promql.
 */
import { z } from "zod";
import { namespaceName } from "@/lib/api/params";
import { objectName } from "@/lib/inventory/params";
import { ISTIO_METRICS } from "@/lib/promql/graph-queries";
import { byLabels, checkDuration, labelEquals, selector } from "@/lib/promql/escape";
import type { NamedQuery } from "@/lib/promql/types";
import { DEFAULT_WINDOW } from "@/lib/url-state";
import { timeWindow } from "./window";

export const metricsKind = z.enum(["app", "workload", "service"]);
export type MetricsKind = z.infer<typeof metricsKind>;
export const metricsSplit = z.enum(["none", "peer", "code"]);
export type MetricsSplit = z.infer<typeof metricsSplit>;
export type Direction = "inbound" | "outbound";
export type Reporter = "source" | "destination";

/** `GET /api/metrics` parameters. */
export const metricsQueryParams = z.object({
  kind: metricsKind,
  namespace: namespaceName,
  name: objectName,
  window: timeWindow.default(DEFAULT_WINDOW),
  direction: z.enum(["inbound", "outbound", "both"]).default("both"),
  split: metricsSplit.default("none"),
  /** Whose reports to read; `auto`: the object's own proxy when it has a sidecar, else its peers'. */
  reporter: z.enum(["auto", "source", "destination"]).default("auto"),
});
export type MetricsQueryParams = z.infer<typeof metricsQueryParams>;

/** The label tagging each part's direction, and the one tagging a part within a family. */
export const DIR_LABEL = "meshscope_dir";
export const PART_LABEL = "meshscope_part";

/** What one direction's part of the queries selects. */
export interface DirectionSpec {
  direction: Direction;
  reporter: Reporter;
}

export interface DetailQueryOptions {
  kind: MetricsKind;
  namespace: string;
  name: string;
  directions: readonly DirectionSpec[];
  split: MetricsSplit;
  /** `rate()` window, e.g. `60s`. */
  rateWindow: string;
}

/** The matchers naming the object on one side of its traffic. */
export function objectMatchers(kind: MetricsKind, direction: Direction, ns: string, name: string): string[] {
  const side = direction === "inbound" ? "destination" : "source";
  if (kind === "service") return [labelEquals("destination_service_namespace", ns), labelEquals("destination_service_name", name)];
  return [labelEquals(`${side}_workload_namespace`, ns), labelEquals(kind === "app" ? `${side}_app` : `${side}_workload`, name)];
}

/** Labels identifying the peer on the other side. */
export function peerLabels(direction: Direction): string[] {
  return direction === "inbound" ? ["source_workload_namespace", "source_workload"] : ["destination_service_namespace", "destination_service_name"];
}

function splitLabels(split: MetricsSplit, direction: Direction, http: boolean): string[] {
  if (split === "peer") return peerLabels(direction);
  if (split === "code" && http) return ["response_code"];
  return [];
}

const tag = (expr: string, label: string, value: string) => `label_replace(${expr}, "${label}", "${value}", "", "")`;

function part(o: DetailQueryOptions, d: DirectionSpec, metric: string, by: string[], http: boolean): string {
  const sel = selector(metric, [labelEquals("reporter", d.reporter), ...objectMatchers(o.kind, d.direction, o.namespace, o.name)]);
  return `sum ${byLabels([...new Set([...splitLabels(o.split, d.direction, http), ...by])])} (rate(${sel}[${o.rateWindow}]))`;
}

function perDirection(o: DetailQueryOptions, build: (d: DirectionSpec) => string): string {
  return o.directions.map((d) => tag(build(d), DIR_LABEL, d.direction)).join(" or ");
}

/** The four range queries of a detail page's metrics. */
export function detailQueries(o: DetailQueryOptions): Array<NamedQuery<"requests" | "latency" | "sizes" | "tcp">> {
  checkDuration(o.rateWindow);
  if (o.directions.length === 0) return [];
  const m = ISTIO_METRICS;
  const ratio = (d: DirectionSpec, sum: string, count: string) => `(${part(o, d, sum, [], true)} / ${part(o, d, count, [], true)})`;
  return [
    { name: "requests", query: perDirection(o, (d) => part(o, d, m.requests, ["response_code", "grpc_response_status", "request_protocol"], true)) },
    {
      name: "latency",
      query: perDirection(o, (d) => `${tag(part(o, d, m.durationBucket, ["le"], true), PART_LABEL, "bucket")} or ${tag(part(o, d, m.durationSum, [], true), PART_LABEL, "sum")}`),
    },
    {
      name: "sizes",
      query: perDirection(
        o,
        (d) =>
          `${tag(ratio(d, m.requestBytesSum, "istio_request_bytes_count"), PART_LABEL, "request")} or ${tag(ratio(d, m.responseBytesSum, "istio_response_bytes_count"), PART_LABEL, "response")}`,
      ),
    },
    {
      name: "tcp",
      query: perDirection(o, (d) => `${tag(part(o, d, m.tcpSent, [], false), PART_LABEL, "sent")} or ${tag(part(o, d, m.tcpReceived, [], false), PART_LABEL, "received")}`),
    },
  ];
}
