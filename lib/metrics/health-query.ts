/**
 * The instant query behind every health and traffic figure of the inventory (lists, overview, detail
 * pages), sent as two parts (one per reporter): Istio's request counts over the health window, grouped
 * by both ends of each call, its reporter, protocol and outcome. Its size depends on the traffic, never
 * on how many namespaces are selected: every selector matches them all with one regex matcher. Also the
 * overview's sparkline queries (requests received per namespace).
 */
import { byLabels, checkDuration, labelEquals, labelMatchesAny, labelMatchesNone, selector } from "@/lib/promql/escape";
import { ISTIO_METRICS } from "@/lib/promql/graph-queries";

const BOTH_REPORTERS = 'reporter=~"destination|source"';

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

/** The health query's parts, by reporter: disjoint sets of series, together the whole query. */
export type HealthQueryName = "health-destination" | "health-source";

/**
 * `sum by (TALLY_LABELS) (increase(istio_requests_total[window]))` over three disjoint selectors, so
 * that Prometheus reads each series once:
 *  1. `reporter="destination"` for services of the selection: what they received, as their proxies saw it;
 *  2. `reporter="source"` from workloads of the selection: what they sent (outbound health, peers);
 *  3. `reporter="source"` to services of the selection from callers outside it: what callers saw, used
 *     for inbound health of objects without a sidecar (no destination reports) — see `tallies.ts`.
 *     (Callers inside the selection are already in 2.)
 * As two queries, one per reporter (1; 2 and 3), which Prometheus evaluates in parallel, on two cores:
 * ~40% less time than the one query at 300 namespaces (a PromQL query runs on one core). Their
 * samples together are exactly those of {@link healthTallyQuery}.
 */
export function healthTallyQueries(namespaces: readonly string[], window: string, opts: ScopeOptions = {}): Array<{ name: HealthQueryName; query: string }> {
  const parts = selectorsByReporter(namespaces, opts);
  return [
    { name: "health-destination", query: tallySum(parts.destination, window) },
    { name: "health-source", query: tallySum(parts.source, window) },
  ];
}

/**
 * The health query as one query (`or` of the parts of {@link healthTallyQueries}, or both reporters in
 * one selector for every namespace): the same samples. The services send the two parts; this form is
 * kept for comparison (bench/inventory).
 */
export function healthTallyQuery(namespaces: readonly string[], window: string, opts: ScopeOptions = {}): string {
  if (opts.everyNamespace) return tallySum([selector(ISTIO_METRICS.requests, [BOTH_REPORTERS])], window);
  const parts = selectorsByReporter(namespaces, opts);
  return tallySum([...parts.destination, ...parts.source], window);
}

function tallySum(selectors: readonly string[], window: string): string {
  checkDuration(window);
  return `sum ${byLabels(TALLY_LABELS)} (${selectors.map((p) => `increase(${p}[${window}])`).join(" or ")})`;
}

/** The selectors of the module comment, by reporter; without namespace matchers for every namespace. */
function selectorsByReporter(namespaces: readonly string[], opts: ScopeOptions): { destination: string[]; source: string[] } {
  const m = ISTIO_METRICS.requests;
  const destination = labelEquals("reporter", "destination");
  const source = labelEquals("reporter", "source");
  // Without the namespace regexes (which make Prometheus merge one postings list per namespace), each
  // reporter's selector reads the same series as the selectors below.
  if (opts.everyNamespace) return { destination: [selector(m, [destination])], source: [selector(m, [source])] };
  return {
    destination: [selector(m, [destination, labelMatchesAny("destination_service_namespace", namespaces)])],
    source: [
      selector(m, [source, labelMatchesAny("source_workload_namespace", namespaces)]),
      selector(m, [source, labelMatchesAny("destination_service_namespace", namespaces), labelMatchesNone("source_workload_namespace", namespaces)]),
    ],
  };
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

/**
 * Requests per second received by each namespace's workloads, as one `reporter` saw them, for the
 * overview's sparklines: one range query for every namespace. The overview asks the destinations' own
 * reports first, then the callers' reports only for the namespaces that lack some points (no sidecars:
 * see `lib/metrics/inbound.ts`), which is `dest or src` at half the cost.
 */
export function namespaceInboundQuery(namespaces: readonly string[], rateWindow: string, opts: ScopeOptions & { reporter: "destination" | "source" }): string {
  checkDuration(rateWindow);
  const ns = opts.everyNamespace ? 'destination_workload_namespace!=""' : labelMatchesAny("destination_workload_namespace", namespaces);
  const sel = selector(ISTIO_METRICS.requests, [labelEquals("reporter", opts.reporter), ns]);
  return `sum ${byLabels(["destination_workload_namespace"])} (rate(${sel}[${rateWindow}]))`;
}
