/** PA003: a PeerAuthentication disabling mTLS for workloads a DestinationRule sends ISTIO_MUTUAL to; the mirror of DR004. */
import { sameRef } from "../config";
import { formatPath } from "../path";
import { mtlsConflicts, serviceList } from "../mtls";
import { defineRule } from "../rule";
import { refLabel } from "../types";

export const paDisableVsDrMutual = defineRule({
  code: "PA003",
  kind: "PeerAuthentication",
  needs: ["services", "destinationRules", "peerAuthentications"],
  check(pa, ctx, report) {
    for (const c of mtlsConflicts(ctx)) {
      if (c.type !== "mutual-vs-disable" || !sameRef(c.policy, pa.ref)) continue;
      report(["spec", "mtls", "mode"], `mTLS disabled, but ${refLabel(c.dr)} requires ISTIO_MUTUAL (${formatPath(c.path)}) towards ${serviceList(c.services)}: their connections fail`, [c.dr]);
    }
  },
});
