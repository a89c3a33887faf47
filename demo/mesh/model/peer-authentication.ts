/**
 * PeerAuthentication resolution and Istio's mTLS decision for one connection.
 * https://istio.io/latest/docs/reference/config/security/peer_authentication/
 */
import type { KubeObject } from "../../contracts";
import { ROOT_NAMESPACE } from "./names";
import { selectorMatches, type ProxyKind, type Workload } from "./workloads";

export type MtlsMode = "STRICT" | "PERMISSIVE" | "DISABLE";

export interface CompiledPeerAuthentication {
  namespace: string;
  selector?: Record<string, string>;
  /** Undefined for UNSET (inherit). */
  mode?: MtlsMode;
  portModes: Map<number, MtlsMode>;
  created: string;
}

function mode(raw: unknown): MtlsMode | undefined {
  return raw === "STRICT" || raw === "PERMISSIVE" || raw === "DISABLE" ? raw : undefined;
}

/** Compiles a PeerAuthentication (UNSET modes become undefined: inherit). */
export function compilePeerAuthentication(pa: KubeObject): CompiledPeerAuthentication {
  const spec = (pa.spec ?? {}) as {
    selector?: { matchLabels?: Record<string, string> };
    mtls?: { mode?: string };
    portLevelMtls?: Record<string, { mode?: string }>;
  };
  const portModes = new Map<number, MtlsMode>();
  for (const [port, v] of Object.entries(spec.portLevelMtls ?? {})) {
    const m = mode(v.mode);
    if (m) portModes.set(Number(port), m);
  }
  const selector = spec.selector?.matchLabels;
  return {
    namespace: pa.metadata.namespace ?? "default",
    selector: selector && Object.keys(selector).length > 0 ? selector : undefined,
    mode: mode(spec.mtls?.mode),
    portModes,
    created: String(pa.metadata.creationTimestamp ?? ""),
  };
}

/**
 * The effective mode for a workload's port: workload-selector policy (port-level first), then the
 * namespace policy, then the mesh-wide policy in the root namespace; PERMISSIVE by default.
 */
export function effectiveMtlsMode(
  policies: readonly CompiledPeerAuthentication[],
  workload: Pick<Workload, "namespace" | "labels">,
  targetPort: number,
): MtlsMode {
  const byAge = (a: CompiledPeerAuthentication, b: CompiledPeerAuthentication): number => a.created.localeCompare(b.created);
  const workloadLevel = policies
    .filter((p) => p.namespace === workload.namespace && p.selector && selectorMatches(p.selector, workload.labels))
    .sort(byAge)[0];
  const nsLevel = policies.filter((p) => p.namespace === workload.namespace && !p.selector).sort(byAge)[0];
  const meshLevel = policies.filter((p) => p.namespace === ROOT_NAMESPACE && !p.selector).sort(byAge)[0];
  return workloadLevel?.portModes.get(targetPort) ?? workloadLevel?.mode ?? nsLevel?.mode ?? meshLevel?.mode ?? "PERMISSIVE";
}

/** How a connection between a client and a server proxy is secured (or why it fails). */
export type TransportDecision =
  | { kind: "mtls" }
  | { kind: "plaintext" }
  /** The server's STRICT listener resets a plaintext connection (Envoy `UC` on a client proxy). */
  | { kind: "rejected-plaintext" }
  /** The client insisted on ISTIO_MUTUAL towards a server that cannot terminate it (`UF`). */
  | { kind: "tls-failure" };

/**
 * Istio's decision, auto mTLS included: a client proxy sends mTLS when the server has a sidecar and
 * its PeerAuthentication is not DISABLE, unless the client's DestinationRule says otherwise.
 */
export function decideTransport(client: ProxyKind, server: ProxyKind, serverMode: MtlsMode, drTlsMode: string | undefined): TransportDecision {
  const serverHasProxy = server !== "none";
  if (client === "none" || (drTlsMode !== undefined && drTlsMode !== "ISTIO_MUTUAL")) {
    // Plaintext from Istio's point of view (DISABLE, or application-level SIMPLE/MUTUAL TLS).
    return serverHasProxy && serverMode === "STRICT" ? { kind: "rejected-plaintext" } : { kind: "plaintext" };
  }
  if (drTlsMode === "ISTIO_MUTUAL") {
    return serverHasProxy && serverMode !== "DISABLE" ? { kind: "mtls" } : { kind: "tls-failure" };
  }
  return serverHasProxy && serverMode !== "DISABLE" ? { kind: "mtls" } : { kind: "plaintext" };
}
