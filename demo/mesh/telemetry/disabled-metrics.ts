/**
 * Per-namespace switches for Istio's standard metrics, standing in for the Telemetry API's
 * `metrics[].overrides[].disabled` (https://istio.io/latest/docs/reference/config/telemetry/#MetricSelector-IstioMetric),
 * which operators use to drop costly metrics, typically the size histograms. The demo API serves no
 * `telemetry.istio.io` kinds, so a namespace carries the switch as an annotation listing the metrics
 * its proxies do not report: `sim.meshscope.dev/disabled-metrics: "REQUEST_SIZE,RESPONSE_SIZE"`.
 *
 * Scale mode sets it on its namespaces: without the two size histograms a scaled namespace has a
 * third of the series (the console reads only their `_sum`/`_count`, for throughput), which keeps a
 * 300-namespace demo within what a small machine's Prometheus ingests every scrape.
 */
import type { KubeObject } from "../../contracts";

/** Annotation on a Namespace: comma-separated {@link IstioMetricName}s its proxies do not report. */
export const DISABLED_METRICS_ANNOTATION = "sim.meshscope.dev/disabled-metrics";

/** The Telemetry API's names of the standard metrics the simulator emits. */
export const ISTIO_METRIC_NAMES = [
  "REQUEST_COUNT",
  "REQUEST_DURATION",
  "REQUEST_SIZE",
  "RESPONSE_SIZE",
  "TCP_OPENED_CONNECTIONS",
  "TCP_CLOSED_CONNECTIONS",
  "TCP_SENT_BYTES",
  "TCP_RECEIVED_BYTES",
] as const;

export type IstioMetricName = (typeof ISTIO_METRIC_NAMES)[number];

const KNOWN = new Set<string>(ISTIO_METRIC_NAMES);

/** The metrics each namespace disables (namespaces that disable none are absent); unknown names are ignored. */
export function disabledMetricsByNamespace(namespaces: readonly KubeObject[]): Map<string, ReadonlySet<IstioMetricName>> {
  const out = new Map<string, ReadonlySet<IstioMetricName>>();
  for (const ns of namespaces) {
    const raw = ns.metadata.annotations?.[DISABLED_METRICS_ANNOTATION];
    if (!raw) continue;
    const names = raw
      .split(",")
      .map((s) => s.trim())
      .filter((s): s is IstioMetricName => KNOWN.has(s));
    if (names.length > 0) out.set(ns.metadata.name, new Set(names));
  }
  return out;
}

/** The annotation that disables `names` in a namespace, for seeded objects. */
export function disabledMetricsAnnotation(names: readonly IstioMetricName[]): Record<string, string> {
  return { [DISABLED_METRICS_ANNOTATION]: names.join(",") };
}
