/**
 * DR006: `tls.mode: DISABLE` for Services whose workloads require mTLS (PeerAuthentication STRICT):
 * clients send plaintext the servers refuse, and requests fail (503, connection reset).
 */
import { sameRef } from "../config";
import { mtlsConflicts, serviceList } from "../mtls";
import { defineRule } from "../rule";
import { refLabel } from "../types";

export const drDisableVsStrict = defineRule({
  code: "DR006",
  kind: "DestinationRule",
  needs: ["services", "destinationRules", "peerAuthentications"],
  check(dr, ctx, report) {
    for (const c of mtlsConflicts(ctx)) {
      if (c.type !== "disable-vs-strict" || !sameRef(c.dr, dr.ref)) continue;
      report(c.path, `TLS disabled towards ${serviceList(c.services)}, which require mTLS (STRICT, ${refLabel(c.policy)}): requests fail`, [c.policy]);
    }
  },
});
