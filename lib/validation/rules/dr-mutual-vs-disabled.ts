/**
 * DR004: `tls.mode: ISTIO_MUTUAL` for Services whose workloads disable mTLS (PeerAuthentication
 * DISABLE): clients originate mTLS the servers do not terminate, and connections fail.
 */
import { mtlsConflicts, serviceList } from "../mtls";
import { defineRule } from "../rule";
import { refLabel } from "../types";
import { sameRef } from "../config";

export const drMutualVsDisabled = defineRule({
  code: "DR004",
  kind: "DestinationRule",
  needs: ["services", "destinationRules", "peerAuthentications"],
  check(dr, ctx, report) {
    for (const c of mtlsConflicts(ctx)) {
      if (c.type !== "mutual-vs-disable" || !sameRef(c.dr, dr.ref)) continue;
      report(c.path, `ISTIO_MUTUAL towards ${serviceList(c.services)}, whose mTLS is disabled by ${refLabel(c.policy)}: connections fail`, [c.policy]);
    }
  },
});
