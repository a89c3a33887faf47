/**
 * VS007: two VirtualServices for the same host bound to the same gateway (or both to the mesh).
 * Istio merges such VirtualServices only on gateways, with no defined order between their routes;
 * for the sidecars (`mesh`) only one of them is used. Hosts are compared resolved and exactly
 * (a wildcard does not clash with the names it covers); `exportTo` is not considered.
 */
import { boundGateways } from "../gateway-refs";
import { resolveHost } from "../hosts";
import { defineRule } from "../rule";
import { compareRefs, type ObjectRef, refLabel } from "../types";

export const vsDuplicateHost = defineRule({
  code: "VS007",
  kind: "VirtualService",
  needs: ["virtualServices"],
  check(vs, ctx, report) {
    const domain = ctx.options.clusterDomain;
    // VirtualServices by resolved host, with the gateways they are bound to.
    const index = ctx.memo("vs-bindings", () => {
      const byHost = new Map<string, { ref: ObjectRef; gateways: string[] }[]>();
      for (const v of ctx.config.VirtualService) {
        const entry = { ref: v.ref, gateways: boundGateways(v.spec.gateways, v.ref.namespace) };
        for (const host of new Set((v.spec.hosts ?? []).map((h) => resolveHost(h, v.ref.namespace, domain)).filter(Boolean))) {
          byHost.set(host, [...(byHost.get(host) ?? []), entry]);
        }
      }
      return byHost;
    });
    const gateways = boundGateways(vs.spec.gateways, vs.ref.namespace);
    const seen = new Set<string>();
    (vs.spec.hosts ?? []).forEach((h, i) => {
      const host = resolveHost(h, vs.ref.namespace, domain);
      if (!host || seen.has(host)) return;
      seen.add(host);
      const others = (index.get(host) ?? []).filter(
        (o) => !(o.ref.namespace === vs.ref.namespace && o.ref.name === vs.ref.name) && o.gateways.some((g) => gateways.includes(g)),
      );
      if (others.length === 0) return;
      const shared = [...new Set(others.flatMap((o) => o.gateways.filter((g) => gateways.includes(g))))].sort();
      const refs = others.map((o) => o.ref).sort(compareRefs);
      report(
        ["spec", "hosts", i],
        `Host ${host} is also routed by ${refs.map(refLabel).join(", ")} on ${shared.join(", ")}: ${
          shared.includes("mesh") ? "sidecars use only one of them" : "Istio merges them with no defined order between their routes"
        }`,
        refs,
      );
    });
  },
});
