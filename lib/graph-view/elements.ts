/**
 * The graph response turned into what the view draws and searches: Cytoscape element data (plain
 * objects, so this stays pure and testable), the facts find/hide expressions are evaluated against, and
 * each element's health.
 */
import type { GraphEdge, GraphNode } from "@/lib/graph/schema";
import type { RequestHealth } from "@/lib/health/requests";
import type { RequestStatus } from "@/lib/health/status";
import type { ElementFacts } from "./expression";
import { formatBytesRate, formatMs, formatRatio, formatRps } from "./format";
import { graphHealth } from "./health";
import type { LayoutInput } from "./layout-types";
import type { EdgeLabelMode } from "./view-state";

/** Node shapes, by what the node stands for (see the legend). */
export type NodeShapeKey = "app" | "workload" | "service" | "serviceEntry" | "external" | "unknown" | "root";

export const NODE_SIZE = 40;

export interface NodeData {
  id: string;
  /** The namespace box (compound parent) the node is drawn in. */
  parent?: string;
  /** The namespace, also kept when big graphs are drawn without compound boxes. */
  ns: string;
  label: string;
  shape: NodeShapeKey;
  health: RequestStatus;
  idle: boolean;
  outside: boolean;
  missingSidecar: boolean;
}

export interface GroupData {
  id: string;
  label: string;
  group: true;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  label: string;
  health: RequestStatus;
  protocol: GraphEdge["protocol"];
  idle: boolean;
  /** `full` when at least 99% of the traffic with a known security policy was mutual TLS. */
  mtls: "full" | "partial" | "none";
  width: number;
}

export interface GraphModel {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
  groups: GroupData[];
  nodeData: NodeData[];
  edgeData: EdgeData[];
  health: Map<string, RequestHealth>;
  facts: Map<string, ElementFacts>;
}

/** The id of a namespace box. */
export const groupId = (namespace: string) => `ns:${namespace}`;

/** The name a node goes by: app, workload, service or host. */
export function nodeName(n: GraphNode): string {
  switch (n.type) {
    case "app":
      return n.app ?? n.workload ?? n.id;
    case "workload":
      return n.workload ?? n.id;
    case "service":
    case "serviceEntry":
    case "external":
      return n.service ?? n.id;
    case "unknown":
      return "unknown";
  }
}

/** One line naming a node for people: `reviews v2`, `reviews (service)`. */
export function nodeTitle(n: GraphNode): string {
  const name = nodeName(n);
  if (n.type === "app" && n.version) return `${name} ${n.version}`;
  if (n.type === "service") return `${name} (service)`;
  return name;
}

function shapeOf(n: GraphNode): NodeShapeKey {
  if (n.type === "unknown") return "unknown";
  if (n.gateway === "ingress" || (n.root && (n.type === "app" || n.type === "workload"))) return "root";
  return n.type;
}

function nodeLabel(n: GraphNode): string {
  const name = nodeName(n);
  return n.type === "app" && n.version ? `${name}\n${n.version}` : name;
}

/** Requests per second into a node (out of it for a root, which has no callers). */
function nodeRps(n: GraphNode): number {
  const inbound = n.traffic.in.http + n.traffic.in.grpc;
  return inbound > 0 || !n.root ? inbound : n.traffic.out.http + n.traffic.out.grpc;
}

