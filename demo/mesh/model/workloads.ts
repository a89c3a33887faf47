/**
 * Workloads (Deployments) and their pods, reduced to what traffic and telemetry need: Istio's
 * workload identity labels, the proxy kind, and the ready pods.
 */
import type { KubeObject } from "../../contracts";
import { readProfile, type SimProfile } from "../profile";
import { podIpFor } from "../synthetic-pods";
import { spiffeId } from "./names";

/** What proxy fronts a workload's pods. */
export type ProxyKind = "sidecar" | "gateway" | "none";

export interface PodRef {
  name: string;
  namespace: string;
  ip: string;
  ready: boolean;
  labels: Record<string, string>;
  containers: string[];
}

export interface Workload {
  /** `<namespace>/<name>` */
  key: string;
  name: string;
  namespace: string;
  /** Pod template labels. */
  labels: Record<string, string>;
  selector: Record<string, string>;
  /** The `app`/`version` labels, "" when absent (what the workload's own proxy reports). */
  app: string;
  version: string;
  /** Canonical service/revision with Istio's fallbacks (label → app.kubernetes.io/* → app/version → name/`latest`). */
  canonicalService: string;
  canonicalRevision: string;
  serviceAccount: string;
  /** `spiffe://cluster.local/ns/<ns>/sa/<sa>` */
  spiffe: string;
  proxy: ProxyKind;
  /** The application container whose logs carry app lines (the proxy for gateways). */
  appContainer: string;
  pods: PodRef[];
  readyPods: PodRef[];
  profile: SimProfile;
}

interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { serviceAccountName?: string; containers?: Array<{ name?: string; args?: string[] }> };
}

interface DeploymentSpec {
  selector?: { matchLabels?: Record<string, string> };
  template?: PodTemplate;
}

/** Whether all `selector` labels are present with the same values in `labels`. */
export function selectorMatches(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}

function proxyKind(template: PodTemplate): ProxyKind {
  const labels = template.metadata?.labels ?? {};
  const proxy = template.spec?.containers?.find((c) => c.name === "istio-proxy");
  if (labels.istio === "ingressgateway" || labels.istio === "egressgateway" || proxy?.args?.includes("router")) return "gateway";
  return proxy ? "sidecar" : "none";
}

function podReady(pod: KubeObject): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  const status = pod.status as { phase?: string; conditions?: Array<{ type?: string; status?: string }> } | undefined;
  if (!status) return true;
  if (status.phase && status.phase !== "Running") return false;
  const ready = status.conditions?.find((c) => c.type === "Ready");
  return ready ? ready.status === "True" : Boolean(status.phase);
}

function toPodRef(pod: KubeObject): PodRef {
  const ns = pod.metadata.namespace ?? "default";
  const spec = pod.spec as { containers?: Array<{ name?: string }> } | undefined;
  const status = pod.status as { podIP?: string } | undefined;
  return {
    name: pod.metadata.name,
    namespace: ns,
    ip: status?.podIP ?? podIpFor(ns, pod.metadata.name),
    ready: podReady(pod),
    labels: pod.metadata.labels ?? {},
    containers: (spec?.containers ?? []).map((c) => c.name ?? "").filter(Boolean),
  };
}

/** Builds workloads from Deployments, attaching the pods their selectors match. */
export function buildWorkloads(deployments: readonly KubeObject[], pods: readonly KubeObject[]): Workload[] {
  const podsByNs = new Map<string, PodRef[]>();
  for (const p of pods) {
    const ref = toPodRef(p);
    const list = podsByNs.get(ref.namespace) ?? [];
    list.push(ref);
    podsByNs.set(ref.namespace, list);
  }
  return deployments.map((d) => {
    const ns = d.metadata.namespace ?? "default";
    const spec = (d.spec ?? {}) as DeploymentSpec;
    const template = spec.template ?? {};
    const labels = template.metadata?.labels ?? {};
    const selector = spec.selector?.matchLabels ?? labels;
    const app = labels.app ?? labels["app.kubernetes.io/name"];
    const version = labels.version ?? labels["app.kubernetes.io/version"];
    const sa = template.spec?.serviceAccountName ?? "default";
    const proxy = proxyKind(template);
    const containers = (template.spec?.containers ?? []).map((c) => c.name ?? "").filter(Boolean);
    const matched = (podsByNs.get(ns) ?? []).filter((p) => selectorMatches(selector, p.labels));
    return {
      key: `${ns}/${d.metadata.name}`,
      name: d.metadata.name,
      namespace: ns,
      labels,
      selector,
      app: app ?? "",
      version: version ?? "",
      canonicalService: labels["service.istio.io/canonical-name"] ?? app ?? d.metadata.name,
      canonicalRevision: labels["service.istio.io/canonical-revision"] ?? version ?? "latest",
      serviceAccount: sa,
      spiffe: spiffeId(ns, sa),
      proxy,
      appContainer: containers.find((c) => c !== "istio-proxy") ?? "istio-proxy",
      pods: matched,
      readyPods: matched.filter((p) => p.ready),
      profile: readProfile(d),
    };
  });
}
