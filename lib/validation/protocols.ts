/**
 * Istio's protocol selection for Service ports (https://istio.io/latest/docs/ops/configuration/traffic-management/protocol-selection/,
 * `ConvertProtocol` in istio/istio pkg/config/kube/conversion.go): UDP ports are UDP; otherwise
 * `appProtocol` when set, else the port name, is read up to its first `-` (`http-web` → http;
 * `grpc-web…` is grpc-web), case-insensitively. Anything else is detected from the traffic.
 */
import type { Context } from "./context";
import type { ServicePort } from "./schemas/service";

/** The protocol names Istio reads from port names and appProtocol. */
export const ISTIO_PROTOCOLS = ["http", "http2", "https", "grpc", "grpc-web", "tcp", "tls", "mongo", "mysql", "redis", "udp"] as const;

/** Kubernetes' standard appProtocol values Istio maps (h2c to HTTP/2, WebSocket to HTTP, secure WebSocket to TLS). */
const KUBERNETES_APP_PROTOCOLS = ["kubernetes.io/h2c", "kubernetes.io/ws", "kubernetes.io/wss"];

/** The protocol Istio reads from a port name or appProtocol, or `undefined` when it reads none. */
export function declaredProtocol(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  if (KUBERNETES_APP_PROTOCOLS.includes(v)) return v;
  if (v.startsWith("grpc-web")) return "grpc-web";
  const prefix = v.split("-")[0] ?? "";
  return (ISTIO_PROTOCOLS as readonly string[]).includes(prefix) ? prefix : undefined;
}

/** True for UDP ports, which Istio treats as UDP whatever their name. */
export const isUdp = (p: ServicePort) => p.protocol?.toUpperCase() === "UDP";

const MESH_LABELS = (labels: Record<string, string>) =>
  labels["istio-injection"] === "enabled" || (labels["istio.io/rev"] !== undefined && labels["istio-injection"] !== "disabled") || labels["istio.io/dataplane-mode"] === "ambient";

/**
 * True when Services of `namespace` are in the mesh, so their port protocols matter: the namespace
 * is labelled for injection (or ambient), or runs a pod with a sidecar. When neither namespaces nor
 * pods are known, every namespace counts. The root namespace never does: its Services are Istio's own
 * (istiod, gateways with their `status-port`), whose names are Istio's business.
 */
export function inMesh(ctx: Context, namespace: string): boolean {
  if (namespace === ctx.options.rootNamespace) return false;
  if (ctx.input.namespaces === undefined && ctx.input.pods === undefined) return true;
  return MESH_LABELS(ctx.namespaces.get(namespace) ?? {}) || ctx.workloads.some((w) => w.namespace === namespace && w.sidecar);
}
