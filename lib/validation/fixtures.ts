/** Small handcrafted objects for the validation tests. */
import type { V1Deployment, V1Namespace, V1Pod, V1Service, V1ServicePort, V1ServiceAccount } from "@kubernetes/client-node";
import type { IDestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule";
import type { IGateway } from "@kubernetes-models/istio/networking.istio.io/v1/Gateway";
import type { IServiceEntry } from "@kubernetes-models/istio/networking.istio.io/v1/ServiceEntry";
import type { ISidecar } from "@kubernetes-models/istio/networking.istio.io/v1/Sidecar";
import type { IVirtualService } from "@kubernetes-models/istio/networking.istio.io/v1/VirtualService";
import type { IAuthorizationPolicy } from "@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy";
import type { IPeerAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication";
import type { IRequestAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/RequestAuthentication";
import type { MeshConfigInput } from "./input";
import type { Finding } from "./types";
import { validateMesh } from "./validate";

const meta = (namespace: string, name: string, created?: string) => ({ namespace, name, ...(created ? { creationTimestamp: created } : {}) });

export const namespace = (name: string, labels: Record<string, string> = { "istio-injection": "enabled" }): V1Namespace => ({
  metadata: { name, labels },
});

/** A Service; `selector: null` for one without selector. */
export const service = (ns: string, name: string, selector: Record<string, string> | null = { app: name }, ports: V1ServicePort[] = [{ name: "http", port: 80 }]): V1Service => ({
  metadata: { namespace: ns, name },
  spec: { ...(selector ? { selector } : {}), ports },
});

export const pod = (ns: string, name: string, labels: Record<string, string>, sidecar = true): V1Pod => ({
  metadata: { namespace: ns, name, labels },
  spec: { containers: [{ name: "app" }, ...(sidecar ? [{ name: "istio-proxy" }] : [])] },
});

export const deployment = (ns: string, name: string, labels: Record<string, string>): V1Deployment => ({
  metadata: { namespace: ns, name },
  spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "app" }] } } },
});

export const serviceAccount = (ns: string, name: string): V1ServiceAccount => ({ metadata: { namespace: ns, name } });

type Spec<T extends { spec?: unknown }> = NonNullable<T["spec"]>;

export const virtualService = (ns: string, name: string, spec: Spec<IVirtualService>): IVirtualService => ({
  apiVersion: "networking.istio.io/v1",
  kind: "VirtualService",
  metadata: meta(ns, name),
  spec,
});

export const destinationRule = (ns: string, name: string, spec: Spec<IDestinationRule>, created?: string): IDestinationRule => ({
  apiVersion: "networking.istio.io/v1",
  kind: "DestinationRule",
  metadata: meta(ns, name, created),
  spec,
});

export const gateway = (ns: string, name: string, spec: Spec<IGateway>): IGateway => ({
  apiVersion: "networking.istio.io/v1",
  kind: "Gateway",
  metadata: meta(ns, name),
  spec,
});

export const serviceEntry = (ns: string, name: string, spec: Spec<IServiceEntry>): IServiceEntry => ({
  apiVersion: "networking.istio.io/v1",
  kind: "ServiceEntry",
  metadata: meta(ns, name),
  spec,
});

export const sidecar = (ns: string, name: string, spec: Spec<ISidecar>): ISidecar => ({
  apiVersion: "networking.istio.io/v1",
  kind: "Sidecar",
  metadata: meta(ns, name),
  spec,
});

export const peerAuthentication = (ns: string, name: string, spec: Spec<IPeerAuthentication>, created?: string): IPeerAuthentication => ({
  apiVersion: "security.istio.io/v1",
  kind: "PeerAuthentication",
  metadata: meta(ns, name, created),
  spec,
});

export const authorizationPolicy = (ns: string, name: string, spec: Spec<IAuthorizationPolicy>): IAuthorizationPolicy => ({
  apiVersion: "security.istio.io/v1",
  kind: "AuthorizationPolicy",
  metadata: meta(ns, name),
  spec,
});

export const requestAuthentication = (ns: string, name: string, spec: Spec<IRequestAuthentication>): IRequestAuthentication => ({
  apiVersion: "security.istio.io/v1",
  kind: "RequestAuthentication",
  metadata: meta(ns, name),
  spec,
});

/**
 * A small mesh: namespaces bookinfo, shop and istio-system; Services reviews (v1, v2 pods) and
 * ratings in bookinfo, cart in shop; the ingress gateway pods; every other list known and empty.
 */
export function mesh(extra: MeshConfigInput = {}): MeshConfigInput {
  return {
    namespaces: [namespace("bookinfo"), namespace("shop"), namespace("istio-system", {})],
    services: [service("bookinfo", "reviews"), service("bookinfo", "ratings"), service("shop", "cart"), service("istio-system", "istio-ingressgateway", { istio: "ingressgateway" })],
    pods: [
      pod("bookinfo", "reviews-v1-a", { app: "reviews", version: "v1" }),
      pod("bookinfo", "reviews-v2-a", { app: "reviews", version: "v2" }),
      pod("bookinfo", "ratings-a", { app: "ratings", version: "v1" }),
      pod("shop", "cart-a", { app: "cart" }),
      pod("istio-system", "istio-ingressgateway-a", { istio: "ingressgateway", app: "istio-ingressgateway" }, false),
    ],
    deployments: [],
    serviceAccounts: [serviceAccount("bookinfo", "default"), serviceAccount("bookinfo", "bookinfo-reviews"), serviceAccount("shop", "default")],
    virtualServices: [],
    destinationRules: [],
    gateways: [],
    serviceEntries: [],
    sidecars: [],
    peerAuthentications: [],
    authorizationPolicies: [],
    requestAuthentications: [],
    ...extra,
  };
}

/** The findings of `code` in the snapshot. */
export function findingsOf(code: string, input: MeshConfigInput): Finding[] {
  return validateMesh(input).filter((f) => f.code === code);
}

/** VirtualService bookinfo/reviews with one HTTP route splitting over `weights` (undefined: no weight). */
export const weightedRoute = (...weights: (number | undefined)[]) =>
  virtualService("bookinfo", "reviews", {
    hosts: ["reviews"],
    http: [{ route: weights.map((w) => ({ destination: { host: "reviews" }, ...(w === undefined ? {} : { weight: w }) })) }],
  });
