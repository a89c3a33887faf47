/**
 * Host names and the glob-like string matching Istio uses in its APIs.
 */

/** Istio's trust domain and the cluster DNS suffix used throughout the demo. */
export const TRUST_DOMAIN = "cluster.local";
/** DNS suffix of Kubernetes services. */
export const CLUSTER_SUFFIX = "svc.cluster.local";
/** The value Istio reports as `source_cluster`/`destination_cluster` for a single-cluster mesh. */
export const CLUSTER_ID = "Kubernetes";
/** Istio's root (config) namespace: mesh-wide policies live here. */
export const ROOT_NAMESPACE = "istio-system";

/**
 * Resolves a host as Istio does for short names: `reviews` → `reviews.<ns>.svc.cluster.local`,
 * `reviews.bookinfo` → `reviews.bookinfo.svc.cluster.local`; anything else is returned as is.
 * `knownNamespaces` decides whether a two-label name is `<service>.<namespace>`.
 */
export function resolveHost(host: string, contextNamespace: string, knownNamespaces?: ReadonlySet<string>): string {
  const h = host.toLowerCase();
  if (h.startsWith("*")) return h;
  if (!h.includes(".")) return `${h}.${contextNamespace}.${CLUSTER_SUFFIX}`;
  const parts = h.split(".");
  if (parts.length === 2 && (!knownNamespaces || knownNamespaces.has(parts[1] ?? ""))) return `${h}.${CLUSTER_SUFFIX}`;
  if (parts.length === 3 && parts[2] === "svc") return `${h}.cluster.local`;
  return h;
}

/** Whether `pattern` (an exact host, `*`, or `*.suffix`) covers `host`. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === "*") return true;
  if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1));
  return pattern === host;
}

/** How specific a host pattern is: exact beats a longer wildcard beats a shorter one beats `*`. */
export function hostSpecificity(pattern: string): number {
  if (pattern === "*") return 0;
  if (pattern.startsWith("*")) return pattern.length;
  return 10_000 + pattern.length;
}

/**
 * Istio's string match for AuthorizationPolicy values: exact, `prefix*`, `*suffix`, or `*` (any
 * non-empty value).
 */
export function globMatches(pattern: string, value: string | undefined): boolean {
  if (value === undefined || value === "") return false;
  if (pattern === "*") return true;
  if (pattern.endsWith("*")) return value.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith("*")) return value.endsWith(pattern.slice(1));
  return pattern === value;
}

/** `spiffe://cluster.local/ns/<ns>/sa/<sa>`: the SPIFFE identity Istio issues to a service account. */
export function spiffeId(namespace: string, serviceAccount: string): string {
  return `spiffe://${TRUST_DOMAIN}/ns/${namespace}/sa/${serviceAccount}`;
}

/** The principal as AuthorizationPolicy sees it: the SPIFFE id without its scheme. */
export function principalOf(spiffe: string): string {
  return spiffe.startsWith("spiffe://") ? spiffe.slice("spiffe://".length) : spiffe;
}

/** The namespace encoded in a principal (`…/ns/<ns>/sa/…`), if any. */
export function namespaceOfPrincipal(principal: string): string | undefined {
  const m = /\/ns\/([^/]+)\//.exec(principal);
  return m?.[1];
}

/** `outbound|9080|v2|reviews.bookinfo.svc.cluster.local`: Envoy's cluster name for a route target. */
export function outboundCluster(port: number, subset: string | undefined, host: string): string {
  return `outbound|${port}|${subset ?? ""}|${host}`;
}

/** `inbound|9080||`: the cluster a sidecar uses to reach its own application. */
export function inboundCluster(targetPort: number): string {
  return `inbound|${targetPort}||`;
}