function worstRatio(n: GraphNode): number | null {
  const { errorRatioIn: a, errorRatioOut: b } = n.health;
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function mtlsOf(e: GraphEdge): EdgeData["mtls"] {
  if (e.mtlsShare === null || e.mtlsShare <= 0) return "none";
  return e.mtlsShare >= 0.99 ? "full" : "partial";
}

/** An edge's label under the picked mode; empty when the mode says nothing about this edge. */
export function edgeLabel(e: GraphEdge, mode: EdgeLabelMode): string {
  if (e.idle && mode !== "none") return "idle";
  switch (mode) {
    case "none":
      return "";
    case "rate":
      return e.protocol === "tcp" ? formatBytesRate(e.rate) : formatRps(e.rate);
    case "errors":
      return e.protocol !== "tcp" && e.errorRatio ? formatRatio(e.errorRatio) : "";
    case "latency":
      return e.protocol !== "tcp" && e.responseTimeMs != null ? formatMs(e.responseTimeMs) : "";
    case "throughput":
      if (e.protocol === "tcp") return formatBytesRate(e.rate);
      return e.throughput ? formatBytesRate(e.throughput.request + e.throughput.response) : "";
  }
}

/** Edge width in px: grows with the log of the rate, 1.5 to 6. */
export function edgeWidth(e: GraphEdge): number {
  const perSecond = e.protocol === "tcp" ? e.rate / 1024 : e.rate;
  return Math.min(6, 1.5 + Math.log10(1 + perSecond) * 1.5);
}

function nodeFacts(n: GraphNode, health: RequestStatus): ElementFacts {
  const ratio = worstRatio(n);
  const tcp = Math.max(n.traffic.in.tcp, n.traffic.out.tcp);
  return {
    kind: "node",
    values: {
      name: nodeName(n),
      ns: n.namespace,
      app: n.app,
      version: n.version,
      workload: n.workload,
      service: n.service,
      type: n.type,
      healthy: health === "healthy",
      degraded: health === "degraded",
      failure: health === "failure",
      idle: n.idle,
      root: n.root,
      outside: n.outsideNamespaces,
      sidecar: n.type === "app" || n.type === "workload" ? !n.missingSidecar : undefined,
      gateway: Boolean(n.gateway),
      rps: nodeRps(n),
      error: ratio === null ? undefined : ratio * 100,
      tcp: tcp > 0 ? tcp : undefined,
    },
  };
}

function edgeFacts(e: GraphEdge): ElementFacts {
  const requests = e.protocol !== "tcp";
  return {
    kind: "edge",
    values: {
      rps: requests ? e.rate : undefined,
      error: requests && e.errorRatio !== null ? e.errorRatio * 100 : undefined,
      latency: e.responseTimeMs ?? undefined,
      tcp: requests ? undefined : e.rate,
      mtls: e.mtlsShare === null ? undefined : e.mtlsShare * 100,
      protocol: e.protocol,
      idle: e.idle,
    },
  };
}

/** Builds the view's model of a graph (already focused, when a focus is set). */
export function buildGraphModel(graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }, edgeLabels: EdgeLabelMode): GraphModel {
  const health = graphHealth(
    graph.nodes.map((n) => n.id),
    graph.edges,
  );
  const model: GraphModel = {
    nodes: new Map(graph.nodes.map((n) => [n.id, n])),
    edges: new Map(graph.edges.map((e) => [e.id, e])),
    groups: [],
    nodeData: [],
    edgeData: [],
    health: new Map([...health.nodes, ...health.edges]),
    facts: new Map(),
  };
  const namespaces = new Set<string>();
  for (const n of graph.nodes) {
    const status = health.nodes.get(n.id)?.status ?? "no-data";
    if (n.namespace) namespaces.add(n.namespace);
    model.nodeData.push({
      id: n.id,
      parent: n.namespace ? groupId(n.namespace) : undefined,
      ns: n.namespace,
      label: nodeLabel(n),
      shape: shapeOf(n),
      health: status,
      idle: n.idle,
      outside: n.outsideNamespaces,
      missingSidecar: Boolean(n.missingSidecar),
    });
    model.facts.set(n.id, nodeFacts(n, status));
  }
  model.groups = [...namespaces].sort().map((ns) => ({ id: groupId(ns), label: ns, group: true as const }));
  for (const e of graph.edges) {
    model.edgeData.push({
      id: e.id,
      source: e.source,
      target: e.target,
      label: edgeLabel(e, edgeLabels),
      health: health.edges.get(e.id)?.status ?? "no-data",
      protocol: e.protocol,
      idle: e.idle,
      mtls: mtlsOf(e),
      width: edgeWidth(e),
    });
    model.facts.set(e.id, edgeFacts(e));
  }
  return model;
}

/** The layout's input for a model: nodes in their namespace boxes, all edges. */
export function layoutInput(model: Pick<GraphModel, "nodeData" | "edgeData" | "groups">): LayoutInput {
  return {
    nodes: [...model.groups.map((g) => ({ id: g.id })), ...model.nodeData.map((n) => ({ id: n.id, parent: n.parent, width: NODE_SIZE, height: NODE_SIZE }))],
    edges: model.edgeData.map((e) => ({ source: e.source, target: e.target })),
  };
}
