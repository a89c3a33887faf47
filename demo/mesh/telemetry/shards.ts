/**
 * Scale mode splits the simulator's exposition over several scrape endpoints. At 300 namespaces the
 * mesh has ~155k Istio series (~440k with the size histograms, see disabled-metrics.ts), over 130 MB
 * of text per scrape: from one endpoint, Prometheus's first scrapes (which create every series) run
 * past the scrape timeout and fail, over and over on a busy machine, and the demo shows no traffic. A
 * real mesh never has that problem, because every proxy has its own endpoint; the shards stand in for
 * those, grouped by the reporting proxy's namespace, so each series always comes from the same
 * endpoint (a series changing endpoint would look like a new series to Prometheus).
 */
import type { ShardOf } from "./series-metrics";

/** Up to this many namespaces one endpoint scrapes comfortably within the demo's 5 s interval. */
const NAMESPACES_PER_SHARD = 40;
const MAX_SHARDS = 16;

/** How many endpoints a mesh of `namespaces` namespaces gets: 1 for the ordinary demo. */
export function metricsShardsFor(namespaces: number): number {
  if (namespaces <= NAMESPACES_PER_SHARD) return 1;
  return Math.min(MAX_SHARDS, Math.ceil(namespaces / NAMESPACES_PER_SHARD));
}

/**
 * The scrape interval that suits the exposition: the demo's 5 s (the graph moves quickly after a
 * change) unless the mesh is sharded, then 10 s: rendering and ingesting ~155k series (300 scaled
 * namespaces) every 5 s would keep a core of a small machine busy, while every 10 s still gives the
 * two scrapes that rates need within 20 s of Prometheus's start.
 */
export function scrapeIntervalFor(shards: number): number {
  return shards > 1 ? 10 : 5;
}

/** Root requests per second of the ordinary demo. */
const BASE_RATE = 30;

/**
 * The simulator's default rate for a mesh of `namespaces` namespaces: the ordinary demo's 30 requests
 * per second, plus 0.2 per namespace beyond 40. Spread over 300 scaled namespaces, 30 root requests per
 * second leave each one a request every ten seconds, so that a minute after start a quarter of them
 * still showed no traffic; at ~90 per second nearly all do, for a few percent of a core.
 */
export function defaultRateFor(namespaces: number): number {
  return BASE_RATE + 0.2 * Math.max(0, namespaces - NAMESPACES_PER_SHARD);
}

/** FNV-1a: a stable, well-spread hash of a short string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Places a series by the namespace of the proxy that reports it: the destination workload's for
 * `reporter="destination"`, the source workload's otherwise.
 */
export function shardByReporterNamespace(shards: number): ShardOf | undefined {
  if (shards <= 1) return undefined;
  return (labels) => {
    const ns = labels.reporter === "destination" ? labels.destination_workload_namespace : labels.source_workload_namespace;
    return fnv1a(ns ?? "") % shards;
  };
}
