/**
 * The overview's sparklines: requests per second received by each namespace, from the destinations'
 * own reports, or from their callers' reports where the destinations report nothing (workloads without
 * a sidecar). That is `dest or src` per namespace and point; asked as one PromQL `or`, Prometheus
 * evaluates both sides in full, twice the work for the few namespaces without sidecars. So the
 * destination side is asked first, and the source side only for the namespaces missing some points,
 * then merged here point by point: the same answer as the `or`.
 */
import type { PromSeries } from "@/lib/promql/types";

const NS = "destination_workload_namespace";

/**
 * Beyond this many namespaces lacking destination reports, their callers' reports are better read for
 * every namespace than through a regex naming each (which costs Prometheus one lookup per name).
 */
export const FALLBACK_NAMES_LIMIT = 50;

/**
 * The namespaces (of `namespaces`) whose destination-reported series lacks a point at one of the
 * axis's `points` timestamps, or is absent: the ones the source side is needed for.
 */
export function namespacesMissingPoints(destination: readonly PromSeries[], namespaces: readonly string[], points: number): string[] {
  const complete = new Set<string>();
  for (const s of destination) {
    const ns = s.metric[NS];
    if (ns !== undefined && s.points.length >= points) complete.add(ns);
  }
  return namespaces.filter((ns) => !complete.has(ns));
}

/**
 * `destination or source` per namespace and timestamp: each destination-reported point, and the
 * source-reported point wherever the destination side has none, for the namespaces in `fallback`
 * (other namespaces' series are passed through). Destination-side namespaces come first, in order.
 */
export function mergeInbound(destination: readonly PromSeries[], source: readonly PromSeries[], fallback: readonly string[]): PromSeries[] {
  const wanted = new Set(fallback);
  const merged = new Map<string, Map<number, number>>();
  const out: Array<PromSeries | string> = [];
  const pointsOf = (ns: string) => {
    let points = merged.get(ns);
    if (!points) {
      merged.set(ns, (points = new Map()));
      out.push(ns);
    }
    return points;
  };
  for (const s of destination) {
    const ns = s.metric[NS];
    if (ns === undefined || !wanted.has(ns)) out.push(s);
    else for (const [t, v] of s.points) pointsOf(ns).set(t, v);
  }
  for (const s of source) {
    const ns = s.metric[NS];
    if (ns === undefined || !wanted.has(ns)) continue;
    const points = pointsOf(ns);
    for (const [t, v] of s.points) if (!points.has(t)) points.set(t, v);
  }
  return out.map((x) =>
    typeof x !== "string" ? x : { metric: { [NS]: x }, points: [...(merged.get(x) ?? new Map<number, number>())].sort((a, b) => a[0] - b[0]) },
  );
}
