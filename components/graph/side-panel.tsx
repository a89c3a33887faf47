"use client";

import Link from "next/link";
import type { GraphEdge, GraphNode, TrafficTotals } from "@/lib/graph/schema";
import { WizardMenu } from "@/components/wizards/wizard-menu";
import { nodeTitle, type GraphModel } from "@/lib/graph-view/elements";
import { formatBytesRate, formatMs, formatRatio, formatRps } from "@/lib/graph-view/format";
import { nodeSummary } from "@/lib/graph-view/summary";
import { wizardTargetOf } from "@/lib/graph-view/wizard-target";
import { Facts, EdgeList, HealthLine, Principals, edgeRate } from "./details-parts";
import { ElementCharts } from "./element-charts";

const TYPE_TEXT: Record<GraphNode["type"], string> = {
  app: "App",
  workload: "Workload",
  service: "Service",
  serviceEntry: "Service entry",
  external: "External host",
  unknown: "Unknown (outside the mesh)",
};

function traffic(t: TrafficTotals): string {
  const parts = [];
  if (t.http > 0) parts.push(`HTTP ${formatRps(t.http)}`);
  if (t.grpc > 0) parts.push(`gRPC ${formatRps(t.grpc)}`);
  if (t.errors > 0) parts.push(`errors ${formatRps(t.errors)}`);
  if (t.tcp > 0) parts.push(`TCP ${formatBytesRate(t.tcp)}`);
  return parts.length ? parts.join(" · ") : "none";
}

/** A node's detail page: its app, workload or service page, else its namespace's workloads. */
export function detailHref(n: GraphNode): string | undefined {
  if (!n.namespace) return undefined;
  const ns = encodeURIComponent(n.namespace);
  if (n.type === "app" && n.app) return `/applications/${ns}/${encodeURIComponent(n.app)}`;
  if (n.type === "workload" && n.workload) return `/workloads/${ns}/${encodeURIComponent(n.workload)}`;
  if (n.type === "service" && n.service) return `/services/${ns}/${encodeURIComponent(n.service)}`;
  return `/workloads?namespaces=${ns}`;
}

/** Where a node's traces are: its app (or workload, or service) in its namespace. */
export function tracesHref(n: GraphNode): string | undefined {
  const name = n.app ?? n.workload ?? (n.type === "service" ? n.service : undefined);
  return name && n.namespace ? `/traces?service=${encodeURIComponent(`${name}.${n.namespace}`)}` : undefined;
}

function NodeLinks({ node, focused, onFocus }: { node: GraphNode; focused: boolean; onFocus: (id: string | null) => void }) {
  const traces = tracesHref(node);
  const details = detailHref(node);
  return (
    <div className="flex flex-wrap gap-3 text-sm">
      {details && (
        <Link className="text-blue-700 hover:underline" href={details}>
          Details
        </Link>
      )}
      {traces && (
        <Link className="text-blue-700 hover:underline" href={traces}>
          Traces
        </Link>
      )}
      <button type="button" className="text-blue-700 hover:underline" onClick={() => onFocus(focused ? null : node.id)}>
        {focused ? "Show whole graph" : "Focus on this node"}
      </button>
    </div>
  );
}

function NodeDetails({ node, model, window, refetchInterval, focused, onFocus, onSelect }: PanelProps & { node: GraphNode }) {
  const s = nodeSummary(node.id, model.edges.values());
  return (
    <>
      <HealthLine health={model.health.get(node.id)} />
      <NodeLinks node={node} focused={focused} onFocus={onFocus} />
      <Facts
        rows={[
          ["Type", `${TYPE_TEXT[node.type]}${node.gateway ? ` (${node.gateway} gateway)` : ""}${node.root ? ", traffic source" : ""}`],
          node.namespace ? ["Namespace", node.namespace] : undefined,
          node.version ? ["Version", node.version] : undefined,
          node.workloads && node.workloads.length > 0 ? ["Workloads", node.workloads.join(", ")] : undefined,
          ["Inbound", traffic(node.traffic.in)],
          ["Outbound", traffic(node.traffic.out)],
          ["Error ratio in", formatRatio(node.health.errorRatioIn)],
          ["Error ratio out", formatRatio(node.health.errorRatioOut)],
          ["mTLS (inbound)", s.mtlsShareIn === null ? "unknown" : formatRatio(s.mtlsShareIn)],
          ["Principals", <Principals key="p" list={s.principals} />],
          node.missingSidecar ? ["Sidecar", <span key="s" className="text-amber-700">missing</span>] : undefined,
          node.idle ? ["Traffic", "idle in the window"] : undefined,
          node.outsideNamespaces ? ["Note", "namespace not selected"] : undefined,
        ]}
      />
      <ChangeTraffic node={node} />
      <EdgeList title="Callers" edges={s.callers} nodes={model.nodes} other={(e) => e.source} onSelect={onSelect} />
      <EdgeList title="Calls" edges={s.callees} nodes={model.nodes} other={(e) => e.target} onSelect={onSelect} />
      <ElementCharts request={{ node: node.id, window }} refetchInterval={refetchInterval} />
    </>
  );
}

