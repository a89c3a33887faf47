/**
 * Node identity: which node a request's source or destination becomes, for each graph type. Node ids
 * are stable strings (`app:bookinfo:reviews:v2`, `service:bookinfo:reviews`, `unknown`) so that the
 * client can keep positions across refreshes.
 */
import type { GraphType } from "./options";
import type { InventoryIndex } from "./inventory";
import type { NodeType } from "./schema";
import type { DestinationEnd, SourceEnd } from "./telemetry";

/** A node as the builder first meets it; attributes are merged as more telemetry mentions it. */
export interface NodeRef {
  id: string;
  type: NodeType;
  namespace: string;
  cluster?: string;
  app?: string;
  version?: string;
  workload?: string;
  service?: string;
  serviceEntry?: { name: string; external: boolean };
}

/** Envoy's catch-all clusters for traffic to hosts it does not know. */
const CATCH_ALL = new Set(["PassthroughCluster", "BlackHoleCluster", "InboundPassthroughClusterIpv4", "InboundPassthroughClusterIpv6"]);

/** The single node standing for callers outside the mesh (telemetry says `source_workload="unknown"`). */
export const UNKNOWN_NODE: NodeRef = { id: "unknown", type: "unknown", namespace: "" };

/** A workload node. */
export function workloadNode(namespace: string, workload: string, end: Partial<SourceEnd> = {}): NodeRef {
  return { id: `workload:${namespace}:${workload}`, type: "workload", namespace, workload, app: end.app, version: end.version, cluster: end.cluster };
}

/** An app node (with a version for the versionedApp graph). */
export function appNode(namespace: string, app: string, version?: string, end: Partial<SourceEnd> = {}): NodeRef {
  const id = version ? `app:${namespace}:${app}:${version}` : `app:${namespace}:${app}`;
  return { id, type: "app", namespace, app, version, workload: end.workload, cluster: end.cluster };
}

/** A Kubernetes service node. */
export function serviceNode(namespace: string, name: string, cluster?: string): NodeRef {
  return { id: `service:${namespace}:${name}`, type: "service", namespace, service: name, cluster };
}

/**
 * The node for a known workload under a graph type: app graphs use the app (and version) when the
 * workload has an app label and fall back to the workload otherwise, like Kiali. The service graph
 * resolves services elsewhere; here it yields the workload.
 */
export function endpointNode(end: SourceEnd, graphType: GraphType): NodeRef {
  const { namespace, workload } = end;
  if (!namespace || !workload) return UNKNOWN_NODE;
  if ((graphType === "app" || graphType === "versionedApp") && end.app) {
    return appNode(namespace, end.app, graphType === "versionedApp" ? end.version : undefined, end);
  }
  return workloadNode(namespace, workload, end);
}

/** The service a destination was reached through, when telemetry names a real one. */
export function destinationService(d: DestinationEnd): NodeRef | undefined {
  if (!d.serviceNamespace || !d.serviceName || CATCH_ALL.has(d.serviceName)) return undefined;
  return serviceNode(d.serviceNamespace, d.serviceName, d.cluster);
}

/**
 * The node for a destination without a known workload: a ServiceEntry host, a Kubernetes service
 * (without endpoints the proxy knew), Envoy's catch-all clusters, or an undeclared external host.
 */
export function hostNode(d: DestinationEnd, index: InventoryIndex): NodeRef {
  const name = d.serviceName ?? d.serviceHost;
  if (!name) return { id: "external:unknown", type: "external", namespace: "", service: "unknown" };
  if (CATCH_ALL.has(name)) return { id: `external:${name}`, type: "external", namespace: "", service: name };
  const host = d.serviceHost ?? name;
  const se = index.serviceEntry(host, d.serviceNamespace) ?? index.serviceEntry(name, d.serviceNamespace);
  if (se) {
    return {
      id: `serviceEntry:${se.namespace}:${host}`,
      type: "serviceEntry",
      namespace: se.namespace,
      service: host,
      serviceEntry: { name: se.name, external: se.external },
    };
  }
  const ns = d.serviceNamespace;
  if (ns && (index.service(ns, name) || host.includes(`.${ns}.svc`))) return serviceNode(ns, name, d.cluster);
  return { id: `external:${host}`, type: "external", namespace: ns ?? "", service: host };
}

/** `ingress`/`egress` for Istio gateway workloads: by their `istio` label, else by their name. */
export function gatewayKind(labels: Record<string, string> | undefined, names: ReadonlyArray<string | undefined>): "ingress" | "egress" | undefined {
  const label = labels?.istio;
  if (label === "ingressgateway") return "ingress";
  if (label === "egressgateway") return "egress";
  if (labels) return undefined;
  for (const n of names) {
    if (n && /ingress-?gateway/.test(n)) return "ingress";
    if (n && /egress-?gateway/.test(n)) return "egress";
  }
  return undefined;
}
