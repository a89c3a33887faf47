/**
 * Builders for the plain Kubernetes JSON the demo cluster is seeded with. They produce what an
 * operator would `kubectl apply` (Deployments already carrying the injected `istio-proxy`, as
 * istio's webhook would leave them), not what the API server adds (uids, status, pods).
 */
import type { KubeObject } from "../../contracts";
import { profileAnnotation, type SimProfile } from "../profile";

/** The Istio release the seeded proxies claim to run. */
export const ISTIO_VERSION = "1.24.2";
const PROXY_IMAGE = `docker.io/istio/proxyv2:${ISTIO_VERSION}`;

/** A namespace; `injected` adds the `istio-injection: enabled` label. */
export function namespace(name: string, injected: boolean, extraLabels: Record<string, string> = {}): KubeObject {
  const labels: Record<string, string> = { "kubernetes.io/metadata.name": name, ...extraLabels };
  if (injected) labels["istio-injection"] = "enabled";
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, labels }, spec: {} };
}

/** A ServiceAccount (labelled `account: <name>` like Bookinfo's). */
export function serviceAccount(namespace: string, name: string, account?: string): KubeObject {
  return {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: { name, namespace, labels: account ? { account } : {} },
  };
}

export interface PortSpec {
  /** Istio protocol-selecting name: `http`, `grpc`, `tcp-postgres`, `http2`, … */
  name: string;
  port: number;
  targetPort?: number;
}

/** A Service selecting `selector`, with named ports (targetPort defaults to the port). */
export function service(
  namespace: string,
  name: string,
  selector: Record<string, string>,
  ports: PortSpec[],
  extra: { type?: string; labels?: Record<string, string> } = {},
): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace, labels: { app: name, service: name, ...extra.labels } },
    spec: {
      type: extra.type ?? "ClusterIP",
      selector,
      ports: ports.map((p) => ({ name: p.name, port: p.port, targetPort: p.targetPort ?? p.port, protocol: "TCP" })),
    },
  };
}

export interface WorkloadSpec {
  namespace: string;
  /** Deployment name; defaults to `<app>-<version>` (or `<app>` without a version). */
  name?: string;
  app: string;
  version?: string;
  serviceAccount: string;
  /** Whether the pod carries an injected `istio-proxy` sidecar. */
  sidecar: boolean;
  containerPort?: number;
  image?: string;
  replicas?: number;
  profile?: SimProfile;
  /** Extra pod-template labels (e.g. `istio: ingressgateway`). */
  labels?: Record<string, string>;
  /** The pod is a gateway: its `istio-proxy` runs as a router and is the only container. */
  gateway?: boolean;
}

/** The Deployment name a {@link WorkloadSpec} yields. */
export function workloadName(spec: WorkloadSpec): string {
  return spec.name ?? (spec.version ? `${spec.app}-${spec.version}` : spec.app);
}

function proxyContainer(gateway: boolean): Record<string, unknown> {
  return {
    name: "istio-proxy",
    image: PROXY_IMAGE,
    args: gateway
      ? ["proxy", "router", "--domain", "$(POD_NAMESPACE).svc.cluster.local", "--proxyLogLevel=warning", "--log_output_level=default:info"]
      : ["proxy", "sidecar", "--domain", "$(POD_NAMESPACE).svc.cluster.local", "--proxyLogLevel=warning", "--log_output_level=default:info"],
    ports: [
      { containerPort: 15090, name: "http-envoy-prom", protocol: "TCP" },
      ...(gateway ? [{ containerPort: 8080, protocol: "TCP" }, { containerPort: 8443, protocol: "TCP" }] : []),
    ],
    resources: { requests: { cpu: "10m", memory: "40Mi" }, limits: { cpu: "2", memory: "1Gi" } },
  };
}

const SIDECAR_STATUS = JSON.stringify({
  initContainers: ["istio-init"],
  containers: ["istio-proxy"],
  volumes: ["workload-socket", "credential-socket", "workload-certs", "istio-envoy", "istio-data", "istio-podinfo", "istio-token", "istiod-ca-cert"],
  imagePullSecrets: null,
  revision: "default",
});

/** A Deployment whose pod template looks like one after Istio's sidecar injection (when `sidecar`). */
export function deployment(spec: WorkloadSpec): KubeObject {
  const name = workloadName(spec);
  const version = spec.version;
  const selector: Record<string, string> = { app: spec.app, ...(version ? { version } : {}) };
  const podLabels: Record<string, string> = { ...selector, ...spec.labels };
  const podAnnotations: Record<string, string> = {};
  const containers: Array<Record<string, unknown>> = [];
  const initContainers: Array<Record<string, unknown>> = [];
  if (spec.sidecar || spec.gateway) {
    podLabels["service.istio.io/canonical-name"] = spec.app;
    podLabels["service.istio.io/canonical-revision"] = version ?? "latest";
  }
  if (spec.sidecar && !spec.gateway) {
    podLabels["security.istio.io/tlsMode"] = "istio";
    podAnnotations["sidecar.istio.io/status"] = SIDECAR_STATUS;
    podAnnotations["kubectl.kubernetes.io/default-container"] = spec.app;
    podAnnotations["prometheus.io/path"] = "/stats/prometheus";
    podAnnotations["prometheus.io/port"] = "15020";
    podAnnotations["prometheus.io/scrape"] = "true";
    initContainers.push({
      name: "istio-init",
      image: PROXY_IMAGE,
      args: ["istio-iptables", "-p", "15001", "-z", "15006", "-u", "1337", "-m", "REDIRECT", "-i", "*", "-x", "", "-b", "*", "-d", "15090,15021,15020"],
    });
  }
  if (spec.gateway) {
    podAnnotations["inject.istio.io/templates"] = "gateway";
    podAnnotations["sidecar.istio.io/inject"] = "true";
    containers.push(proxyContainer(true));
  } else {
    containers.push({
      name: spec.app,
      image: spec.image ?? `docker.io/meshscope/demo-${spec.app}:${version ?? "latest"}`,
      ports: spec.containerPort ? [{ containerPort: spec.containerPort, protocol: "TCP" }] : [],
      resources: { requests: { cpu: "10m", memory: "32Mi" } },
    });
    if (spec.sidecar) containers.push(proxyContainer(false));
  }
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name,
      namespace: spec.namespace,
      labels: { app: spec.app, ...(version ? { version } : {}) },
      annotations: spec.profile ? profileAnnotation(spec.profile) : {},
    },
    spec: {
      replicas: spec.replicas ?? 1,
      selector: { matchLabels: selector },
      template: {
        metadata: { labels: podLabels, annotations: podAnnotations },
        spec: {
          serviceAccountName: spec.serviceAccount,
          ...(initContainers.length ? { initContainers } : {}),
          containers,
        },
      },
    },
  };
}

/** An Istio object (`networking.istio.io/v1` or `security.istio.io/v1`). */
export function istio(
  group: "networking" | "security",
  kind: string,
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
  annotations?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: `${group}.istio.io/v1`,
    kind,
    metadata: { name, namespace, ...(annotations ? { annotations } : {}) },
    spec,
  };
}
