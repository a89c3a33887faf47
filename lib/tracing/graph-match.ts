/**
 * A trace's path on the service graph: its hops (./graph-hops.ts) matched to the graph's nodes and
 * edges, whatever the graph type (app, versioned app, workload; with or without service nodes). The
 * graph page highlights what matched and says which hops the graph does not hold (another namespace
 * selection, a window without that traffic, a caller outside the mesh).
 */
import type { GraphEdge, GraphNode } from "@/lib/graph/schema";
import type { HopEndpoint, TraceHop } from "./graph-hops";

/** Why a hop could not be drawn: which end is missing from the graph, or the edge between them. */
export type MissingReason = "source" | "destination" | "edge";

export interface MissingHop {
  hop: TraceHop;
  reason: MissingReason;
}

export interface TracePath {
  /** Node ids on the trace's path. */
  nodes: Set<string>;
  /** Edge ids on the trace's path (through service nodes when the graph has them). */
  edges: Set<string>;
  missing: MissingHop[];
}

interface GraphLike {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
}

/**
 * The graph nodes a workload endpoint stands for: its workload node, or its app node (with the same
 * version on versioned graphs). A span without a version (gateways report `latest`) matches the app's
 * versioned nodes that aggregate its workload, or all of them when the graph does not say.
 */
export function endpointNodes(e: HopEndpoint, nodes: readonly GraphNode[]): GraphNode[] {
  const inNs = nodes.filter((n) => n.namespace === e.namespace);
  const workloads = e.workload ? inNs.filter((n) => n.type === "workload" && n.workload === e.workload) : [];
  if (workloads.length > 0) return workloads;
  if (!e.app) return [];
  const apps = inNs.filter((n) => n.type === "app" && n.app === e.app);
  if (e.version) {
    const exact = apps.filter((n) => n.version === e.version || n.version === undefined);
    if (exact.length > 0) return exact;
  }
  const byWorkload = e.workload ? apps.filter((n) => n.workloads?.includes(e.workload!)) : [];
  if (byWorkload.length > 0) return byWorkload;
  return e.version ? [] : apps;
}

/**
 * The nodes a hop's destination stands for. A destination known only by the service its caller
 * called (no server span: no sidecar, or no answer) matches that service's node, else the app of the
 * same name (Istio's convention of naming a service after its app).
 */
function destinationNodes(d: TraceHop["destination"], nodes: readonly GraphNode[]): GraphNode[] {
  const found = endpointNodes(d, nodes);
  if (found.length > 0 || d.app || d.workload || !d.service) return found;
  const service = nodes.filter((n) => n.namespace === d.namespace && (n.type === "service" || n.type === "serviceEntry") && n.service === d.service);
  if (service.length > 0) return service;
  return endpointNodes({ namespace: d.namespace, app: d.service }, nodes);
}

/** The edges of a hop: source → destination, or source → service → destination with service nodes. */
function hopEdges(sources: GraphNode[], dests: GraphNode[], service: string | undefined, namespace: string, edges: readonly GraphEdge[]): GraphEdge[] {
  const from = new Set(sources.map((n) => n.id));
  const to = new Set(dests.map((n) => n.id));
  const direct = edges.filter((e) => from.has(e.source) && to.has(e.target));
  if (direct.length > 0 || !service) return direct;
  const svc = `service:${namespace}:${service}`;
  const into = edges.filter((e) => from.has(e.source) && e.target === svc);
  const out = edges.filter((e) => e.source === svc && to.has(e.target));
  return into.length > 0 && out.length > 0 ? [...into, ...out] : [];
}

/** Matches a trace's hops to a graph: the nodes and edges to highlight, and the hops it lacks. */
export function matchTracePath(hops: readonly TraceHop[], graph: GraphLike): TracePath {
  const path: TracePath = { nodes: new Set(), edges: new Set(), missing: [] };
  const unknown = graph.nodes.filter((n) => n.type === "unknown");
  for (const hop of hops) {
    const dests = destinationNodes(hop.destination, graph.nodes);
    const sources = hop.source ? endpointNodes(hop.source, graph.nodes) : unknown;
    for (const n of [...sources, ...dests]) path.nodes.add(n.id);
    if (dests.length === 0) {
      path.missing.push({ hop, reason: "destination" });
      continue;
    }
    if (sources.length === 0) {
      // A request from outside the mesh needs no caller node; a caller in the mesh does.
      if (hop.source) path.missing.push({ hop, reason: "source" });
      continue;
    }
    const found = hopEdges(sources, dests, hop.destination.service, hop.destination.namespace, graph.edges);
    if (found.length === 0) path.missing.push({ hop, reason: "edge" });
    for (const e of found) {
      path.edges.add(e.id);
      path.nodes.add(e.source);
      path.nodes.add(e.target);
    }
  }
  return path;
}

/** An endpoint for people: `reviews v2 (bookinfo)`, `details service (bookinfo)`, `outside the mesh`. */
export function describeEndpoint(e: TraceHop["destination"] | null): string {
  if (!e) return "outside the mesh";
  const name = e.app ?? e.workload ?? (e.service ? `${e.service} service` : "?");
  return `${name}${e.version ? ` ${e.version}` : ""} (${e.namespace})`;
}
