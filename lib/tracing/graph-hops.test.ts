import { describe, expect, it } from "vitest";
import type { RawSpan } from "./assemble";
import { parseNodeId, parseUpstreamCluster, traceGraphHref, traceHops, workloadOfPod } from "./graph-hops";
import type { SpanTag } from "./model";
import { raw, traceOf } from "./test-spans";

const s = (key: string, value: string): SpanTag => ({ key, type: "string", value });

/** A proxy span with Istio's tags, as Envoy reports it from `pod` of `app` in `ns`. */
function envoy(id: string, parent: string | undefined, start: number, kind: "client" | "server", app: string, version: string, pod: string, cluster: string, over: Partial<RawSpan> = {}): RawSpan {
  const ns = app === "istio-ingressgateway" ? "istio-system" : "bookinfo";
  return raw(id, parent, start, 100 - start, {
    kind,
    service: `${app}.${ns}`,
    tags: [
      s("istio.canonical_service", app),
      s("istio.canonical_revision", version),
      s("istio.namespace", ns),
      s("node_id", `${app === "istio-ingressgateway" ? "router" : "sidecar"}~10.244.0.9~${pod}.${ns}~${ns}.svc.cluster.local`),
      s("upstream_cluster", cluster),
    ],
    ...over,
  });
}

// gateway → productpage → reviews v2 → ratings; productpage → details, which has no server span.
const bookinfo = traceOf([
  envoy("g", undefined, 0, "client", "istio-ingressgateway", "latest", "istio-ingressgateway-5c8f5b7f9-abcde", "outbound|9080||productpage.bookinfo.svc.cluster.local"),
  envoy("p", "g", 1, "server", "productpage", "v1", "productpage-v1-6b746f74dc-9stvs", "inbound|9080||"),
  envoy("pd", "p", 2, "client", "productpage", "v1", "productpage-v1-6b746f74dc-9stvs", "outbound|9080||details.bookinfo.svc.cluster.local", { error: true }),
  envoy("pr", "p", 10, "client", "productpage", "v1", "productpage-v1-6b746f74dc-9stvs", "outbound|9080|v2|reviews.bookinfo.svc.cluster.local"),
  envoy("r", "pr", 11, "server", "reviews", "v2", "reviews-v2-7bf8c9648f-x2x2x", "inbound|9080||"),
  envoy("rr", "r", 12, "client", "reviews", "v2", "reviews-v2-7bf8c9648f-x2x2x", "outbound|9080||ratings.bookinfo.svc.cluster.local"),
  envoy("t", "rr", 13, "server", "ratings", "v1", "ratings-v1-5dc79b6bcd-l7x8p", "inbound|9080||"),
  envoy("rr2", "r", 40, "client", "reviews", "v2", "reviews-v2-7bf8c9648f-x2x2x", "outbound|9080||ratings.bookinfo.svc.cluster.local"),
  envoy("t2", "rr2", 41, "server", "ratings", "v1", "ratings-v1-5dc79b6bcd-l7x8p", "inbound|9080||"),
]);

describe("traceHops", () => {
  it("turns Istio's client/server span pairs into workload-to-workload hops", () => {
    const hops = traceHops(bookinfo);
    expect(hops.map((h) => [h.source?.workload, h.destination.workload ?? `(${h.destination.service})`, h.count, h.error])).toEqual([
      ["istio-ingressgateway", "productpage-v1", 1, false],
      ["productpage-v1", "(details)", 1, true],
      ["productpage-v1", "reviews-v2", 1, false],
      ["reviews-v2", "ratings-v1", 2, false],
    ]);
    expect(hops[2]).toMatchObject({
      source: { namespace: "bookinfo", app: "productpage", version: "v1", workload: "productpage-v1" },
      destination: { namespace: "bookinfo", app: "reviews", version: "v2", workload: "reviews-v2", service: "reviews" },
      spanIds: ["pr", "r"],
    });
    // Gateways report the revision `latest`, which names no version.
    expect(hops[0]?.source).toEqual({ namespace: "istio-system", app: "istio-ingressgateway", workload: "istio-ingressgateway" });
    expect(hops[1]?.destination).toEqual({ namespace: "bookinfo", service: "details" });
  });

  it("starts at an unknown source when the first span is a server span", () => {
    const t = traceOf([envoy("p", undefined, 0, "server", "productpage", "v1", "productpage-v1-6b746f74dc-9stvs", "inbound|9080||")]);
    expect(traceHops(t)).toEqual([
      { source: null, destination: { namespace: "bookinfo", app: "productpage", version: "v1", workload: "productpage-v1" }, count: 1, error: false, spanIds: ["p"] },
    ]);
  });

  it("falls back to the <app>.<namespace> service name without Istio tags", () => {
    const t = traceOf([raw("a", undefined, 0, 10, { kind: "client", service: "web.shop" }), raw("b", "a", 1, 5, { kind: "server", service: "cart.shop" })]);
    expect(traceHops(t)).toEqual([{ source: { namespace: "shop", app: "web" }, destination: { namespace: "shop", app: "cart" }, count: 1, error: false, spanIds: ["a", "b"] }]);
  });

  it("links to the graph with the namespaces the trace touches", () => {
    expect(traceGraphHref(bookinfo)).toBe(`/graph?namespaces=bookinfo,istio-system&trace=${bookinfo.traceId}`);
    expect(traceGraphHref(bookinfo, new URLSearchParams("window=1h&namespaces=x"))).toBe(`/graph?window=1h&namespaces=bookinfo,istio-system&trace=${bookinfo.traceId}`);
  });
});

describe("Istio name parsing", () => {
  it("reads pod and namespace from a node ID", () => {
    expect(parseNodeId("sidecar~10.1.0.12~productpage-v1-6b746f74dc-9stvs.bookinfo~bookinfo.svc.cluster.local")).toEqual({ pod: "productpage-v1-6b746f74dc-9stvs", namespace: "bookinfo" });
    expect(parseNodeId("garbage")).toBeUndefined();
  });

  it("reads a workload from a pod name", () => {
    expect(workloadOfPod("reviews-v2-7bf8c9648f-x2x2x")).toBe("reviews-v2");
    expect(workloadOfPod("redis-0")).toBe("redis");
    expect(workloadOfPod("node-agent-8kq2z")).toBe("node-agent");
    expect(workloadOfPod("standalone")).toBe("standalone");
  });

  it("reads service, namespace and subset from an upstream cluster", () => {
    expect(parseUpstreamCluster("outbound|9080|v2|reviews.bookinfo.svc.cluster.local")).toEqual({ direction: "outbound", subset: "v2", service: "reviews", namespace: "bookinfo" });
    expect(parseUpstreamCluster("outbound|443||api.example.com")).toEqual({ direction: "outbound", service: "api.example.com" });
    expect(parseUpstreamCluster("inbound|9080||")).toEqual({ direction: "inbound" });
    expect(parseUpstreamCluster("BlackHoleCluster")).toBeUndefined();
  });
});
