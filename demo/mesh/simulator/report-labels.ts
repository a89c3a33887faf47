/**
 * Peer label sets for reports, interned and memoised on the compiled mesh under short keys, so
 * recording a request does not rebuild (or re-key) 21 labels each time.
 */
import type { Workload } from "../model/workloads";
import type { InternedPeer } from "../telemetry/istio-metrics";
import { clientPeerLabels, endpointPeer, exchangedPeer, serverPeerLabels, type ServiceRef } from "../telemetry/peer-labels";
import type { Engine } from "./engine";

/** How a client proxy knows its upstream: metadata exchange, or the endpoint's EDS metadata. */
export interface UpstreamPeer {
  workload: Workload;
  via: "exchange" | "endpoint";
}

type Protocol = "http" | "grpc" | "tcp";

/** reporter="source" labels of `self`; `mtls` means the upstream connection is mTLS. */
export function clientLabels(e: Engine, self: Workload, peer: UpstreamPeer | undefined, service: ServiceRef | undefined, mtls: boolean, protocol: Protocol): InternedPeer {
  const key = `pc|${self.key}|${peer ? `${peer.via}|${peer.workload.key}` : "-"}|${service ? `${service.host}|${service.name}` : "-"}|${mtls ? 1 : 0}|${protocol}`;
  return e.index.cached(key, () =>
    e.metrics.intern(
      clientPeerLabels({
        self,
        peer: peer && (peer.via === "exchange" ? exchangedPeer(peer.workload) : endpointPeer(peer.workload)),
        peerSpiffe: mtls ? peer?.workload.spiffe : undefined,
        service,
        protocol,
      }),
    ),
  );
}

/** reporter="destination" labels of `self`; `peer` is the downstream when metadata was exchanged. */
export function serverLabels(e: Engine, self: Workload, peer: Workload | undefined, service: ServiceRef, mtls: boolean, protocol: Protocol): InternedPeer {
  const key = `ps|${self.key}|${peer?.key ?? "-"}|${service.host}|${service.name}|${mtls ? 1 : 0}|${protocol}`;
  return e.index.cached(key, () =>
    e.metrics.intern(serverPeerLabels({ self, peer: peer && exchangedPeer(peer), peerSpiffe: mtls ? peer?.spiffe : undefined, service, protocol })),
  );
}
