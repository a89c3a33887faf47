/** Small handcrafted snapshots for the builders' tests: a Bookinfo-like `reviews` with three versions. */
import type { IDestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule";
import type { IVirtualService } from "@kubernetes-models/istio/networking.istio.io/v1/VirtualService";
import { DestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule";
import { VirtualService } from "@kubernetes-models/istio/networking.istio.io/v1/VirtualService";
import type { IAuthorizationPolicy } from "@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy";
import { AuthorizationPolicy } from "@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy";
import type { IPeerAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication";
import { PeerAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication";
import type { WizardName, WizardTarget } from "../api";
import { WIZARD_INPUTS, type WizardInputs } from "../inputs";
import { serviceVersions } from "../versions";
import { buildWizard } from "./index";
import type { BuildResult, BuildSuccess, CallerInfo, ServiceInfo, WizardObject, WizardSnapshot, WorkloadInfo } from "./types";

export const NS = "bookinfo";

export const workload = (name: string, labels: Record<string, string>, sidecar = true, namespace = NS): WorkloadInfo => ({
  namespace,
  name,
  labels,
  selector: labels,
  sidecar,
});

export const WORKLOADS: WorkloadInfo[] = [
  workload("productpage-v1", { app: "productpage", version: "v1" }),
  workload("reviews-v1", { app: "reviews", version: "v1" }),
  workload("reviews-v2", { app: "reviews", version: "v2" }),
  workload("reviews-v3", { app: "reviews", version: "v3" }),
];

export const svc = (name: string, selector: Record<string, string> = { app: name }): ServiceInfo => ({ namespace: NS, name, selector });
export const SERVICES: ServiceInfo[] = [svc("productpage"), svc("reviews")];

const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: NS, resourceVersion: "100", creationTimestamp: "2024-01-01T00:00:00Z", uid: "u-1", ...extra });

export const vs = (name: string, spec: IVirtualService["spec"], extra: Record<string, unknown> = {}): IVirtualService => ({
  apiVersion: "networking.istio.io/v1",
  kind: "VirtualService",
  metadata: meta(name, extra),
  spec,
});

export const dr = (name: string, spec: IDestinationRule["spec"], extra: Record<string, unknown> = {}): IDestinationRule => ({
  apiVersion: "networking.istio.io/v1",
  kind: "DestinationRule",
  metadata: meta(name, extra),
  spec,
});

export const pa = (name: string, spec: IPeerAuthentication["spec"], extra: Record<string, unknown> = {}, namespace = NS): IPeerAuthentication => ({
  apiVersion: "security.istio.io/v1",
  kind: "PeerAuthentication",
  metadata: { ...meta(name, extra), namespace },
  spec,
});

export const ap = (name: string, spec: IAuthorizationPolicy["spec"]): IAuthorizationPolicy => ({
  apiVersion: "security.istio.io/v1",
  kind: "AuthorizationPolicy",
  metadata: meta(name),
  spec,
});

/** Bookinfo's seeded reviews routing: jason to v2, the rest 50/50 v1/v3. */
export const REVIEWS_VS = vs("reviews", {
  hosts: ["reviews"],
  http: [
    { match: [{ headers: { "end-user": { exact: "jason" } } }], route: [{ destination: { host: "reviews", subset: "v2" } }] },
    {
      route: [
        { destination: { host: "reviews", subset: "v1" }, weight: 50 },
        { destination: { host: "reviews", subset: "v3" }, weight: 50 },
      ],
    },
  ],
});

export const REVIEWS_DR = dr("reviews", { host: "reviews", subsets: ["v1", "v2", "v3"].map((v) => ({ name: v, labels: { version: v } })) });

export const caller = (namespace: string, name: string, sidecar: boolean, destinations: string[] = []): CallerInfo => ({
  namespace,
  workload: name,
  principal: sidecar ? `cluster.local/ns/${namespace}/sa/${name}` : null,
  sidecar,
  destinations,
});

/** A snapshot of the bookinfo namespace; `target` defaults to the reviews Service. */
export function snapshot(over: Partial<WizardSnapshot> = {}, target: WizardTarget = { namespace: NS, service: "reviews" }): WizardSnapshot {
  const base: WizardSnapshot = {
    target,
    rootNamespace: "istio-system",
    workloads: WORKLOADS,
    services: SERVICES,
    versions: [],
    virtualServices: [],
    destinationRules: [],
    peerAuthentications: [],
    authorizationPolicies: [],
    callers: [],
    ...over,
  };
  const service = target.service ? base.services.find((s) => s.name === target.service) : undefined;
  const workloadInfo = target.workload ? base.workloads.find((w) => w.name === target.workload) : undefined;
  const drForService = service ? base.destinationRules.find((d) => d.metadata?.name === service.name) : undefined;
  return {
    ...base,
    service,
    workload: workloadInfo,
    versions: over.versions ?? (service ? serviceVersions(service, base.workloads, drForService) : []),
  };
}

/** The successful result, or a test failure naming why it is not. */
export function ok(r: BuildResult): BuildSuccess {
  if (!r.ok) throw new Error(`build failed (${r.status}): ${r.message}`);
  return r;
}

/** Validates an object against Istio's CRD schema (throws with the schema's message when invalid). */
export function validateIstio(obj: WizardObject): void {
  switch (obj.kind) {
    case "VirtualService":
      new VirtualService(obj).validate();
      break;
    case "DestinationRule":
      new DestinationRule(obj).validate();
      break;
    case "PeerAuthentication":
      new PeerAuthentication(obj).validate();
      break;
    case "AuthorizationPolicy":
      new AuthorizationPolicy(obj).validate();
      break;
  }
}

/** Every desired object of a build, validated. */
export function validateAll(r: BuildSuccess): void {
  for (const c of r.changes) if (c.desired) validateIstio(c.desired);
}

/** Parses raw input with the wizard's schema (throwing on schema errors) and builds. */
export function buildFrom<W extends WizardName>(wizard: W, snap: WizardSnapshot, raw: unknown): BuildResult {
  const input = WIZARD_INPUTS[wizard].parse(raw) as WizardInputs[W];
  return buildWizard(wizard, snap, input);
}
