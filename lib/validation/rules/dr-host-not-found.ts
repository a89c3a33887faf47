/**
 * DR001: a DestinationRule whose host is neither a Service nor a ServiceEntry host, so its policies
 * apply to nothing. Mesh-wide hosts (`*`, `*.local`) always count as found; a namespace-wide host
 * `*.ns.svc.cluster.local` is found when its namespace exists.
 */
import { drHost } from "../dr-lookup";
import { isMeshWideHost, namespaceOfWildcard } from "../hosts";
import { isKnown } from "../input";
import { hostExists, hostHint } from "../registry-hosts";
import { defineRule } from "../rule";

export const drHostNotFound = defineRule({
  code: "DR001",
  kind: "DestinationRule",
  needs: ["services", "serviceEntries"],
  check(dr, ctx, report) {
    const raw = dr.spec.host?.trim();
    if (!raw) return;
    const host = drHost(ctx, dr);
    const domain = ctx.options.clusterDomain;
    if (isMeshWideHost(host, domain)) return;
    const ns = namespaceOfWildcard(host, domain);
    if (ns !== undefined) {
      if (isKnown(ctx.input, "namespaces") && !ctx.namespaces.has(ns)) report(["spec", "host"], `Host ${host} names namespace ${ns}, which does not exist`);
      return;
    }
    if (!hostExists(ctx, host)) report(["spec", "host"], `No Service or ServiceEntry for host ${host}${hostHint(ctx, raw, dr.ref.namespace)}`);
  },
});
