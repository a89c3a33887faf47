/**
 * SVC002: an `appProtocol` Istio does not know. It takes precedence over the port name, so the
 * name's protocol is ignored too and the protocol is detected from the traffic.
 */
import { declaredProtocol, inMesh, isUdp } from "../protocols";
import { defineRule } from "../rule";

export const svcAppProtocol = defineRule({
  code: "SVC002",
  kind: "Service",
  needs: [],
  check(svc, ctx, report) {
    if (!inMesh(ctx, svc.ref.namespace)) return;
    (svc.spec.ports ?? []).forEach((port, i) => {
      if (isUdp(port) || port.appProtocol === undefined || declaredProtocol(port.appProtocol)) return;
      const ignored = port.name && declaredProtocol(port.name) ? ` (the name ${port.name} is ignored)` : "";
      report(["spec", "ports", i, "appProtocol"], `appProtocol ${port.appProtocol} is not a protocol Istio knows: it detects the protocol from the traffic${ignored}`);
    });
  },
});
