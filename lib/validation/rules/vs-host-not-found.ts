/**
 * VS004: a route or mirror destination whose host is neither a Service nor a ServiceEntry host.
 * Envoy has no cluster for it: requests fail with 503 (`NR`/`NC`), mirrored ones are dropped.
 */
import { resolveHost } from "../hosts";
import { hostExists, hostHint } from "../registry-hosts";
import { defineRule } from "../rule";
import { destinations } from "../vs-routes";

export const vsHostNotFound = defineRule({
  code: "VS004",
  kind: "VirtualService",
  needs: ["services", "serviceEntries"],
  check(vs, ctx, report) {
    const ns = vs.ref.namespace;
    for (const { path, destination } of destinations(vs.spec)) {
      const raw = destination.host?.trim();
      if (!raw) continue;
      const host = resolveHost(raw, ns, ctx.options.clusterDomain);
      if (hostExists(ctx, host)) continue;
      report([...path, "host"], `No Service or ServiceEntry for host ${host}${hostHint(ctx, raw, ns)}`);
    }
  },
});
