/**
 * The one instant query behind every health and traffic figure of the inventory (lists, overview,
 * detail pages): Istio's request counts over the health window, grouped by both ends of each call, its
 * reporter, protocol and outcome. Its size depends on the traffic, never on how many namespaces are
 * selected: every selector matches them all with one regex matcher.
 */
import { ISTIO_METRICS } from "@/lib/promql/graph-queries";
import { byLabels, checkDuration, checkLabelName, escapeRegex, labelEquals, labelMatchesAny, quote, selector } from "@/lib/promql/escape";

/** The labels the health query groups by; the reshaping in `tallies.ts` reads exactly these. */
export const TALLY_LABELS = [
  "reporter",
  "source_workload_namespace",
  "source_workload",
  "source_app",
  "destination_workload_namespace",
  "destination_workload",
  "destination_app",
  "destination_service_namespace",
  "destination_service_name",
  "request_protocol",
  "response_code",
  "grpc_response_status",
] as const;

/**
 * `sum by (TALLY_LABELS) (increase(istio_requests_total[window]))` over three disjoint selectors, so
 * that Prometheus reads each series once:
 *  1. `reporter="destination"` for services of the selection: what they received, as their proxies saw it;
 *  2. `reporter="source"` from workloads of the selection: what they sent (outbound health, peers);
 *  3. `reporter="source"` to services of the selection from callers outside it: what callers saw, used
 *     for inbound health of objects without a sidecar (no destination reports) — see `tallies.ts`.
 *     (Callers inside the selection are already in 2.)
 */
export function healthTallyQuery(namespaces: readonly string[], window: string, opts: ScopeOptions = {}): string {
  checkDuration(window);
  const m = ISTIO_METRICS.requests;
  if (opts.everyNamespace) {
    // Both reporters, nothing else: the same series as the three selectors below, read without the
    // namespace regexes, which make Prometheus merge one postings list per namespace.
    const parts = [selector(m, [labelEquals("reporter", "destination")]), selector(m, [labelEquals("reporter", "source")])];
    return `sum ${byLabels(TALLY_LABELS)} (${parts.map((p) => `increase(${p}[${window}])`).join(" or ")})`;
  }
  const parts = [
    selector(m, [labelEquals("reporter", "destination"), labelMatchesAny("destination_service_namespace", namespaces)]),
    selector(m, [labelEquals("reporter", "source"), labelMatchesAny("source_workload_namespace", namespaces)]),
    selector(m, [
      labelEquals("reporter", "source"),
      labelMatchesAny("destination_service_namespace", namespaces),
      labelMatchesNone("source_workload_namespace", namespaces),
    ]),
  ];
  return `sum ${byLabels(TALLY_LABELS)} (${parts.map((p) => `increase(${p}[${window}])`).join(" or ")})`;
}

/**
 * `everyNamespace`: the selection is every namespace of the cluster (the overview of all of them). The
 * queries then leave the namespace matchers out: a regex over hundreds of namespaces costs Prometheus
 * one postings list per alternative (PERF-NOTES: as much as one query per namespace), while the
 * unfiltered selector reads exactly the same series. Callers still index only the selected namespaces.
 */
export interface ScopeOptions {
  everyNamespace?: boolean;
}

/** `name!~"a|b"`: none of the values (escaped as `labelMatchesAny` does). */
export function labelMatchesNone(name: string, values: readonly string[]): string {
  if (values.length === 0) throw new Error(`labelMatchesNone(${name}): at least one value is required`);
  return `${checkLabelName(name)}!~${quote([...new Set(values)].map(escapeRegex).join("|"))}`;
}

/**
 * Requests per second received by each namespace's workloads, for the overview's sparklines: one range
 * query for every namespace. A namespace whose workloads report nothing themselves (no sidecars) is
 * counted from its callers' reports instead: `or` keeps the source-reported sum only for namespaces
 * without a destination-reported one.
 */
export function namespaceInboundQuery(namespaces: readonly string[], rateWindow: string, opts: ScopeOptions = {}): string {
  checkDuration(rateWindow);
  const m = ISTIO_METRICS.requests;
  const ns = opts.everyNamespace ? 'destination_workload_namespace!=""' : labelMatchesAny("destination_workload_namespace", namespaces);
  const by = byLabels(["destination_workload_namespace"]);
  const dest = `sum ${by} (rate(${selector(m, [labelEquals("reporter", "destination"), ns])}[${rateWindow}]))`;
  const src = `sum ${by} (rate(${selector(m, [labelEquals("reporter", "source"), ns])}[${rateWindow}]))`;
  return `${dest} or ${src}`;
}
