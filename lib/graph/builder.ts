/**
 * The pure graph builder: Prometheus vectors (the results of `lib/promql/graph-queries.ts`) plus the
 * Kubernetes inventory become nodes and edges. No I/O; everything it knows comes in as arguments.
 *
 * Steps: read the samples' labels; apply the counting rule (`counting.ts`) so each request is counted
 * once; route each counted record along its path (source node, optionally the injected service node,
 * destination node) for the graph type; accumulate edges; add idle nodes from the inventory; finalise
 * edges, then nodes with their traffic totals, health inputs and flags.
 */
import type { PromSample } from "@/lib/promql/types";
import { countedRecords, destinationReported } from "./counting";
import { addLatency, addRequests, addTcp, addThroughput, finishEdge, newEdge, type EdgeAcc } from "./edges";
import { InventoryIndex, type GraphInventory } from "./inventory";
import { destinationService, endpointNode, hostNode, serviceNode, UNKNOWN_NODE, workloadNode, type NodeRef } from "./nodes";
import { finishNodes, NodeRegistry } from "./node-finish";
import type { GraphOptions } from "./options";
import type { GraphEdge, GraphNode, Protocol } from "./schema";
import { toRecords, type TelemetryRecord } from "./telemetry";

/** The samples of each graph query (see `graphQueries`); `throughput` only when asked. */
export interface GraphVectors {
  requests: readonly PromSample[];
  tcp: readonly PromSample[];
  latency: readonly PromSample[];
  throughput?: readonly PromSample[];
}

export interface BuiltGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

type BuildOptions = Pick<GraphOptions, "namespaces" | "graphType" | "injectServiceNodes" | "idleNodes" | "idleEdges" | "responseTime" | "throughput">;

interface Path {
  hops: NodeRef[];
  share: number;
}

interface Share {
  ref: NodeRef;
  share: number;
}

const workloadKey = (namespace: string, workload: string) => `${namespace}/${workload}`;

/**
 * For the service graph: how each workload's outbound traffic is split between the services it
 * serves, in proportion to the traffic each service brought it (requests, else TCP bytes, else
 * evenly). Workloads reached through no service (gateways, clients, `unknown`) keep their own node.
 * Kiali copies a workload's outbound edges to each of its services, counting them once per service.
 */
function serviceShares(requests: readonly TelemetryRecord[], tcp: readonly TelemetryRecord[]): Map<string, Share[]> {
  const inbound = new Map<string, Map<string, { ref: NodeRef; req: number; tcp: number }>>();
  const add = (records: readonly TelemetryRecord[], kind: "req" | "tcp") => {
    for (const r of records) {
      const d = r.destination;
      const svc = destinationService(d);
      if (!d.workload || !d.namespace || !svc) continue;
      const key = workloadKey(d.namespace, d.workload);
      const bySvc = inbound.get(key) ?? new Map<string, { ref: NodeRef; req: number; tcp: number }>();
      inbound.set(key, bySvc);
      const e = bySvc.get(svc.id) ?? { ref: svc, req: 0, tcp: 0 };
      bySvc.set(svc.id, e);
      e[kind] += r.value;
    }
  };
  add(requests, "req");
  add(tcp, "tcp");
  const out = new Map<string, Share[]>();
  for (const [key, bySvc] of inbound) {
    const list = [...bySvc.values()];
    const sumReq = list.reduce((s, e) => s + e.req, 0);
    const sumTcp = list.reduce((s, e) => s + e.tcp, 0);
    const weight = (e: { req: number; tcp: number }) => (sumReq > 0 ? e.req / sumReq : sumTcp > 0 ? e.tcp / sumTcp : 1 / list.length);
    out.set(
      key,
      list.map((e) => ({ ref: e.ref, share: weight(e) })),
    );
  }
  return out;
}

/** The nodes a record's traffic passes through, for the graph type and options. */
function pathsOf(r: TelemetryRecord, o: BuildOptions, index: InventoryIndex, shares: Map<string, Share[]> | undefined): Path[] {
  const s = r.source;
  let sources: Share[];
  if (o.graphType === "service") {
    sources =
      s.workload && s.namespace
        ? (shares?.get(workloadKey(s.namespace, s.workload)) ?? [{ ref: workloadNode(s.namespace, s.workload, s), share: 1 }])
        : [{ ref: UNKNOWN_NODE, share: 1 }];
  } else {
    sources = [{ ref: endpointNode(s, o.graphType), share: 1 }];
  }
  const d = r.destination;
  let hops: NodeRef[];
  if (!d.workload || !d.namespace) {
    hops = [hostNode(d, index)];
  } else {
    const svc = destinationService(d);
    if (o.graphType === "service") hops = [svc ?? workloadNode(d.namespace, d.workload, d)];
    else {
      const target = endpointNode(d, o.graphType);
      hops = o.injectServiceNodes && svc ? [svc, target] : [target];
    }
  }
  return sources.map((src) => ({ hops: [src.ref, ...hops], share: src.share }));
}

