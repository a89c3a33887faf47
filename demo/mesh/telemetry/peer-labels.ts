/**
 * Label sets for one report, in Istio's order, filled the way Istio's stats filter fills them
 * (istio/proxy source/extensions/filters/http/istio_stats/istio_stats.cc, `populatePeerInfo`):
 * - a proxy reports its own workload from its node metadata (raw `app`/`version` labels);
 * - the peer comes from metadata exchange (HTTP headers between two proxies; for TCP only over
 *   mTLS), or — on the client side only — from the endpoint's telemetry metadata in EDS, which
 *   lacks app and version; otherwise `unknown` (canonical revision: `latest`);
 * - principals are the certificate SANs, so they are `unknown` without mTLS;
 * - the client side's `destination_service_namespace` is the peer's namespace;
 * - `connection_security_policy` is only known on the server side (`unknown` for reporter=source).
 */
import { CLUSTER_ID, namespaceOfPrincipal } from "../model/names";
import type { Workload } from "../model/workloads";
import type { PeerLabels } from "./istio-metrics";

/** What one proxy knows about the other end. */
export interface PeerMeta {
  workload: string;
  namespace: string;
  canonicalService: string;
  canonicalRevision: string;
  /** Absent when learnt from endpoint metadata. */
  app?: string;
  version?: string;
}

/** The service a request was addressed to, from the cluster's metadata. */
export interface ServiceRef {
  host: string;
  name: string;
}

/** Peer metadata as exchanged between two proxies. */
export function exchangedPeer(w: Workload): PeerMeta {
  return {
    workload: w.name,
    namespace: w.namespace,
    canonicalService: w.canonicalService,
    canonicalRevision: w.canonicalRevision,
    app: w.app,
    version: w.version,
  };
}

/** Peer metadata from EDS endpoint metadata (`workload;namespace;canonical;revision;cluster`). */
export function endpointPeer(w: Workload): PeerMeta {
  return { workload: w.name, namespace: w.namespace, canonicalService: w.canonicalService, canonicalRevision: w.canonicalRevision };
}

const U = "unknown";
const or = (v: string | undefined, fallback: string): string => (v ? v : fallback);

export interface ClientReport {
  /** The reporting client proxy's workload (sidecar or gateway). */
  self: Workload;
  /** The upstream, when known (see module doc). */
  peer?: PeerMeta;
  service?: ServiceRef;
  /** The server's SPIFFE id when the upstream connection is mTLS. */
  peerSpiffe?: string;
  protocol: "http" | "grpc" | "tcp";
}

/** reporter="source": the client proxy's view. */
export function clientPeerLabels(r: ClientReport): PeerLabels {
  const peerNs = (r.peerSpiffe && namespaceOfPrincipal(r.peerSpiffe)) || r.peer?.namespace;
  return {
    reporter: "source",
    source_workload: r.self.name,
    source_canonical_service: r.self.canonicalService,
    source_canonical_revision: r.self.canonicalRevision,
    source_workload_namespace: r.self.namespace,
    source_principal: r.peerSpiffe ? r.self.spiffe : U,
    source_app: r.self.app,
    source_version: r.self.version,
    source_cluster: CLUSTER_ID,
    destination_workload: or(r.peer?.workload, U),
    destination_workload_namespace: or(peerNs, U),
    destination_principal: r.peerSpiffe ?? U,
    destination_app: or(r.peer?.app, U),
    destination_version: or(r.peer?.version, U),
    destination_service: or(r.service?.host, U),
    destination_canonical_service: or(r.peer?.canonicalService, U),
    destination_canonical_revision: or(r.peer?.canonicalRevision, "latest"),
    destination_service_name: or(r.service?.name, U),
    destination_service_namespace: or(peerNs, U),
    destination_cluster: r.peer ? CLUSTER_ID : U,
    request_protocol: r.protocol,
  };
}

export interface ServerReport {
  /** The reporting server sidecar's workload. */
  self: Workload;
  /** The downstream, when metadata was exchanged. */
  peer?: PeerMeta;
  service?: ServiceRef;
  /** The client's SPIFFE id when the connection is mTLS. */
  peerSpiffe?: string;
  protocol: "http" | "grpc" | "tcp";
}

/** reporter="destination": the server sidecar's view. */
export function serverPeerLabels(r: ServerReport): PeerLabels {
  const peerNs = (r.peerSpiffe && namespaceOfPrincipal(r.peerSpiffe)) || r.peer?.namespace;
  return {
    reporter: "destination",
    source_workload: or(r.peer?.workload, U),
    source_canonical_service: or(r.peer?.canonicalService, U),
    source_canonical_revision: or(r.peer?.canonicalRevision, "latest"),
    source_workload_namespace: or(peerNs, U),
    source_principal: r.peerSpiffe ?? U,
    source_app: or(r.peer?.app, U),
    source_version: or(r.peer?.version, U),
    source_cluster: r.peer ? CLUSTER_ID : U,
    destination_workload: r.self.name,
    destination_workload_namespace: r.self.namespace,
    destination_principal: r.peerSpiffe ? r.self.spiffe : U,
    destination_app: r.self.app,
    destination_version: r.self.version,
    destination_service: or(r.service?.host, r.self.canonicalService),
    destination_canonical_service: r.self.canonicalService,
    destination_canonical_revision: r.self.canonicalRevision,
    destination_service_name: or(r.service?.name, r.self.canonicalService),
    destination_service_namespace: r.self.namespace,
    destination_cluster: CLUSTER_ID,
    request_protocol: r.protocol,
  };
}
