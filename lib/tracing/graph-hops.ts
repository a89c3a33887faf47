import type { Span, Trace } from "./model";
import { indexSpans } from "./summary";

/** One end of a hop, as the graph names nodes: namespace, app (canonical service), version, workload. */
export interface HopEndpoint {
  namespace: string;
  app?: string;
  version?: string;
  workload?: string;
}

/** A request from one workload to another in a trace, for highlighting the trace's path on the graph. */
export interface TraceHop {
  /** Null when the caller is outside the mesh (a server span with no client span above it). */
  source: HopEndpoint | null;
  /** The callee; `service` is the Kubernetes service called, from the client's `upstream_cluster`. */
  destination: HopEndpoint & { service?: string };
  /** How many times the trace made this hop. */
  count: number;
  error: boolean;
  /** The spans (client and/or server) that make up the hop. */
  spanIds: string[];
}

const tag = (s: Span, key: string): string | undefined => {
  const t = s.tags.find((x) => x.key === key);
  return t === undefined ? undefined : String(t.value);
};

/**
 * The workload of a pod from its name: Deployment pods are `<name>-<replicaset hash>-<5 chars>`,
 * StatefulSet pods `<name>-<ordinal>`, DaemonSet and Job pods `<name>-<5 chars>`.
 */
export function workloadOfPod(pod: string): string {
  const m = /^(.+)-[a-z0-9]{6,10}-[a-z0-9]{5}$/.exec(pod) ?? /^(.+)-[0-9]+$/.exec(pod) ?? /^(.+)-[a-z0-9]{5}$/.exec(pod);
  return m?.[1] ?? pod;
}

/**
 * Envoy's `node_id`, `sidecar~10.1.0.12~productpage-v1-6b746f74dc-9stvs.bookinfo~bookinfo.svc.cluster.local`
 * (`router~…` for gateways): the pod and namespace of the proxy.
 */
export function parseNodeId(nodeId: string): { pod: string; namespace: string } | undefined {
  const parts = nodeId.split("~");
  const podDotNs = parts[2];
  if (parts.length !== 4 || !podDotNs) return undefined;
  const dot = podDotNs.lastIndexOf(".");
  if (dot <= 0) return undefined;
  return { pod: podDotNs.slice(0, dot), namespace: podDotNs.slice(dot + 1) };
}

/**
 * Istio's cluster names: `outbound|9080|v2|reviews.bookinfo.svc.cluster.local` (direction, port, subset,
 * host). The service (short name) and namespace come from the host when it is a cluster-local name.
 */
export function parseUpstreamCluster(cluster: string): { direction: string; subset?: string; service?: string; namespace?: string } | undefined {
  const [direction, , subset, host] = cluster.split("|");
  if (!direction || host === undefined) return undefined;
  const labels = host.split(".");
  const local = labels.length >= 3 && labels[2] === "svc";
  return {
    direction,
    ...(subset ? { subset } : {}),
    // A cluster-local host names a Kubernetes service; any other (a ServiceEntry host) stays whole.
    ...(host ? { service: local ? labels[0] : host } : {}),
    ...(local ? { namespace: labels[1] } : {}),
  };
}

/** Where a span's proxy runs, from Istio's tags, `node_id`, and failing those the `<service>.<namespace>` name. */
export function spanEndpoint(s: Span): HopEndpoint | undefined {
  const node = parseNodeId(tag(s, "node_id") ?? "");
  const dot = s.service.lastIndexOf(".");
  const namespace = tag(s, "istio.namespace") ?? node?.namespace ?? (dot > 0 ? s.service.slice(dot + 1) : undefined);
  if (!namespace) return undefined;
  const app = tag(s, "istio.canonical_service") ?? (dot > 0 ? s.service.slice(0, dot) : undefined);
  const version = tag(s, "istio.canonical_revision");
  const out: HopEndpoint = { namespace };
  if (app) out.app = app;
  if (version && version !== "latest") out.version = version;
  if (node) out.workload = workloadOfPod(node.pod);
  return out;
}

/**
 * The hops of a trace in the order they were first made, using Istio's span model: each proxy hop is a
 * client span (the caller's sidecar or gateway) whose child is the callee's server span. A client span
 * with no server span below (the callee has no sidecar, or did not answer) still gives a hop, to the
 * service its `upstream_cluster` names; a server span with no client above gives a hop from its parent's
 * workload, or at the root from outside the mesh (`source: null`). Identical hops are merged and counted.
 */
export function traceHops(trace: Trace): TraceHop[] {
  const { byId, childrenOf } = indexSpans(trace);
  const hops = new Map<string, TraceHop>();
  const add = (source: HopEndpoint | null, destination: TraceHop["destination"], spans: Span[]) => {
    const key = JSON.stringify([source, destination]);
    const hop = hops.get(key) ?? { source, destination, count: 0, error: false, spanIds: [] };
    hop.count += 1;
    hop.error ||= spans.some((s) => s.error);
    hop.spanIds.push(...spans.map((s) => s.spanId));
    hops.set(key, hop);
  };
  for (const s of trace.spans) {
    if (s.kind === "client") {
      const source = spanEndpoint(s) ?? null;
      const cluster = parseUpstreamCluster(tag(s, "upstream_cluster") ?? "");
      const servers = childrenOf(s.spanId).filter((c) => c.kind === "server" && !c.orphan);
      const service = cluster?.service ? { service: cluster.service } : {};
      if (servers.length === 0) {
        if (cluster?.namespace) add(source, { namespace: cluster.namespace, ...service }, [s]);
        continue;
      }
      for (const server of servers) {
        const dest = spanEndpoint(server);
        if (dest) add(source, { ...dest, ...service }, [s, server]);
      }
    } else if (s.kind === "server") {
      const parent = s.parentId !== undefined && !s.orphan ? byId.get(s.parentId) : undefined;
      if (parent?.kind === "client") continue;
      const dest = spanEndpoint(s);
      // Without a client span, the caller is the parent's workload, or outside the mesh at the root.
      if (dest) add(parent ? (spanEndpoint(parent) ?? null) : null, dest, [s]);
    }
  }
  return [...hops.values()];
}

/** The namespaces a trace's hops touch, sorted. */
export function traceNamespaces(hops: readonly TraceHop[]): string[] {
  const ns = new Set<string>();
  for (const h of hops) {
    if (h.source) ns.add(h.source.namespace);
    ns.add(h.destination.namespace);
  }
  return [...ns].sort();
}

/**
 * The graph link of a trace: `/graph?namespaces=a,b&trace=<id>`, with the namespaces its hops touch, so
 * that the graph page can load them and highlight the trace's path (from {@link traceHops}).
 */
export function traceGraphHref(trace: Trace, extra?: URLSearchParams): string {
  const q = new URLSearchParams(extra);
  const namespaces = traceNamespaces(traceHops(trace));
  if (namespaces.length > 0) q.set("namespaces", namespaces.join(","));
  else q.delete("namespaces");
  q.set("trace", trace.traceId);
  // Commas are legal in a query and keep the link readable.
  return `/graph?${q.toString().replace(/%2C/g, ",")}`;
}
