/**
 * Host names as Istio reads them. A short name (no dot) is completed with the namespace of the
 * object it is written in: `reviews` in namespace `bookinfo` is `reviews.bookinfo.svc.cluster.local`.
 * Anything with a dot is taken literally — Istio does not complete `reviews.bookinfo`
 * (https://github.com/istio/istio/blob/master/pkg/config/model.go, `ResolveShortnameToFQDN`).
 * A wildcard `*.example.com` stands for any name ending in `.example.com`; `*` for every name.
 */

/** The fully qualified form of `host` written in an object of namespace `ns`. */
export function resolveHost(host: string, ns: string, clusterDomain: string): string {
  const h = host.trim().toLowerCase();
  if (h === "" || h === "*" || h.includes(".") || h.includes(":")) return h;
  return `${h}.${ns}.svc.${clusterDomain}`;
}

/** True for wildcard patterns (`*`, `*.example.com`). */
export function isWildcard(host: string): boolean {
  return host.startsWith("*");
}

/** True when every name `host` stands for is also one `pattern` stands for (both resolved). */
export function hostCovers(pattern: string, host: string): boolean {
  if (pattern === "*") return true;
  if (pattern.startsWith("*.")) {
    const suffix = pattern.slice(1);
    if (host === "*") return false;
    const rest = host.startsWith("*.") ? host.slice(1) : host;
    return rest.endsWith(suffix) && (host.startsWith("*.") ? rest.length >= suffix.length : rest.length > suffix.length);
  }
  return pattern === host;
}

/** True when some name is named by both `a` and `b`. */
export function hostsIntersect(a: string, b: string): boolean {
  return hostCovers(a, b) || hostCovers(b, a);
}

/** How specifically a pattern names hosts: exact names above long wildcards above short ones above `*`. */
export function hostSpecificity(pattern: string): number {
  if (pattern === "*") return 0;
  if (pattern.startsWith("*.")) return pattern.length;
  return Number.MAX_SAFE_INTEGER;
}

/** The service a Kubernetes FQDN names (`name.ns.svc.<domain>`), if it has that form. */
export function serviceOfHost(fqdn: string, clusterDomain: string): { name: string; namespace: string } | undefined {
  const suffix = `.svc.${clusterDomain}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const parts = fqdn.slice(0, -suffix.length).split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1] || parts[0] === "*") return undefined;
  return { name: parts[0], namespace: parts[1] };
}

/** The namespace of a namespace-wide pattern `*.ns.svc.<domain>`, if it has that form. */
export function namespaceOfWildcard(pattern: string, clusterDomain: string): string | undefined {
  const suffix = `.svc.${clusterDomain}`;
  if (!pattern.startsWith("*.") || !pattern.endsWith(suffix)) return undefined;
  const ns = pattern.slice(2, -suffix.length);
  return ns && !ns.includes(".") ? ns : undefined;
}

/** True for patterns that name every service of the mesh (`*`, `*.local`, `*.<domain>`, `*.svc.<domain>`). */
export function isMeshWideHost(pattern: string, clusterDomain: string): boolean {
  return pattern === "*" || pattern === "*.local" || pattern === `*.${clusterDomain}` || pattern === `*.svc.${clusterDomain}`;
}
