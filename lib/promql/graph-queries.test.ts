import { describe, expect, it } from "vitest";
import { graphType } from "@/lib/graph/options";
import { countedRate, graphQueries, latencyQuery, requestsQuery, tcpQuery, throughputQuery, type GraphQueryOptions } from "./graph-queries";

const opts = (namespaces: string[], extra: Partial<GraphQueryOptions> = {}): GraphQueryOptions => ({
  namespaces,
  graphType: "versionedApp",
  window: "5m",
  throughput: false,
  ...extra,
});

const count = (s: string, sub: string) => s.split(sub).length - 1;

describe("graph queries", () => {
  it("issues the same number of queries for 1 and for 50 namespaces", () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `ns-${i}`);
    for (const throughput of [false, true]) {
      const one = graphQueries(opts(["bookinfo"], { throughput }));
      const many = graphQueries(opts(fifty, { throughput }));
      expect(many.length).toBe(one.length);
      expect(many.map((q) => q.name)).toEqual(one.map((q) => q.name));
    }
    expect(graphQueries(opts(fifty)).length).toBe(3);
    expect(graphQueries(opts(fifty, { throughput: true })).length).toBe(4);
  });

  it("matches all selected namespaces with one regex per selector, whatever their number", () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `ns-${i}`);
    const q = requestsQuery(opts(fifty));
    expect(count(q, "destination_workload_namespace=~")).toBe(1);
    expect(count(q, "source_workload_namespace=~")).toBe(1);
    expect(count(q, "destination_workload_namespace!~")).toBe(2);
    expect(count(q, "source_workload_namespace!~")).toBe(1);
    expect(count(q, "destination_service_namespace=~")).toBe(1);
    expect(q).toContain(`destination_workload_namespace=~"${fifty.join("|")}"`);
    expect(count(q, "rate(")).toBe(3);
  });

  it("selects both reporters into and out of the selection, and source reports to workload-less hosts, disjointly", () => {
    expect(countedRate("istio_requests_total", ["a", "b"], "5m")).toBe(
      'rate(istio_requests_total{reporter=~"source|destination",destination_workload_namespace=~"a|b"}[5m])' +
        ' or rate(istio_requests_total{reporter=~"source|destination",source_workload_namespace=~"a|b",destination_workload_namespace!~"a|b"}[5m])' +
        ' or rate(istio_requests_total{reporter="source",destination_workload="unknown",destination_service_namespace=~"a|b",' +
        'destination_workload_namespace!~"a|b",source_workload_namespace!~"a|b"}[5m])',
    );
  });

  it("groups by the reporter, the edge identity and what the graph type needs", () => {
    const q = requestsQuery(opts(["a"]));
    expect(q).toMatch(/^sum by \(reporter, source_cluster, source_workload_namespace, source_workload, /);
    for (const l of ["response_code", "grpc_response_status", "response_flags", "connection_security_policy", "source_principal", "destination_version"]) {
      expect(q).toContain(l);
    }
    expect(requestsQuery(opts(["a"], { graphType: "service" }))).not.toContain("destination_version");
    expect(requestsQuery(opts(["a"], { graphType: "app" }))).not.toContain("destination_version");
    expect(requestsQuery(opts(["a"], { graphType: "app" }))).toContain("destination_app");
    for (const t of graphType.options) expect(requestsQuery(opts(["a"], { graphType: t }))).toContain("destination_workload,");
  });

  it("reads TCP bytes both ways and tags them", () => {
    const q = tcpQuery(opts(["a"]));
    expect(q).toContain('label_replace(rate(istio_tcp_sent_bytes_total{');
    expect(q).toContain('"meshscope_part", "sent", "", ""');
    expect(q).toContain('"meshscope_part", "received", "", ""');
    expect(q).not.toContain("response_code");
  });

  it("reads the duration histogram by le and the duration sum in one query", () => {
    const q = latencyQuery(opts(["a"], { window: "10m" }));
    expect(q).toMatch(/^sum by \(le, reporter, /);
    expect(q).toContain("istio_request_duration_milliseconds_bucket{");
    expect(q).toContain("istio_request_duration_milliseconds_sum{");
    expect(count(q, "[10m]")).toBe(6);
    // Latency needs no response codes nor principals: fewer series on the most expensive query.
    expect(q).not.toContain("response_code");
    expect(q).not.toContain("principal");
  });

  it("reads request and response bytes for throughput", () => {
    const q = throughputQuery(opts(["a"]));
    expect(q).toContain("istio_request_bytes_sum{");
    expect(q).toContain("istio_response_bytes_sum{");
  });

  it("uses the window of the options and refuses a malformed one", () => {
    expect(requestsQuery(opts(["a"], { window: "1h" }))).toContain("[1h]");
    expect(() => requestsQuery(opts(["a"], { window: "5m] or vector(1) [5m" }))).toThrow(/duration/);
  });

  it("keeps hostile namespace values inside their matcher", () => {
    const q = requestsQuery(opts(['x"} or up{a="', "b|c"]));
    // The quote is escaped for the string, the brace and bar for the regex (then their backslash for the string).
    expect(q).toContain(String.raw`destination_workload_namespace=~"x\"\\} or up\\{a=\"|b\\|c"}`);
    expect(q).not.toContain('"} or up{');
  });
});
