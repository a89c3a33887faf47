import type { V1Deployment, V1Pod, V1Service } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { BOOKINFO_SAMPLES } from "@/lib/metrics/fixtures/istio-samples";
import { indexTallies } from "@/lib/metrics/tallies";
import { toHealthDetail, toPeerTraffic } from "./detail";
import { buildInventory, type InventoryInput } from "./list-items";

function deployment(ns: string, name: string, app: string, version: string, o: { replicas?: number; available?: number; annotations?: Record<string, string> } = {}): V1Deployment {
  const labels = { app, version };
  return {
    metadata: { namespace: ns, name, annotations: o.annotations },
    spec: { replicas: o.replicas ?? 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: app }, { name: "istio-proxy" }] } } },
    status: { availableReplicas: o.available ?? o.replicas ?? 1, readyReplicas: o.available ?? o.replicas ?? 1 },
  };
}
const pod = (ns: string, name: string, labels: Record<string, string>): V1Pod => ({
  metadata: { namespace: ns, name, labels },
  spec: { containers: [{ name: "app" }, { name: "istio-proxy" }] },
  status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] },
});
const service = (ns: string, name: string, selector: Record<string, string>, annotations?: Record<string, string>): V1Service => ({
  metadata: { namespace: ns, name, annotations },
  spec: { selector, ports: [{ port: 9080, protocol: "TCP" }] },
});

const INPUT: InventoryInput = {
  deployments: [
    deployment("bookinfo", "productpage-v1", "productpage", "v1"),
    deployment("bookinfo", "reviews-v1", "reviews", "v1"),
    deployment("bookinfo", "reviews-v2", "reviews", "v2"),
    deployment("bookinfo", "ratings-v1", "ratings", "v1", { annotations: { "health.meshscope.io/rate": "grpc=off" } }),
    deployment("bookinfo", "details-v1", "details", "v1", { replicas: 2, available: 1 }),
  ],
  pods: [pod("bookinfo", "reviews-v2-abc", { app: "reviews", version: "v2" })],
  services: [
    service("bookinfo", "reviews", { app: "reviews" }),
    service("bookinfo", "ratings", { app: "ratings" }, { "health.meshscope.io/rate": "grpc=any/50" }),
    service("bookinfo", "details", { app: "details" }),
  ],
  istio: [{ kind: "VirtualService", items: [{ metadata: { namespace: "bookinfo", name: "reviews" }, spec: { hosts: ["reviews"] } } as never] }],
  tallies: indexTallies(BOOKINFO_SAMPLES, ["bookinfo"], 300),
};

describe("buildInventory", () => {
  const inv = buildInventory(INPUT);
  const workload = (n: string) => inv.workloads.find((w) => w.item.name === n);

  it("judges workloads by replicas and requests, with reasons, traffic and Istio objects", () => {
    expect(workload("reviews-v2")?.item.health).toEqual({
      status: "failure",
      reasons: ["inbound HTTP 5xx 10.0% ≥ 10% (failure)", "outbound gRPC status 1–16 1.0% > 0% (degraded)"],
      problems: [],
      requestsKnown: true,
    });
    expect(workload("reviews-v2")?.item.traffic).toEqual({ inboundRps: 1, outboundRps: 1, inboundErrorPercent: 10 });
    expect(workload("reviews-v2")?.item.istio).toEqual([{ kind: "VirtualService", namespace: "bookinfo", name: "reviews", scope: "host" }]);
    expect(workload("reviews-v2")?.item.services).toEqual(["reviews"]);
    expect(workload("details-v1")?.item.health).toMatchObject({ status: "degraded", reasons: ["1 of 2 replicas available"] });
    // No traffic: the workload shows its replica health, not no-data.
    expect(workload("reviews-v1")?.item.health.status).toBe("healthy");
  });

  it("applies each object's rate annotation", () => {
    // gRPC errors are off for ratings-v1 (workload annotation)...
    expect(workload("ratings-v1")?.item.health.status).toBe("healthy");
    // ...while the ratings service tolerates them up to 50%: degraded only.
    expect(inv.services.find((s) => s.item.name === "ratings")?.item.health).toMatchObject({ status: "degraded", reasons: ["inbound gRPC status 1–16 1.0% > 0% (degraded)"] });
  });

  it("builds apps from their workloads' health and the app's own requests", () => {
    const reviews = inv.apps.find((a) => a.item.name === "reviews");
    expect(reviews?.item).toMatchObject({ versions: ["v1", "v2"], workloads: ["reviews-v1", "reviews-v2"], services: ["reviews"], labels: { app: "reviews" } });
    expect(reviews?.item.health.status).toBe("failure");
    expect(reviews?.item.health.reasons).toContain("reviews-v2: inbound HTTP 5xx 10.0% ≥ 10% (failure)");
  });

  it("gives services versions, sidecar state and no-data without traffic", () => {
    const details = inv.services.find((s) => s.item.name === "details")?.item;
    expect(details).toMatchObject({ versions: ["v1"], sidecar: "present", workloads: ["details-v1"] });
    expect(details?.health).toMatchObject({ status: "no-data", reasons: ["no requests in the window"] });
  });

  it("without Prometheus, judges replicas only and says request health is unknown", () => {
    const blind = buildInventory({ ...INPUT, tallies: undefined });
    const w = blind.workloads.find((x) => x.item.name === "reviews-v2")?.item.health;
    expect(w).toEqual({ status: "healthy", reasons: ["request health unknown: Prometheus unavailable"], problems: [], requestsKnown: false });
    expect(blind.services.find((s) => s.item.name === "reviews")?.item.health).toMatchObject({ status: "no-data", requestsKnown: false, reasons: ["request health unknown: Prometheus unavailable"] });
  });

  it("details health with ratios and rates, and peers busiest first", () => {
    const j = workload("reviews-v2");
    if (!j) throw new Error("missing");
    const d = toHealthDetail(j, 300);
    expect(d.ratios.map((r) => [r.rule, r.percent])).toEqual([["5xx", 10], ["grpc", 1]]);
    expect(d.totals).toEqual([
      { direction: "inbound", protocol: "http", rps: 1 },
      { direction: "outbound", protocol: "grpc", rps: 1 },
    ]);
    expect(d.replicas).toEqual({ desired: 1, available: 1 });
    expect(toPeerTraffic(j.traffic, 300)).toEqual([
      { direction: "inbound", kind: "workload", namespace: "bookinfo", name: "productpage-v1", rps: 1, errorPercent: 10 },
      { direction: "outbound", kind: "service", namespace: "bookinfo", name: "ratings", rps: 1, errorPercent: 1 },
    ]);
  });
});
