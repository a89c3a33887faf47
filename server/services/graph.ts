import "server-only";
import type { V1Deployment, V1Pod, V1Service, KubernetesObject } from "@kubernetes/client-node";
import type { SourceError } from "@/lib/api/schemas";
import { buildGraph, type GraphVectors } from "@/lib/graph/builder";
import { EMPTY_INVENTORY, toGraphInventory, type GraphInventory } from "@/lib/graph/inventory";
import type { GraphOptions } from "@/lib/graph/options";
import type { GraphResponse, QueryStat } from "@/lib/graph/schema";
import { graphQueries, type GraphQueryName } from "@/lib/promql/graph-queries";
import { getConfig } from "../config";
import { KubeStatusError, UpstreamUnavailableError } from "../http/errors";
import type { Identity } from "../kube/identity";
import { kubeReader, type KubeReader } from "../kube/reader";
import { instantQuery, type InstantQueryOptions, type InstantQueryResult } from "../prometheus/query";

/** What the graph service talks to; tests pass fakes. */
export interface GraphDeps {
  query: (query: string, opts: InstantQueryOptions) => Promise<InstantQueryResult>;
  reader: KubeReader;
  /** Unix seconds. */
  now: () => number;
}

function defaultDeps(identity: Identity): GraphDeps {
  return { query: instantQuery, reader: kubeReader(identity), now: () => Date.now() / 1000 };
}

/** ServiceEntries are Istio's: on a cluster without the CRD there are none, which is no failure. */
async function listServiceEntries(reader: KubeReader, namespaces: readonly string[]): Promise<KubernetesObject[]> {
  try {
    return await reader.list<KubernetesObject>("serviceentries", namespaces);
  } catch (err) {
    if (err instanceof KubeStatusError && err.code === 404) return [];
    throw err;
  }
}

async function readInventory(reader: KubeReader, namespaces: readonly string[]): Promise<GraphInventory> {
  const [deployments, pods, services, serviceEntries] = await Promise.all([
    reader.list<V1Deployment>("deployments", namespaces),
    reader.list<V1Pod>("pods", namespaces),
    reader.list<V1Service>("services", namespaces),
    listServiceEntries(reader, namespaces),
  ]);
  return toGraphInventory(deployments, pods, services, serviceEntries);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/**
 * The service graph of the selected namespaces. Runs the graph's Prometheus queries (three or four,
 * whatever the number of namespaces, all at one evaluation time) in parallel with the inventory read
 * (deployments, pods, services and ServiceEntries of the selected namespaces, on behalf of
 * `identity`), then hands both to the pure builder.
 *
 * Failures: a Prometheus failure is thrown as the `UpstreamUnavailableError` naming Prometheus (the
 * route answers 502, or 504 after `MESHSCOPE_GRAPH_QUERY_TIMEOUT_MS`). A Kubernetes `Status` error (403, 404) is thrown too: a caller
 * who may not read a namespace's workloads gets no graph of it. When the console's own Kubernetes
 * access is unavailable, the graph is still built from telemetry alone and `errors` says so.
 */
export async function getGraph(identity: Identity, options: GraphOptions, deps: GraphDeps = defaultDeps(identity)): Promise<GraphResponse> {
  const started = performance.now();
  const time = options.time ?? Math.round(deps.now() * 1000) / 1000;
  const queries = graphQueries(options);
  // The graph's queries grow with the selection: they have their own timeout (see ServerConfig).
  const timeoutMs = getConfig().graphQueryTimeoutMs;
  const [prom, inventory] = await Promise.allSettled([
    Promise.all(queries.map((q) => deps.query(q.query, { time, timeoutMs, operation: `graph_${q.name}` }))),
    timed(() => readInventory(deps.reader, options.namespaces)),
  ]);
  if (prom.status === "rejected") throw prom.reason;

  const errors: SourceError[] = [];
  let inv = EMPTY_INVENTORY;
  let inventoryMs = 0;
  if (inventory.status === "fulfilled") {
    inv = inventory.value.value;
    inventoryMs = inventory.value.ms;
  } else if (identity.kind === "console" && inventory.reason instanceof UpstreamUnavailableError) {
    errors.push({ source: "kubernetes", message: `${inventory.reason.message}; idle nodes and sidecar state are missing` });
  } else {
    throw inventory.reason;
  }

  const byName = new Map<GraphQueryName, InstantQueryResult>();
  queries.forEach((q, i) => {
    const r = prom.value[i];
    if (r) byName.set(q.name, r);
  });
  const vectors: GraphVectors = {
    requests: byName.get("requests")?.samples ?? [],
    tcp: byName.get("tcp")?.samples ?? [],
    latency: byName.get("latency")?.samples ?? [],
    throughput: byName.get("throughput")?.samples,
  };
  const buildStarted = performance.now();
  const { nodes, edges } = buildGraph(vectors, inv, options);
  const buildMs = performance.now() - buildStarted;
  const stats: QueryStat[] = queries.map((q, i) => {
    const r = prom.value[i];
    return { name: q.name, query: q.query, ms: round(r?.ms ?? 0), series: r?.samples.length ?? 0 };
  });
  return {
    options,
    timestamp: time,
    nodes,
    edges,
    stats: { queries: stats, inventoryMs: round(inventoryMs), buildMs: round(buildMs), totalMs: round(performance.now() - started) },
    ...(errors.length > 0 ? { errors } : {}),
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
