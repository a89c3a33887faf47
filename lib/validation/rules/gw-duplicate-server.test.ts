import { describe, expect, it } from "vitest";
import { findingsOf, gateway, mesh, pod } from "../fixtures";
import type { IGateway } from "@kubernetes-models/istio/networking.istio.io/v1/Gateway";

const gw = (ns: string, name: string, hosts: string[], port = 443, selector: Record<string, string> = { istio: "ingressgateway" }) =>
  gateway(ns, name, { selector, servers: [{ port: { number: port, name: "https", protocol: "HTTPS" }, hosts, tls: { mode: "SIMPLE", credentialName: "cert" } }] });
const run = (...gateways: IGateway[]) => findingsOf("GW002", mesh({ gateways }));

describe("GW002 two Gateways for one host and port", () => {
  it("accepts different hosts, or the same host on different ports", () => {
    expect(run(gw("bookinfo", "a", ["bookinfo.example.com"]), gw("shop", "b", ["shop.example.com"]))).toEqual([]);
    expect(run(gw("bookinfo", "a", ["bookinfo.example.com"], 443), gw("shop", "b", ["bookinfo.example.com"], 8443))).toEqual([]);
  });

  it("reports the same host and port on the same gateway workloads, on both Gateways", () => {
    const found = run(gw("bookinfo", "a", ["bookinfo.example.com"]), gw("shop", "b", ["bookinfo.example.com"]));
    expect(found.map((f) => [f.object.namespace, f.path, f.related?.[0]?.name])).toEqual([
      ["bookinfo", "spec.servers[0].hosts[0]", "b"],
      ["shop", "spec.servers[0].hosts[0]", "a"],
    ]);
    expect(found[0]).toMatchObject({ severity: "warning" });
    expect(found[0]?.message).toBe("Host bookinfo.example.com on port 443 is also served by Gateway shop/b on the same gateway workloads");
  });

  it("ignores the namespace/ prefix and case of server hosts", () => {
    expect(run(gw("bookinfo", "a", ["bookinfo/bookinfo.example.com"]), gw("shop", "b", ["*/Bookinfo.example.com"]))).toHaveLength(2);
    expect(run(gw("bookinfo", "a", ["*"]), gw("shop", "b", ["*"]))).toHaveLength(2);
  });

  it("accepts a wildcard next to a name it covers: Envoy picks the most specific", () => {
    expect(run(gw("bookinfo", "a", ["*"], 80), gw("shop", "b", ["shop.example.com"], 80))).toEqual([]);
    expect(run(gw("bookinfo", "a", ["*.example.com"]), gw("shop", "b", ["shop.example.com"]))).toEqual([]);
  });

  it("does not compare Gateways on different workloads", () => {
    const input = mesh({
      gateways: [gw("bookinfo", "a", ["x.example.com"]), gw("shop", "b", ["x.example.com"], 443, { istio: "internal-gateway" })],
      pods: [pod("istio-system", "ingress", { istio: "ingressgateway" }, false), pod("istio-system", "internal", { istio: "internal-gateway" }, false)],
    });
    expect(findingsOf("GW002", input)).toEqual([]);
  });

  it("compares selectors when no workload is known for either", () => {
    const selector = { istio: "gone" };
    expect(run(gw("bookinfo", "a", ["x.example.com"], 443, selector), gw("shop", "b", ["x.example.com"], 443, selector))).toHaveLength(2);
    expect(run(gw("bookinfo", "a", ["x.example.com"], 443, selector), gw("shop", "b", ["x.example.com"], 443, { istio: "other" }))).toEqual([]);
  });
});
