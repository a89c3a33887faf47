/**
 * DR005 (Kiali's KIA0205/KIA0206, as info): a mesh-wide (`*.local`, `*`) or namespace-wide
 * (`*.ns.svc.cluster.local`) DestinationRule with `tls.mode: ISTIO_MUTUAL` while no PeerAuthentication
 * sets an mTLS mode for that scope (mesh-wide; or namespace-wide or mesh-wide). Traffic works —
 * Istio's default is PERMISSIVE, which accepts mTLS — but servers still accept plaintext: the rule
 * looks like an mTLS roll-out whose server side is missing. Not reported when a PeerAuthentication
 * sets any mode there (DISABLE is DR004's business), nor for DestinationRules of a single host.
 */
import { drHost } from "../dr-lookup";
import { isMeshWideHost, namespaceOfWildcard } from "../hosts";
import { namespaceWidePolicies, peerMode, tlsSettings } from "../mtls";
import { defineRule } from "../rule";

export const drMutualWithoutPolicy = defineRule({
  code: "DR005",
  kind: "DestinationRule",
  needs: ["peerAuthentications"],
  check(dr, ctx, report) {
    const host = drHost(ctx, dr);
    const root = ctx.options.rootNamespace;
    const meshWide = isMeshWideHost(host, ctx.options.clusterDomain);
    const ns = meshWide ? undefined : namespaceOfWildcard(host, ctx.options.clusterDomain);
    if (!meshWide && ns === undefined) return;
    const scopes = meshWide ? [root] : [ns as string, root];
    const set = scopes.some((s) => {
      const first = namespaceWidePolicies(ctx, s)[0];
      return first !== undefined && peerMode(first) !== undefined;
    });
    if (set) return;
    const where = meshWide ? "every service of the mesh" : `every service of namespace ${ns}`;
    const missing = meshWide ? `mesh-wide PeerAuthentication (in ${root})` : `PeerAuthentication for namespace ${ns} or the mesh`;
    for (const s of tlsSettings(dr)) {
      if (s.mode !== "ISTIO_MUTUAL") continue;
      report(s.path, `ISTIO_MUTUAL for ${where}, but no ${missing} sets an mTLS mode: servers use Istio's default, PERMISSIVE, and still accept plaintext`);
    }
  },
});
