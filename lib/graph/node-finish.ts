/**
 * Nodes: collected while edges are built (attributes merged from every record that mentions them),
 * then finalised with traffic totals, health inputs and the flags the UI draws (root, gateway,
 * outside the selected namespaces, idle, missing sidecar).
 */
import type { InventoryIndex, InventoryWorkload } from "./inventory";
import { gatewayKind, type NodeRef } from "./nodes";
import type { GraphEdge, GraphNode, TrafficTotals } from "./schema";

interface NodeEntry extends NodeRef {
  workloadSet: Set<string>;
}

/** The nodes met while building, by id. */
export class NodeRegistry {
  readonly byId = new Map<string, NodeEntry>();

  /** Registers a node or fills in attributes an earlier mention did not know. */
  add(ref: NodeRef): void {
    const e = this.byId.get(ref.id);
    if (!e) {
      const { workload, ...rest } = ref;
      const entry: NodeEntry = { ...rest, workloadSet: new Set(workload ? [workload] : []) };
      if (ref.type === "workload") entry.workload = workload;
      this.byId.set(ref.id, entry);
      return;
    }
    e.cluster ??= ref.cluster;
    e.app ??= ref.app;
    e.version ??= ref.version;
    e.serviceEntry ??= ref.serviceEntry;
    if (ref.workload) e.workloadSet.add(ref.workload);
  }
}

const zero = (): TrafficTotals => ({ http: 0, grpc: 0, errors: 0, tcp: 0 });

function addTotals(t: TrafficTotals, e: GraphEdge): void {
  if (e.protocol === "tcp") t.tcp += e.rate;
  else {
    t[e.protocol] += e.rate;
    t.errors += e.errorRate;
  }
}

const ratio = (t: TrafficTotals) => (t.http + t.grpc > 0 ? t.errors / (t.http + t.grpc) : null);

function inventoryWorkloads(n: NodeEntry, index: InventoryIndex): InventoryWorkload[] {
  if (n.type === "workload" && n.workload) {
    const w = index.workload(n.namespace, n.workload);
    return w ? [w] : [];
  }
  if (n.type === "app" && n.app) return index.workloadsOf(n.namespace, n.app, n.version);
  return [];
}

/**
 * The final nodes among `ids`, sorted by id. `sourceOnly` holds the destination workloads
 * (`namespace/name`) that only their callers reported, used for `missingSidecar` when the inventory
 * does not know the workload.
 */
export function finishNodes(
  registry: NodeRegistry,
  ids: ReadonlySet<string>,
  edges: readonly GraphEdge[],
  index: InventoryIndex,
  ctx: { namespaces: readonly string[]; sourceOnly: ReadonlySet<string> },
): GraphNode[] {
  const selected = new Set(ctx.namespaces);
  const totals = new Map<string, { in: TrafficTotals; out: TrafficTotals; inEdges: number; outEdges: number; active: boolean }>();
  const totalsOf = (id: string) => {
    let t = totals.get(id);
    if (!t) totals.set(id, (t = { in: zero(), out: zero(), inEdges: 0, outEdges: 0, active: false }));
    return t;
  };
  for (const e of edges) {
    const s = totalsOf(e.source);
    const t = totalsOf(e.target);
    addTotals(s.out, e);
    addTotals(t.in, e);
    s.outEdges++;
    t.inEdges++;
    if (e.rate > 0) s.active = t.active = true;
  }
  const nodes: GraphNode[] = [];
  for (const id of [...ids].sort()) {
    const n = registry.byId.get(id);
    if (!n) continue;
    const t = totalsOf(id);
    const inv = inventoryWorkloads(n, index);
    const workloads = [...new Set([...n.workloadSet, ...inv.map((w) => w.name)])].sort();
    const missingSidecar =
      n.type !== "workload" && n.type !== "app"
        ? undefined
        : inv.length > 0
          ? inv.some((w) => w.sidecar !== "present")
          : workloads.some((w) => ctx.sourceOnly.has(`${n.namespace}/${w}`)) || undefined;
    const gateway =
      n.type !== "workload" && n.type !== "app"
        ? undefined
        : inv.length > 0
          ? inv.map((w) => gatewayKind(w.labels, [])).find(Boolean)
          : gatewayKind(undefined, [n.app, ...workloads]);
    nodes.push({
      id,
      type: n.type,
      namespace: n.namespace,
      cluster: n.cluster,
      app: n.app,
      version: n.version,
      workload: n.type === "workload" ? n.workload : undefined,
      service: n.service,
      workloads: n.type === "app" && workloads.length > 0 ? workloads : undefined,
      serviceEntry: n.serviceEntry,
      gateway,
      root: t.inEdges === 0 && t.outEdges > 0,
      outsideNamespaces: n.type !== "unknown" && n.namespace !== "" && !selected.has(n.namespace),
      idle: !t.active,
      missingSidecar,
      traffic: { in: t.in, out: t.out },
      health: { errorRatioIn: ratio(t.in), errorRatioOut: ratio(t.out) },
    });
  }
  return nodes;
}
