/** The Kubernetes kinds the console reads, with where they live in the API. */
export interface ResourceKind {
  /** Stable key used in URLs, caches and query keys. */
  key: ResourceKey;
  apiVersion: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  /** True for Istio's custom resources: absent on clusters without Istio. */
  istio: boolean;
}

export const RESOURCE_KINDS = {
  namespaces: { apiVersion: "v1", kind: "Namespace", plural: "namespaces", namespaced: false, istio: false },
  pods: { apiVersion: "v1", kind: "Pod", plural: "pods", namespaced: true, istio: false },
  services: { apiVersion: "v1", kind: "Service", plural: "services", namespaced: true, istio: false },
  deployments: { apiVersion: "apps/v1", kind: "Deployment", plural: "deployments", namespaced: true, istio: false },
  replicasets: { apiVersion: "apps/v1", kind: "ReplicaSet", plural: "replicasets", namespaced: true, istio: false },
  /** Read for validation: AuthorizationPolicy principals name service accounts (AP002). */
  serviceaccounts: { apiVersion: "v1", kind: "ServiceAccount", plural: "serviceaccounts", namespaced: true, istio: false },
  virtualservices: istioKind("networking.istio.io/v1", "VirtualService", "virtualservices"),
  destinationrules: istioKind("networking.istio.io/v1", "DestinationRule", "destinationrules"),
  gateways: istioKind("networking.istio.io/v1", "Gateway", "gateways"),
  serviceentries: istioKind("networking.istio.io/v1", "ServiceEntry", "serviceentries"),
  sidecars: istioKind("networking.istio.io/v1", "Sidecar", "sidecars"),
  peerauthentications: istioKind("security.istio.io/v1", "PeerAuthentication", "peerauthentications"),
  authorizationpolicies: istioKind("security.istio.io/v1", "AuthorizationPolicy", "authorizationpolicies"),
  requestauthentications: istioKind("security.istio.io/v1", "RequestAuthentication", "requestauthentications"),
} as const satisfies Record<string, Omit<ResourceKind, "key">>;

export type ResourceKey = keyof typeof RESOURCE_KINDS;

function istioKind(apiVersion: string, kind: string, plural: string) {
  return { apiVersion, kind, plural, namespaced: true, istio: true } as const;
}

/** All kinds, with their keys. */
export const ALL_RESOURCE_KINDS: ResourceKind[] = Object.entries(RESOURCE_KINDS).map(([key, k]) => ({
  key: key as ResourceKey,
  ...k,
}));

export const ISTIO_RESOURCE_KINDS = ALL_RESOURCE_KINDS.filter((k) => k.istio);

/** The REST path that lists (and watches) a kind across all namespaces. */
export function clusterListPath(k: Pick<ResourceKind, "apiVersion" | "plural">): string {
  const base = k.apiVersion.includes("/") ? `/apis/${k.apiVersion}` : `/api/${k.apiVersion}`;
  return `${base}/${k.plural}`;
}
