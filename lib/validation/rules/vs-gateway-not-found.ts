/**
 * VS006: a gateway named in `spec.gateways` or a match's `gateways` that does not exist. The routes
 * meant for it are not applied anywhere. `mesh` stands for the sidecars and always exists.
 */
import { MESH_GATEWAY, resolveGatewayRef } from "../gateway-refs";
import type { PathSegment } from "../path";
import { defineRule } from "../rule";

export const vsGatewayNotFound = defineRule({
  code: "VS006",
  kind: "VirtualService",
  needs: ["gateways"],
  check(vs, ctx, report) {
    const existing = ctx.memo("gateway-names", () => new Set(ctx.config.Gateway.map((g) => `${g.ref.namespace}/${g.ref.name}`)));
    const check = (ref: string, path: PathSegment[]) => {
      const resolved = resolveGatewayRef(ref, vs.ref.namespace);
      if (!resolved || resolved === MESH_GATEWAY || existing.has(resolved)) return;
      const hint = !ref.includes("/") && !ref.includes(".") ? ` (a gateway without namespace is looked up in ${vs.ref.namespace}; write <namespace>/${ref} for another one)` : "";
      report(path, `Gateway ${resolved} not found${hint}`);
    };
    (vs.spec.gateways ?? []).forEach((g, i) => check(g, ["spec", "gateways", i]));
    for (const section of ["http", "tcp", "tls"] as const) {
      (vs.spec[section] ?? []).forEach((r, i) =>
        (r.match ?? []).forEach((m, j) => (m.gateways ?? []).forEach((g, k) => check(g, ["spec", section, i, "match", j, "gateways", k]))),
      );
    }
  },
});
