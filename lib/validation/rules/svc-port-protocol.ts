/**
 * SVC001: a port of a mesh Service whose name does not declare a protocol (`<protocol>[-suffix]`) and
 * that has no `appProtocol`. Istio then detects HTTP/1.1 and HTTP/2 and treats the rest as opaque TCP:
 * server-first protocols (MySQL, SMTP…) wait for the detection timeout, and protocol-specific
 * telemetry and routing are lost. UDP ports are not concerned.
 */
import { declaredProtocol, inMesh, isUdp, ISTIO_PROTOCOLS } from "../protocols";
import { defineRule } from "../rule";

export const svcPortProtocol = defineRule({
  code: "SVC001",
  kind: "Service",
  needs: [],
  check(svc, ctx, report) {
    if (!inMesh(ctx, svc.ref.namespace)) return;
    (svc.spec.ports ?? []).forEach((port, i) => {
      if (isUdp(port) || port.appProtocol !== undefined) return;
      const name = port.name ?? "";
      if (declaredProtocol(name)) return;
      const label = name ? `Port ${name}` : `Port ${port.port ?? i}`;
      report(
        name ? ["spec", "ports", i, "name"] : ["spec", "ports", i],
        `${label} declares no protocol: Istio detects HTTP and falls back to TCP. Name it <protocol>[-suffix] (${ISTIO_PROTOCOLS.join(", ")}) or set appProtocol`,
      );
    });
  },
});
