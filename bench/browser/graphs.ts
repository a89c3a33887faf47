/**
 * Mesh-like graphs for the browser benchmark, in the graph API's shape (GraphNode/GraphEdge), so that
 * the page goes through the product's own model, layout and Cytoscape setup: a 5-tier call graph
 * (ingress → front → … → data stores) with about 1.8 edges per node (after duplicates are dropped), mostly to the next tier, a few
 * skipping one, a few back up (cycles), and namespaces of about 20 nodes as compound parents.
 */
import type { GraphEdge, GraphNode } from "@/lib/graph/schema";
import { seededRandom } from "../lib/stats";

export interface SyntheticGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  namespaces: number;
}

const TIERS = 5;
export const NODES_PER_NAMESPACE = 20;

function node(id: string, namespace: string, app: string, version: string, root: boolean, rps: number, errors: number): GraphNode {
  const totals = (http: number, err: number) => ({ http, grpc: 0, errors: err, tcp: 0 });
  return {
    id,
    type: "app",
    namespace,
    app,
    version,
    workloads: [`${app}-${version}`],
    root,
    outsideNamespaces: false,
    idle: false,
    missingSidecar: false,
    traffic: { in: root ? totals(0, 0) : totals(rps, errors), out: totals(rps, errors / 2) },
    health: { errorRatioIn: root ? null : errors / rps, errorRatioOut: errors / 2 / rps },
  };
}

/** A graph of `n` nodes; the same `n` and seed always give the same graph. */
export function syntheticGraph(n: number, seed = 1): SyntheticGraph {
  const rnd = seededRandom(seed);
  const namespaces = Math.max(1, Math.round(n / NODES_PER_NAMESPACE));
  const nodes: GraphNode[] = [];
  const byTier: GraphNode[][] = Array.from({ length: TIERS }, () => []);
  for (let i = 0; i < n; i++) {
    const ns = `ns-${String(i % namespaces).padStart(3, "0")}`;
    const tier = Math.min(TIERS - 1, Math.floor((Math.floor(i / namespaces) / Math.ceil(n / namespaces)) * TIERS));
    const app = `t${tier}-app-${i}`;
    const errorShare = rnd() < 0.1 ? rnd() * 0.2 : 0;
    const rps = 1 + rnd() * 50;
    const nd = node(`app:${ns}:${app}:v1`, ns, app, "v1", tier === 0, rps, rps * errorShare);
    nodes.push(nd);
    byTier[tier]!.push(nd);
  }
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const addEdge = (s: GraphNode, t: GraphNode) => {
    if (s === t) return;
    const protocol = t.app!.startsWith(`t${TIERS - 1}-`) && rnd() < 0.5 ? "tcp" : "http";
    const id = `${s.id}->${t.id}:${protocol}`;
    if (seen.has(id)) return;
    seen.add(id);
    const rate = 0.5 + rnd() * 40;
    const errorRatio = protocol === "tcp" ? null : rnd() < 0.1 ? rnd() * 0.15 : 0;
    const errorRate = errorRatio ? rate * errorRatio : 0;
    edges.push({
      id,
      source: s.id,
      target: t.id,
      protocol,
      rate,
      responses: protocol === "tcp" ? {} : { "200": rate - errorRate, ...(errorRate ? { "503": errorRate } : {}) },
      codeClasses: protocol === "tcp" ? {} : { "2xx": rate - errorRate, ...(errorRate ? { "5xx": errorRate } : {}) },
      flags: {},
      errorRate,
      errorRatio,
      latency: protocol === "tcp" ? undefined : { avg: 20, p50: 12, p95: 80, p99: 200 },
      responseTimeMs: protocol === "tcp" ? undefined : 80,
      tcp: protocol === "tcp" ? { sent: rate * 1000, received: rate * 200 } : undefined,
      mtlsShare: 1,
      principals: { source: [], destination: [] },
      reporters: { destination: rate, source: 0 },
      idle: false,
    });
  };
  // Prefer a callee in the caller's namespace; 10% of calls cross namespaces.
  const byTierNs = new Map<string, GraphNode[]>();
  byTier.forEach((list, tier) => {
    for (const x of list) {
      const key = `${tier}/${x.namespace}`;
      byTierNs.set(key, [...(byTierNs.get(key) ?? []), x]);
    }
  });
  const pick = (tier: number, ns: string): GraphNode => {
    const local = byTierNs.get(`${tier}/${ns}`);
    if (local && rnd() >= 0.1) return local[Math.floor(rnd() * local.length)]!;
    const list = byTier[tier]!;
    return list[Math.floor(rnd() * list.length)]!;
  };
  for (let tier = 0; tier < TIERS; tier++) {
    for (const s of byTier[tier]!) {
      if (tier === TIERS - 1) {
        // The odd data store calling back up: cycles the layout must break.
        if (rnd() < 0.05) addEdge(s, pick(Math.floor(rnd() * (TIERS - 1)), s.namespace));
        continue;
      }
      const fanout = 1 + Math.floor(rnd() * 4); // 1..4, mean 2.5 over the four calling tiers
      for (let k = 0; k < fanout; k++) addEdge(s, pick(rnd() < 0.85 ? tier + 1 : Math.min(TIERS - 1, tier + 2), s.namespace));
    }
  }
  return { nodes, edges, namespaces };
}
