/**
 * Which DestinationRules apply to a host. Istio uses the rule with the most specific host covering
 * it (an exact name before `*.ns.svc.cluster.local` before `*`), and merges rules with that same host.
 * Simplification: the client's namespace and `exportTo`, which also weigh in, are not considered.
 */
import type { Config } from "./config";
import type { Context } from "./context";
import { hostCovers, hostSpecificity, isWildcard, resolveHost } from "./hosts";

interface DrIndex {
  hostOf: Map<Config<"DestinationRule">, string>;
  /** Rules by resolved host, wildcards included. */
  byHost: Map<string, Config<"DestinationRule">[]>;
  wildcards: { dr: Config<"DestinationRule">; host: string }[];
}

function index(ctx: Context): DrIndex {
  return ctx.memo("dr-index", () => {
    const idx: DrIndex = { hostOf: new Map(), byHost: new Map(), wildcards: [] };
    for (const dr of ctx.config.DestinationRule) {
      const host = resolveHost(dr.spec.host ?? "", dr.ref.namespace, ctx.options.clusterDomain);
      idx.hostOf.set(dr, host);
      if (host === "") continue;
      idx.byHost.set(host, [...(idx.byHost.get(host) ?? []), dr]);
      if (isWildcard(host)) idx.wildcards.push({ dr, host });
    }
    return idx;
  });
}

/** The DestinationRule's host, resolved in its namespace. */
export function drHost(ctx: Context, dr: Config<"DestinationRule">): string {
  return index(ctx).hostOf.get(dr) ?? resolveHost(dr.spec.host ?? "", dr.ref.namespace, ctx.options.clusterDomain);
}

/** The DestinationRules whose resolved host is exactly `host`. */
export function destinationRulesWithHost(ctx: Context, host: string): Config<"DestinationRule">[] {
  return index(ctx).byHost.get(host) ?? [];
}

/** The DestinationRules that apply to a resolved (non-wildcard) host: those of the most specific covering host. */
export function destinationRulesFor(ctx: Context, host: string): Config<"DestinationRule">[] {
  const idx = index(ctx);
  const exact = isWildcard(host) ? [] : (idx.byHost.get(host) ?? []);
  if (exact.length > 0) return exact;
  const covering = idx.wildcards.filter((e) => hostCovers(e.host, host));
  const best = Math.max(-1, ...covering.map((e) => hostSpecificity(e.host)));
  return covering.filter((e) => hostSpecificity(e.host) === best).map((e) => e.dr);
}
