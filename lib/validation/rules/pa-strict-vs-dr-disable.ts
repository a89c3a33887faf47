/** PA002: a STRICT PeerAuthentication for workloads a DestinationRule sends plaintext to (`tls.mode: DISABLE`); the mirror of DR006. */
import { sameRef } from "../config";
import { formatPath } from "../path";
import { mtlsConflicts, serviceList } from "../mtls";
import { defineRule } from "../rule";
import { refLabel } from "../types";

export const paStrictVsDrDisable = defineRule({
  code: "PA002",
  kind: "PeerAuthentication",
  needs: ["services", "destinationRules", "peerAuthentications"],
  check(pa, ctx, report) {
    for (const c of mtlsConflicts(ctx)) {
      if (c.type !== "disable-vs-strict" || !sameRef(c.policy, pa.ref)) continue;
      report(["spec", "mtls", "mode"], `STRICT, but ${refLabel(c.dr)} disables TLS (${formatPath(c.path)}) towards ${serviceList(c.services)}: their requests fail`, [c.dr]);
    }
  },
});
