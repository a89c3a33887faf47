import { describe, expect, it } from "vitest";
import { computeRequestHealth } from "@/lib/health/requests";
import { BOOKINFO_SAMPLES, sample } from "./fixtures/istio-samples";
import { chooseTraffic, indexTallies, isServerError } from "./tallies";

const index = indexTallies(BOOKINFO_SAMPLES, ["bookinfo", "legacy"], 300);

describe("indexTallies", () => {
  it("counts inbound requests from the destination's own reports, without double counting the source's", () => {
    const t = chooseTraffic(index.workloads.get("bookinfo/reviews-v2"));
    expect(t.inboundRequests).toBe(300);
    expect(t.inboundErrors).toBe(30);
    expect(t.tallies.filter((x) => x.direction === "inbound").reduce((s, x) => s + x.count, 0)).toBe(300);
  });

  it("counts outbound requests from the source's reports, with the called service as peer", () => {
    const t = chooseTraffic(index.workloads.get("bookinfo/reviews-v2"));
    expect(t.outboundRequests).toBe(300);
    expect(t.peers.filter((p) => p.direction === "outbound")).toEqual([
      { direction: "outbound", kind: "service", namespace: "bookinfo", name: "ratings", requests: 300, errors: 3 },
    ]);
  });

  it("sums an app over its versions and keeps callers outside the mesh as `unknown`", () => {
    const reviews = chooseTraffic(index.apps.get("bookinfo/reviews"));
    expect(reviews.inboundRequests).toBe(600);
    const productpage = chooseTraffic(index.workloads.get("bookinfo/productpage-v1"));
    expect(productpage.inboundRequests).toBe(660);
    expect(productpage.peers.filter((p) => p.direction === "inbound").map((p) => `${p.kind}:${p.namespace}/${p.name}`).sort()).toEqual([
      "unknown:/unknown",
      "workload:legacy/batch-v1",
    ]);
  });

  it("judges an object without a sidecar by its callers' reports", () => {
    const t = chooseTraffic(index.workloads.get("legacy/legacy-api-v1"));
    expect(t.inboundRequests).toBe(100);
    expect(t.inboundErrors).toBe(10);
    expect(computeRequestHealth(t.tallies).reasons).toEqual(["inbound HTTP no response 10.0% ≥ 10% (failure)"]);
    // ...but the caller, outside the selection, gets no outbound entry.
    expect(index.workloads.has("shop/shipping-v1")).toBe(false);
  });

  it("indexes services by destination service and ignores NaN and zero samples", () => {
    expect(chooseTraffic(index.services.get("bookinfo/reviews")).inboundRequests).toBe(600);
    expect(index.workloads.get("bookinfo/ratings-v1")?.inboundByDestination.requests).toBe(300);
  });

  it("feeds lib/health: 10% 503 fails reviews-v2 inbound; gRPC 14 degrades its outbound", () => {
    const h = computeRequestHealth(chooseTraffic(index.workloads.get("bookinfo/reviews-v2")).tallies);
    expect(h.status).toBe("failure");
    expect(h.reasons).toEqual(["inbound HTTP 5xx 10.0% ≥ 10% (failure)", "outbound gRPC status 1–16 1.0% > 0% (degraded)"]);
  });

  it("leaves objects with no traffic out, so that they have no data", () => {
    expect(chooseTraffic(index.workloads.get("bookinfo/details-v1"))).toEqual({ tallies: [], peers: [], inboundRequests: 0, outboundRequests: 0, inboundErrors: 0 });
  });

  it("only indexes the selected namespaces", () => {
    const only = indexTallies([sample({ reporter: "destination", from: "unknown", to: ["other", "x-v1", "x", "x"], count: 5 })], ["bookinfo"], 60);
    expect(only.workloads.size + only.apps.size + only.services.size).toBe(0);
  });
});

describe("isServerError", () => {
  it("counts 5xx, no response and gRPC statuses 1–16, not 4xx or gRPC OK", () => {
    expect(isServerError({ protocol: "http", code: "503" })).toBe(true);
    expect(isServerError({ protocol: "http", code: "0" })).toBe(true);
    expect(isServerError({ protocol: "grpc", code: "200", grpcStatus: "14" })).toBe(true);
    expect(isServerError({ protocol: "grpc", code: "200", grpcStatus: "0" })).toBe(false);
    expect(isServerError({ protocol: "http", code: "404" })).toBe(false);
  });
});
