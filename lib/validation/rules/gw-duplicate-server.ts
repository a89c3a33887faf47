/**
 * GW002: two Gateways on the same gateway workloads serving the same host on the same port. Envoy
 * gets two filter chains (HTTPS) or two sets of routes (HTTP) for one name: one of them wins.
 * Hosts are compared exactly (case-insensitively, without the `namespace/` prefix): a wildcard next
 * to a name it covers is fine, Envoy picks the most specific. Gateways are on the same workloads when
 * they select a common workload, or, when neither selects any known workload, have the same selector.
 */
import type { Config } from "../config";
import { type Context, selectWorkloads } from "../context";
import { defineRule } from "../rule";
import { compareRefs, refLabel } from "../types";
import { hasLabels, workloadKey } from "../workloads";

const serverHost = (h: string) => {
  const s = h.trim().toLowerCase();
  const slash = s.indexOf("/");
  return slash >= 0 ? s.slice(slash + 1) : s;
};

/** The keys of the workloads a Gateway selects, computed once per Gateway. */
function selected(ctx: Context, g: Config<"Gateway">): Set<string> {
  const all = ctx.memo("gateway-workloads", () => new Map<Config<"Gateway">, Set<string>>());
  let keys = all.get(g);
  if (!keys) {
    const sel = g.spec.selector;
    keys = hasLabels(sel) ? new Set(selectWorkloads(ctx, sel, ctx.options.gatewayScopeToNamespace ? g.ref.namespace : undefined).map(workloadKey)) : new Set<string>();
    all.set(g, keys);
  }
  return keys;
}

const sameSelector = (a: Record<string, string> | undefined, b: Record<string, string> | undefined) =>
  JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b ?? {}).sort());

export const gwDuplicateServer = defineRule({
  code: "GW002",
  kind: "Gateway",
  needs: ["gateways"],
  check(gw, ctx, report) {
    const mine = selected(ctx, gw);
    const peers = ctx.config.Gateway.filter((o) => {
      if (o.ref.namespace === gw.ref.namespace && o.ref.name === gw.ref.name) return false;
      const theirs = selected(ctx, o);
      if (mine.size > 0 && theirs.size > 0) return [...mine].some((k) => theirs.has(k));
      return mine.size === 0 && theirs.size === 0 && hasLabels(gw.spec.selector) && sameSelector(gw.spec.selector, o.spec.selector);
    });
    if (peers.length === 0) return;
    (gw.spec.servers ?? []).forEach((server, i) => {
      const port = server.port?.number;
      if (port === undefined) return;
      (server.hosts ?? []).forEach((h, j) => {
        const host = serverHost(h);
        if (!host) return;
        const clash = peers
          .filter((o) => (o.spec.servers ?? []).some((s) => s.port?.number === port && (s.hosts ?? []).some((x) => serverHost(x) === host)))
          .map((o) => o.ref)
          .sort(compareRefs);
        if (clash.length > 0) report(["spec", "servers", i, "hosts", j], `Host ${host} on port ${port} is also served by ${clash.map(refLabel).join(", ")} on the same gateway workloads`, clash);
      });
    });
  },
});