/** The traffic wizards for the node (its service, its app as a service, or its workload). */
function ChangeTraffic({ node }: { node: GraphNode }) {
  const target = wizardTargetOf(node);
  if (!target) return null;
  return (
    <section aria-labelledby="graph-change-traffic" data-testid="graph-change-traffic">
      <h3 id="graph-change-traffic" className="text-sm font-semibold text-slate-700">
        Change traffic
      </h3>
      <WizardMenu namespace={target.namespace} service={target.service} workload={target.workload} />
    </section>
  );
}

function codes(r: Record<string, number>): string {
  const entries = Object.entries(r).sort((a, b) => b[1] - a[1]);
  return entries.length ? entries.map(([k, v]) => `${k}: ${formatRps(v)}`).join(", ") : "none";
}

function EdgeDetails({ edge, model, window, refetchInterval }: PanelProps & { edge: GraphEdge }) {
  const l = edge.latency;
  const requests = edge.protocol !== "tcp";
  return (
    <>
      <HealthLine health={model.health.get(edge.id)} />
      <Facts
        rows={[
          ["Protocol", edge.protocol.toUpperCase()],
          ["Rate", edgeRate(edge)],
          requests && ["Errors", `${formatRps(edge.errorRate)} (${formatRatio(edge.errorRatio)})`],
          requests && ["Responses", codes(edge.responses)],
          edge.grpcStatuses && ["gRPC statuses", codes(edge.grpcStatuses)],
          Object.keys(edge.flags).length > 0 && ["Response flags", codes(edge.flags)],
          l && ["Latency", `avg ${formatMs(l.avg)} · p50 ${formatMs(l.p50)} · p95 ${formatMs(l.p95)} · p99 ${formatMs(l.p99)}`],
          edge.throughput && ["Throughput", `request ${formatBytesRate(edge.throughput.request)} · response ${formatBytesRate(edge.throughput.response)}`],
          edge.tcp && ["TCP", `sent ${formatBytesRate(edge.tcp.sent)} · received ${formatBytesRate(edge.tcp.received)}`],
          ["mTLS", edge.mtlsShare === null ? "unknown (only the caller reported)" : formatRatio(edge.mtlsShare)],
          ["Source principals", <Principals key="s" list={edge.principals.source} />],
          ["Destination principals", <Principals key="d" list={edge.principals.destination} />],
          ["Reported by", `destination ${edgeRateValue(edge, edge.reporters.destination)} · source ${edgeRateValue(edge, edge.reporters.source)}`],
        ]}
      />
      <ElementCharts
        request={{ source: edge.source, target: edge.target, protocol: edge.protocol, window }}
        refetchInterval={refetchInterval}
        tcp={edge.protocol === "tcp"}
      />
    </>
  );
}

function edgeRateValue(e: GraphEdge, v: number): string {
  return e.protocol === "tcp" ? formatBytesRate(v) : formatRps(v);
}

interface PanelProps {
  model: GraphModel;
  window: string;
  refetchInterval: number | false;
  focused: boolean;
  onFocus: (id: string | null) => void;
  onSelect: (id: string | null) => void;
}

/** The panel of the selected node or edge: its numbers, links and charts. */
export function SidePanel(props: PanelProps & { selected: string }) {
  const { model, selected, onSelect } = props;
  const node = model.nodes.get(selected);
  const edge = node ? undefined : model.edges.get(selected);
  const title = node
    ? nodeTitle(node)
    : edge
      ? `${titleOf(model, edge.source)} → ${titleOf(model, edge.target)}`
      : "Not in the graph";
  return (
    <aside aria-label={`Details: ${title}`} data-testid="graph-side-panel" className="flex h-full w-96 shrink-0 flex-col gap-3 overflow-y-auto border-l border-slate-200 bg-white p-4">
      <header className="flex items-start justify-between gap-2">
        <div>
          <p className="text-xs uppercase tracking-wide text-slate-500">{node ? "Node" : edge ? "Edge" : ""}</p>
          <h2 className="break-words text-lg font-semibold">{title}</h2>
        </div>
        <button type="button" aria-label="Close details" className="text-lg text-slate-500 hover:text-slate-900" onClick={() => onSelect(null)}>
          ×
        </button>
      </header>
      {node && <NodeDetails {...props} node={node} />}
      {edge && <EdgeDetails {...props} edge={edge} />}
      {!node && !edge && <p className="text-sm text-slate-500">The selected element is not in this graph (any more).</p>}
    </aside>
  );
}

function titleOf(model: GraphModel, id: string): string {
  const n = model.nodes.get(id);
  return n ? nodeTitle(n) : id;
}

