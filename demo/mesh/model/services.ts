/**
 * The service registry a sidecar sees: Kubernetes Services (with the workloads they select) and
 * ServiceEntry hosts, keyed by FQDN.
 */
import type { KubeObject } from "../../contracts";
import { readProfile, type SimProfile } from "../profile";
import { CLUSTER_SUFFIX } from "./names";
import { selectorMatches, type Workload } from "./workloads";

/** The protocol Istio selects for a port, as reported in `request_protocol` (http/grpc/tcp). */
export type PortProtocol = "http" | "grpc" | "tcp";

export interface ServicePort {
  name: string;
  port: number;
  targetPort: number;
  protocol: PortProtocol;
}

export interface ServiceInfo {
  /** FQDN, e.g. `reviews.bookinfo.svc.cluster.local` or `api.payments.example.com`. */
  host: string;
  /** `destination_service_name`: the Service name, or the host for a ServiceEntry. */
  name: string;
  namespace: string;
  kind: "kubernetes" | "serviceentry";
  ports: ServicePort[];
  /** Workloads behind the service (Kubernetes selector; empty for external entries). */
  workloads: Workload[];
  /** A MESH_EXTERNAL ServiceEntry: the endpoints are outside the mesh. */
  external: boolean;
  /** Behaviour of an external service (from the ServiceEntry's profile annotation). */
  profile: SimProfile;
  /** The address clients connect to (Service clusterIP; a stable stand-in when unassigned). */
  vip: string;
}

function stableVip(key: string, prefix: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h >>>= 0;
  return `${prefix}.${(h >>> 8) & 0xff}.${(h & 0xfe) + 1}`;
}

/** Istio's protocol selection by port name prefix (`http-…`, `grpc`, `tcp-postgres`) or appProtocol. */
export function protocolFromName(name: string | undefined, appProtocol?: string): PortProtocol {
  const p = (appProtocol ?? name ?? "").toLowerCase().split("-")[0] ?? "";
  if (p === "grpc") return "grpc";
  if (p === "http" || p === "http2") return "http";
  if (p === "tcp" || p === "https" || p === "tls" || p === "mongo" || p === "mysql" || p === "redis") return "tcp";
  // Unnamed ports are sniffed; the demo's applications all speak HTTP on them.
  return "http";
}

interface K8sServiceSpec {
  clusterIP?: string;
  selector?: Record<string, string>;
  ports?: Array<{ name?: string; port?: number; targetPort?: number | string; appProtocol?: string }>;
}

interface ServiceEntrySpec {
  hosts?: string[];
  location?: string;
  ports?: Array<{ number?: number; name?: string; protocol?: string; targetPort?: number }>;
}

/** Builds the registry from Services and ServiceEntries. */
export function buildServices(
  services: readonly KubeObject[],
  serviceEntries: readonly KubeObject[],
  workloads: readonly Workload[],
): Map<string, ServiceInfo> {
  const out = new Map<string, ServiceInfo>();
  for (const s of services) {
    const ns = s.metadata.namespace ?? "default";
    const spec = (s.spec ?? {}) as K8sServiceSpec;
    const host = `${s.metadata.name}.${ns}.${CLUSTER_SUFFIX}`;
    const ports = (spec.ports ?? []).flatMap((p): ServicePort[] =>
      typeof p.port === "number"
        ? [{ name: p.name ?? "", port: p.port, targetPort: typeof p.targetPort === "number" ? p.targetPort : p.port, protocol: protocolFromName(p.name, p.appProtocol) }]
        : [],
    );
    const selected = spec.selector ? workloads.filter((w) => w.namespace === ns && selectorMatches(spec.selector, w.labels)) : [];
    out.set(host, { host, name: s.metadata.name, namespace: ns, kind: "kubernetes", ports, workloads: selected, external: false, profile: {}, vip: spec.clusterIP && spec.clusterIP !== "None" ? spec.clusterIP : stableVip(host, "10.96") });
  }
  for (const se of serviceEntries) {
    const ns = se.metadata.namespace ?? "default";
    const spec = (se.spec ?? {}) as ServiceEntrySpec;
    const ports = (spec.ports ?? []).flatMap((p): ServicePort[] =>
      typeof p.number === "number"
        ? [{ name: p.name ?? "", port: p.number, targetPort: p.targetPort ?? p.number, protocol: protocolFromName(p.protocol ?? p.name) }]
        : [],
    );
    for (const h of spec.hosts ?? []) {
      const host = h.toLowerCase();
      if (out.has(host)) continue;
      out.set(host, {
        host,
        name: host,
        namespace: ns,
        kind: "serviceentry",
        ports,
        workloads: [],
        external: spec.location !== "MESH_INTERNAL",
        profile: readProfile(se),
        vip: stableVip(host, "203.0"),
      });
    }
  }
  return out;
}
