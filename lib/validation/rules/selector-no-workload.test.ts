import { describe, expect, it } from "vitest";
import {
  authorizationPolicy,
  deployment,
  findingsOf,
  gateway,
  mesh,
  peerAuthentication,
  pod,
  requestAuthentication,
  sidecar,
} from "../fixtures";
import type { MeshConfigInput } from "../input";

const ingress = (ns: string, selector: Record<string, string>) =>
  gateway(ns, "gw", { selector, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["*"] }] });

describe("GW001 Gateway selector matches no workload", () => {
  it("finds the gateway workload in another namespace (Istio's default scope)", () => {
    expect(findingsOf("GW001", mesh({ gateways: [ingress("bookinfo", { istio: "ingressgateway" })] }))).toEqual([]);
  });

  it("reports a selector no workload has", () => {
    const [f] = findingsOf("GW001", mesh({ gateways: [ingress("bookinfo", { istio: "egressgateway" })] }));
    expect(f).toMatchObject({ severity: "warning", path: "spec.selector", object: { kind: "Gateway", namespace: "bookinfo", name: "gw" } });
    expect(f?.message).toBe("No workload in any namespace has the labels istio=egressgateway: this Gateway applies to nothing");
  });

  it("searches only the Gateway's namespace with PILOT_SCOPE_GATEWAY_TO_NAMESPACE", () => {
    const options = { gatewayScopeToNamespace: true };
    expect(findingsOf("GW001", mesh({ options, gateways: [ingress("bookinfo", { istio: "ingressgateway" })] }))[0]?.message).toContain("in namespace bookinfo");
    expect(findingsOf("GW001", mesh({ options, gateways: [ingress("istio-system", { istio: "ingressgateway" })] }))).toEqual([]);
  });

  it("needs every label of the selector on one workload", () => {
    expect(findingsOf("GW001", mesh({ gateways: [ingress("istio-system", { istio: "ingressgateway", app: "other" })] }))).toHaveLength(1);
  });
});

describe("selectors of policies and Sidecars match workloads of their own namespace", () => {
  const cases: [string, MeshConfigInput, MeshConfigInput, string][] = [
    [
      "SC002",
      { sidecars: [sidecar("bookinfo", "s", { workloadSelector: { labels: { app: "reviews" } } })] },
      { sidecars: [sidecar("bookinfo", "s", { workloadSelector: { labels: { app: "cart" } } })] },
      "spec.workloadSelector.labels",
    ],
    [
      "AP003",
      { authorizationPolicies: [authorizationPolicy("bookinfo", "p", { selector: { matchLabels: { app: "reviews" } } })] },
      { authorizationPolicies: [authorizationPolicy("bookinfo", "p", { selector: { matchLabels: { app: "cart" } } })] },
      "spec.selector.matchLabels",
    ],
    [
      "PA001",
      { peerAuthentications: [peerAuthentication("bookinfo", "p", { selector: { matchLabels: { app: "reviews" } }, mtls: { mode: "STRICT" } })] },
      { peerAuthentications: [peerAuthentication("bookinfo", "p", { selector: { matchLabels: { app: "cart" } }, mtls: { mode: "STRICT" } })] },
      "spec.selector.matchLabels",
    ],
    [
      "RA001",
      { requestAuthentications: [requestAuthentication("bookinfo", "p", { selector: { matchLabels: { app: "reviews" } } })] },
      { requestAuthentications: [requestAuthentication("bookinfo", "p", { selector: { matchLabels: { app: "cart" } } })] },
      "spec.selector.matchLabels",
    ],
  ];

  it.each(cases)("%s: accepts a selector matching a pod of the namespace, reports one matching only elsewhere", (code, valid, invalid, path) => {
    expect(findingsOf(code, mesh(valid))).toEqual([]);
    const [f, ...rest] = findingsOf(code, mesh(invalid));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code, severity: "warning", path });
    expect(f?.message).toContain("No workload in namespace bookinfo has the labels app=cart");
  });

  it("does not check namespace-wide objects (no or empty selector)", () => {
    expect(findingsOf("AP003", mesh({ authorizationPolicies: [authorizationPolicy("bookinfo", "p", { selector: { matchLabels: {} } }), authorizationPolicy("bookinfo", "q", {})] }))).toEqual([]);
    expect(findingsOf("SC002", mesh({ sidecars: [sidecar("bookinfo", "s", { egress: [{ hosts: ["./*"] }] })] }))).toEqual([]);
  });

  it("does not check policies attached with targetRefs", () => {
    const ap = authorizationPolicy("bookinfo", "p", { targetRefs: [{ kind: "Gateway", group: "gateway.networking.k8s.io", name: "waypoint" }], action: "ALLOW" });
    expect(findingsOf("AP003", mesh({ authorizationPolicies: [ap] }))).toEqual([]);
  });

  it("counts Deployments scaled to 0 and workloads of other controllers", () => {
    const policy = (app: string) => ({ authorizationPolicies: [authorizationPolicy("bookinfo", "p", { selector: { matchLabels: { app } } })] });
    expect(findingsOf("AP003", mesh({ ...policy("details"), deployments: [deployment("bookinfo", "details", { app: "details" })] }))).toEqual([]);
    expect(findingsOf("AP003", mesh({ ...policy("db"), workloads: [{ namespace: "bookinfo", name: "db", labels: { app: "db" } }] }))).toEqual([]);
  });

  it("is skipped when no workloads are known", () => {
    const input = mesh({ authorizationPolicies: [authorizationPolicy("bookinfo", "p", { selector: { matchLabels: { app: "cart" } } })], pods: undefined, deployments: undefined });
    expect(findingsOf("AP003", input)).toEqual([]);
    expect(findingsOf("AP003", { ...input, pods: [pod("bookinfo", "x", { app: "x" })] })).toHaveLength(1);
  });
});
