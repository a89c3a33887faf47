/** Looking names up in the service registry (Services and ServiceEntry hosts), with hints for near misses. */
import type { Context, RegistryHost } from "./context";
import { hostCovers, hostsIntersect, isWildcard } from "./hosts";

/**
 * Registry entries for a resolved host: for a name, the entries that cover it (the Service with that
 * FQDN, a ServiceEntry host equal to it or a wildcard around it); for a wildcard, every entry it
 * shares a name with.
 */
function registryMatches(ctx: Context, host: string): RegistryHost[] {
  return ctx.hosts.filter((h) => (isWildcard(host) ? hostsIntersect(host, h.host) : hostCovers(h.host, host)));
}

/** True when some Service or ServiceEntry answers for `host` (resolved). */
export function hostExists(ctx: Context, host: string): boolean {
  const exact = ctx.memo("registry-names", () => new Set(ctx.hosts.map((h) => h.host)));
  if (exact.has(host)) return true;
  const wildcards = ctx.memo("registry-wildcards", () => ctx.hosts.filter((h) => isWildcard(h.host)));
  return isWildcard(host) ? registryMatches(ctx, host).length > 0 : wildcards.some((h) => hostCovers(h.host, host));
}

/**
 * Why a name that is not in the registry may be a near miss: `reviews.bookinfo` (Istio does not
 * complete it), or a short name whose Service lives in another namespace.
 */
export function hostHint(ctx: Context, raw: string, objectNamespace: string): string {
  const h = raw.trim().toLowerCase();
  const domain = ctx.options.clusterDomain;
  const parts = h.split(".");
  const partial = parts.length === 2 || (parts.length === 3 && parts[2] === "svc");
  if (partial && parts[0] && parts[1]) {
    const fqdn = `${parts[0]}.${parts[1]}.svc.${domain}`;
    if (hostExists(ctx, fqdn)) return ` (Istio does not complete "${raw}": write ${fqdn})`;
  }
  if (!h.includes(".") && h !== "*") {
    const elsewhere = ctx.config.Service.filter((s) => s.ref.name === h && s.ref.namespace !== objectNamespace).map((s) => s.ref.namespace);
    if (elsewhere.length > 0) {
      const ns = [...new Set(elsewhere)].sort();
      return ` (a short name is looked up in the namespace ${objectNamespace}; a Service "${h}" exists in ${ns.join(", ")}: write ${h}.${ns[0]}.svc.${domain})`;
    }
  }
  return "";
}
