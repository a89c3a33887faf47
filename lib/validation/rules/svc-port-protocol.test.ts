import { describe, expect, it } from "vitest";
import { findingsOf, mesh, namespace, pod, service } from "../fixtures";
import type { V1ServicePort } from "@kubernetes/client-node";
import type { MeshConfigInput } from "../input";

const ports = (p: V1ServicePort[], extra: MeshConfigInput = {}) => findingsOf("SVC001", mesh({ services: [service("bookinfo", "reviews", { app: "reviews" }, p)], ...extra }));

describe("SVC001 port protocol not declared", () => {
  it("accepts <protocol> and <protocol>-suffix names, case-insensitively", () => {
    expect(
      ports(["http", "http2-api", "https", "grpc", "grpc-web", "grpc-web-ui", "tcp-db", "tls", "mongo", "mysql", "redis", "HTTP-Admin"].map((name, i) => ({ name, port: 8000 + i }))),
    ).toEqual([]);
  });

  it("reports names without a protocol prefix, at the name", () => {
    const found = ports([{ name: "web", port: 80 }, { name: "httpweb", port: 81 }, { name: "metrics-http", port: 82 }]);
    expect(found.map((f) => [f.path, f.severity])).toEqual([
      ["spec.ports[0].name", "info"],
      ["spec.ports[1].name", "info"],
      ["spec.ports[2].name", "info"],
    ]);
    expect(found[0]?.message).toContain("Port web declares no protocol");
  });

  it("reports an unnamed port at the port", () => {
    expect(ports([{ port: 9080 }]).map((f) => [f.path, f.message.slice(0, 31)])).toEqual([["spec.ports[0]", "Port 9080 declares no protocol:"]]);
  });

  it("accepts any name when appProtocol is set, and UDP ports", () => {
    expect(ports([{ name: "web", port: 80, appProtocol: "http" }, { name: "dns", port: 53, protocol: "UDP" }])).toEqual([]);
  });

  it("only judges Services of namespaces in the mesh", () => {
    const outside = { namespaces: [namespace("bookinfo", {})], pods: [pod("bookinfo", "r", { app: "reviews" }, false)] };
    expect(ports([{ name: "web", port: 80 }], outside)).toEqual([]);
    const sidecarPod = { namespaces: [namespace("bookinfo", {})], pods: [pod("bookinfo", "r", { app: "reviews" }, true)] };
    expect(ports([{ name: "web", port: 80 }], sidecarPod)).toHaveLength(1);
    const revision = { namespaces: [namespace("bookinfo", { "istio.io/rev": "canary" })], pods: [] };
    expect(ports([{ name: "web", port: 80 }], revision)).toHaveLength(1);
  });

  it("leaves Istio's own Services in the root namespace alone", () => {
    const gatewaySvc = service("istio-system", "istio-ingressgateway", { istio: "ingressgateway" }, [{ name: "status-port", port: 15021 }]);
    const input = mesh({ namespaces: [namespace("istio-system")], services: [gatewaySvc], pods: [pod("istio-system", "gw", { istio: "ingressgateway" }, true)] });
    expect(findingsOf("SVC001", input)).toEqual([]);
    expect(findingsOf("SVC001", { ...input, options: { rootNamespace: "mesh-root" } })).toHaveLength(1);
  });
});
