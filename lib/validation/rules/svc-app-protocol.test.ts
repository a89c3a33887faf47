import { describe, expect, it } from "vitest";
import { findingsOf, mesh, service } from "../fixtures";
import type { V1ServicePort } from "@kubernetes/client-node";

const ports = (p: V1ServicePort[]) => findingsOf("SVC002", mesh({ services: [service("bookinfo", "reviews", { app: "reviews" }, p)] }));

describe("SVC002 unknown appProtocol", () => {
  it("accepts Istio's protocols and Kubernetes' standard values", () => {
    expect(ports(["http", "HTTP2", "grpc", "tcp", "kubernetes.io/h2c", "kubernetes.io/ws", "kubernetes.io/wss"].map((appProtocol, i) => ({ name: `p${i}`, port: 80 + i, appProtocol })))).toEqual([]);
  });

  it("reports an unknown value, noting the port name it overrides", () => {
    const [f] = ports([{ name: "http-web", port: 80, appProtocol: "websocket" }]);
    expect(f).toMatchObject({ code: "SVC002", severity: "warning", path: "spec.ports[0].appProtocol" });
    expect(f?.message).toBe("appProtocol websocket is not a protocol Istio knows: it detects the protocol from the traffic (the name http-web is ignored)");
  });

  it("leaves ports without appProtocol to SVC001", () => {
    expect(ports([{ name: "web", port: 80 }])).toEqual([]);
  });
});