/** Builds the graph from the query results, the inventory and the options. */
export function buildGraph(vectors: GraphVectors, inventory: GraphInventory, o: BuildOptions): BuiltGraph {
  const index = new InventoryIndex(inventory);
  const requests = toRecords(vectors.requests);
  const tcp = toRecords(vectors.tcp);
  const reported = destinationReported([...requests, ...tcp]);
  const counted = {
    requests: countedRecords(requests, reported),
    tcp: countedRecords(tcp, reported),
    latency: countedRecords(toRecords(vectors.latency), reported),
    throughput: countedRecords(toRecords(vectors.throughput ?? []), reported),
  };
  const shares = o.graphType === "service" ? serviceShares(counted.requests, counted.tcp) : undefined;
  const registry = new NodeRegistry();
  const edges = new Map<string, EdgeAcc>();
  // Destination workloads whose traffic only their callers reported: they have no sidecar.
  const sourceOnly = new Set<string>();

  const visit = (records: readonly TelemetryRecord[], create: boolean, add: (e: EdgeAcc, r: TelemetryRecord, share: number) => void) => {
    for (const r of records) {
      const d = r.destination;
      if (create && r.reporter === "source" && d.workload && d.namespace && !reported.has(workloadKey(d.namespace, d.workload))) {
        sourceOnly.add(workloadKey(d.namespace, d.workload));
      }
      const protocol: Protocol = r.protocol;
      for (const path of pathsOf(r, o, index, shares)) {
        for (let i = 0; i + 1 < path.hops.length; i++) {
          const from = path.hops[i]!;
          const to = path.hops[i + 1]!;
          const id = `${from.id}->${to.id}:${protocol}`;
          let edge = edges.get(id);
          if (!edge) {
            if (!create) continue;
            edge = newEdge(from.id, to.id, protocol);
            edges.set(id, edge);
          }
          if (create) {
            registry.add(from);
            registry.add(to);
          }
          add(edge, r, path.share);
        }
      }
    }
  };
  visit(counted.requests, true, addRequests);
  visit(counted.tcp, true, addTcp);
  // Latency and throughput decorate edges the request counts created; they never create edges.
  visit(counted.latency, false, addLatency);
  if (o.throughput) visit(counted.throughput, false, addThroughput);

  const all = [...edges.values()].map((e) => finishEdge(e, o));
  const kept = o.idleEdges ? all : all.filter((e) => !e.idle);
  const nodeIds = new Set(kept.flatMap((e) => [e.source, e.target]));
  if (o.idleNodes) {
    for (const e of all) nodeIds.add(e.source).add(e.target);
    for (const ref of idleInventoryNodes(index, o)) {
      registry.add(ref);
      nodeIds.add(ref.id);
    }
  }
  const nodes = finishNodes(registry, nodeIds, kept, index, { namespaces: o.namespaces, sourceOnly });
  return { nodes, edges: kept.sort((a, b) => a.id.localeCompare(b.id)) };
}

/** Nodes for the selected namespaces' inventory: workloads (as the graph type shows them) and services. */
function idleInventoryNodes(index: InventoryIndex, o: BuildOptions): NodeRef[] {
  const selected = new Set(o.namespaces);
  const out: NodeRef[] = [];
  for (const w of index.inventory.workloads) {
    if (!selected.has(w.namespace)) continue;
    // The service graph shows workloads only where no service fronts them.
    if (o.graphType === "service" && index.servicesOf(w).length > 0) continue;
    const end = { namespace: w.namespace, workload: w.name, app: w.app, version: w.version };
    out.push(o.graphType === "service" ? workloadNode(w.namespace, w.name, end) : endpointNode(end, o.graphType));
  }
  if (o.graphType === "service" || o.injectServiceNodes) {
    for (const s of index.inventory.services) if (selected.has(s.namespace)) out.push(serviceNode(s.namespace, s.name));
  }
  return out;
}
