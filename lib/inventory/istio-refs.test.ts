import type { KubernetesObject } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { directRefs, hostNamesService, indexIstioConfig, refsForService, refsForWorkload, type IstioGroup } from "./istio-refs";

const obj = (namespace: string, name: string, spec: Record<string, unknown>) => ({ metadata: { namespace, name }, spec }) as KubernetesObject;

const GROUPS: IstioGroup[] = [
  {
    kind: "VirtualService",
    items: [
      obj("bookinfo", "reviews", { hosts: ["reviews"], http: [{ route: [{ destination: { host: "reviews", subset: "v1" } }] }] }),
      // Bound to a gateway only: its hosts are external names, but its routes still name services.
      obj("bookinfo", "bookinfo", { hosts: ["*"], gateways: ["bookinfo-gateway"], http: [{ route: [{ destination: { host: "productpage" } }] }] }),
      obj("shop", "mirror", { hosts: ["cart.shop.svc.cluster.local"], http: [{ route: [{ destination: { host: "cart" } }], mirror: { host: "ratings.bookinfo" } }] }),
      obj("other", "wild", { hosts: ["*.bookinfo.svc.cluster.local"] }),
    ],
  },
  { kind: "DestinationRule", items: [obj("bookinfo", "ratings", { host: "ratings" }), obj("bookinfo", "elsewhere", { host: "ratings.shop.svc.cluster.local" })] },
  {
    kind: "PeerAuthentication",
    items: [obj("shop", "payment-strict", { selector: { matchLabels: { app: "payment" } }, mtls: { mode: "STRICT" } }), obj("shop", "ns-wide", { mtls: { mode: "PERMISSIVE" } }), obj("istio-system", "mesh", { mtls: { mode: "STRICT" } })],
  },
  { kind: "AuthorizationPolicy", items: [obj("bookinfo", "payment-lookalike", { selector: { matchLabels: { app: "payment" } } })] },
  { kind: "Sidecar", items: [obj("shop", "payment-egress", { workloadSelector: { labels: { app: "payment" } } })] },
  { kind: "Gateway", items: [obj("bookinfo", "bookinfo-gateway", { selector: { istio: "ingressgateway" } })] },
];
const index = indexIstioConfig(GROUPS);
const names = (refs: Array<{ kind: string; name: string; scope: string }>) => refs.map((r) => `${r.kind}/${r.name}@${r.scope}`);

describe("hostNamesService", () => {
  it("resolves short names in the object's namespace, completes name.ns, and honours wildcards", () => {
    expect(hostNamesService("reviews", "bookinfo", "bookinfo", "reviews")).toBe(true);
    expect(hostNamesService("reviews", "shop", "bookinfo", "reviews")).toBe(false);
    expect(hostNamesService("reviews.bookinfo", "shop", "bookinfo", "reviews")).toBe(true);
    expect(hostNamesService("reviews.bookinfo.svc", "shop", "bookinfo", "reviews")).toBe(true);
    expect(hostNamesService("Reviews.Bookinfo.svc.cluster.local", "x", "bookinfo", "reviews")).toBe(true);
    expect(hostNamesService("*.bookinfo.svc.cluster.local", "x", "bookinfo", "reviews")).toBe(true);
    expect(hostNamesService("*.shop.svc.cluster.local", "x", "bookinfo", "reviews")).toBe(false);
    expect(hostNamesService("reviews.example.com", "bookinfo", "bookinfo", "reviews")).toBe(false);
  });
});

describe("refsForService", () => {
  it("finds VirtualServices by host or route destination and DestinationRules by host", () => {
    expect(names(refsForService(index, "bookinfo", "reviews"))).toEqual(["VirtualService/reviews@host", "VirtualService/wild@host"]);
    expect(names(refsForService(index, "bookinfo", "ratings"))).toEqual(["DestinationRule/ratings@host", "VirtualService/wild@host", "VirtualService/mirror@host"]);
    // A gateway-only VirtualService's `*` host is not the mesh's, but its route to productpage counts.
    expect(names(refsForService(index, "bookinfo", "productpage"))).toEqual(["VirtualService/bookinfo@host", "VirtualService/wild@host"]);
    expect(names(refsForService(index, "shop", "payment"))).toEqual([]);
  });
});

describe("refsForWorkload", () => {
  it("finds selecting policies in its namespace, namespace- and mesh-wide ones, and its services' host objects", () => {
    const refs = refsForWorkload(index, "shop", { app: "payment", version: "v1" }, ["payment"]);
    expect(names(refs)).toEqual(["PeerAuthentication/mesh@mesh", "PeerAuthentication/ns-wide@namespace", "PeerAuthentication/payment-strict@workload", "Sidecar/payment-egress@workload"]);
    expect(names(directRefs(refs))).toEqual(["PeerAuthentication/payment-strict@workload", "Sidecar/payment-egress@workload"]);
  });

  it("lets gateways select pods in any namespace, but not policies", () => {
    const refs = refsForWorkload(index, "istio-system", { app: "istio-ingressgateway", istio: "ingressgateway" }, []);
    expect(names(refs)).toEqual(["Gateway/bookinfo-gateway@workload", "PeerAuthentication/mesh@mesh"]);
    expect(names(refsForWorkload(index, "bookinfo", { app: "reviews" }, ["reviews"]))).toEqual(["PeerAuthentication/mesh@mesh", "VirtualService/reviews@host", "VirtualService/wild@host"]);
  });
});
