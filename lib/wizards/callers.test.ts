import { describe, expect, it } from "vitest";
import { callersQuery, principalOf, toCallers } from "./callers";

const sample = (metric: Record<string, string>, value = 3) => ({ metric, value });

describe("callers query", () => {
  it("asks the destination's reports about the service's FQDN, escaped", () => {
    expect(callersQuery({ namespace: "bookinfo", service: "reviews" }, "reviews.bookinfo.svc.cluster.local")).toBe(
      'sum by (source_workload, source_workload_namespace, source_principal, connection_security_policy, destination_workload) (increase(istio_requests_total{reporter="destination",destination_service="reviews.bookinfo.svc.cluster.local"}[10m])) > 0',
    );
    expect(callersQuery({ namespace: 'x"y' }, undefined)).toContain('destination_workload_namespace="x\\"y"');
  });

  it("falls back to the workload, then the namespace", () => {
    expect(callersQuery({ namespace: "bookinfo", workload: "reviews-v1" })).toContain('destination_workload_namespace="bookinfo",destination_workload="reviews-v1"');
  });
});

describe("callers from samples", () => {
  it("merges a workload's series, strips spiffe://, and tells sidecars from mTLS or from its pods", () => {
    const samples = [
      sample({ source_workload: "productpage-v1", source_workload_namespace: "bookinfo", source_principal: "spiffe://cluster.local/ns/bookinfo/sa/productpage", connection_security_policy: "mutual_tls", destination_workload: "reviews-v2" }),
      sample({ source_workload: "productpage-v1", source_workload_namespace: "bookinfo", source_principal: "spiffe://cluster.local/ns/bookinfo/sa/productpage", connection_security_policy: "mutual_tls", destination_workload: "reviews-v1" }),
      sample({ source_workload: "web", source_workload_namespace: "shop", source_principal: "unknown", connection_security_policy: "none", destination_workload: "reviews-v1" }),
      sample({ source_workload: "unknown", source_workload_namespace: "unknown", source_principal: "unknown", connection_security_policy: "none", destination_workload: "reviews-v1" }),
      sample({ source_workload: "gone", source_workload_namespace: "shop", connection_security_policy: "none" }, 0),
    ];
    const sidecarOf = (ns: string, w: string) => (ns === "shop" && w === "web" ? true : undefined);
    expect(toCallers(samples, sidecarOf)).toEqual([
      { namespace: "bookinfo", workload: "productpage-v1", principal: "cluster.local/ns/bookinfo/sa/productpage", sidecar: true, destinations: ["reviews-v1", "reviews-v2"] },
      { namespace: "shop", workload: "web", principal: null, sidecar: true, destinations: ["reviews-v1"] },
      { namespace: "unknown", workload: "unknown", principal: null, sidecar: false, destinations: ["reviews-v1"] },
    ]);
  });

  it("reads principals", () => {
    expect(principalOf("spiffe://td/ns/a/sa/b")).toBe("td/ns/a/sa/b");
    expect(principalOf("unknown")).toBeNull();
    expect(principalOf(undefined)).toBeNull();
  });
});
