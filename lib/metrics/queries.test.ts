import { describe, expect, it } from "vitest";
import { detailQueries, objectMatchers } from "./detail-queries";
import { healthTallyQuery, namespaceInboundQuery } from "./health-query";

const many = Array.from({ length: 300 }, (_, i) => `scale-${i}`);

describe("health query", () => {
  it("matches all selected namespaces with one regex per selector", () => {
    const q = healthTallyQuery(["bookinfo", "shop"], "5m");
    expect(q.match(/destination_service_namespace=~"bookinfo\|shop"/g)).toHaveLength(2);
    expect(q).toContain('source_workload_namespace=~"bookinfo|shop"');
    expect(q).toContain('destination_service_namespace=~"bookinfo|shop",source_workload_namespace!~"bookinfo|shop"');
    expect(q).toContain("[5m]");
    expect(q.startsWith("sum by (reporter, source_workload_namespace,")).toBe(true);
  });

  it("stays one query whose selectors do not multiply with the namespaces", () => {
    const q = healthTallyQuery(many, "1m");
    expect(q.match(/istio_requests_total\{/g)).toHaveLength(3);
    expect(namespaceInboundQuery(many, "60s").match(/istio_requests_total\{/g)).toHaveLength(2);
  });

  it("escapes namespace values (regex and string) and refuses bad windows and empty selections", () => {
    expect(healthTallyQuery(['a"b', "c.d"], "5m")).toContain('=~"a\\"b|c\\\\.d"');
    expect(() => healthTallyQuery(["a"], "5m) or vector(1")).toThrow(/duration/);
    expect(() => healthTallyQuery([], "5m")).toThrow(/at least one/);
  });

  it("leaves the namespace matchers out when the selection is every namespace", () => {
    const q = healthTallyQuery(many, "5m", { everyNamespace: true });
    expect(q).not.toContain("=~");
    expect(q).toContain('increase(istio_requests_total{reporter="destination"}[5m]) or increase(istio_requests_total{reporter="source"}[5m])');
    expect(namespaceInboundQuery(many, "60s", { everyNamespace: true })).not.toContain("=~");
  });

  it("uses the source reporter's sum only for namespaces without a destination-reported one", () => {
    expect(namespaceInboundQuery(["legacy"], "60s")).toBe(
      'sum by (destination_workload_namespace) (rate(istio_requests_total{reporter="destination",destination_workload_namespace=~"legacy"}[60s])) or sum by (destination_workload_namespace) (rate(istio_requests_total{reporter="source",destination_workload_namespace=~"legacy"}[60s]))',
    );
  });
});

describe("detail queries", () => {
  const base = { kind: "workload" as const, namespace: "bookinfo", name: "reviews-v2", split: "none" as const, rateWindow: "60s" };

  it("are four queries covering both directions, each tagged", () => {
    const qs = detailQueries({ ...base, directions: [{ direction: "inbound", reporter: "destination" }, { direction: "outbound", reporter: "source" }] });
    expect(qs.map((q) => q.name)).toEqual(["requests", "latency", "sizes", "tcp"]);
    for (const q of qs) {
      expect(q.query).toContain('"meshscope_dir", "inbound"');
      expect(q.query).toContain('"meshscope_dir", "outbound"');
    }
    const requests = qs[0]?.query ?? "";
    expect(requests).toContain('istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo",destination_workload="reviews-v2"}');
    expect(requests).toContain('istio_requests_total{reporter="source",source_workload_namespace="bookinfo",source_workload="reviews-v2"}');
    expect(qs[1]?.query).toContain("by (le)");
  });

  it("groups by the peer or the response code when split, without repeating a label", () => {
    const peer = detailQueries({ ...base, split: "peer", directions: [{ direction: "inbound", reporter: "destination" }] });
    expect(peer[0]?.query).toContain("by (source_workload_namespace, source_workload, response_code, grpc_response_status, request_protocol)");
    const code = detailQueries({ ...base, split: "code", directions: [{ direction: "inbound", reporter: "destination" }] });
    expect(code[0]?.query).toContain("by (response_code, grpc_response_status, request_protocol)");
    expect(code[3]?.query).toContain("sum by () (rate(istio_tcp_sent_bytes_total");
  });

  it("names apps and services with their own labels, escaped", () => {
    expect(objectMatchers("app", "outbound", "ns", "reviews")).toEqual(['source_workload_namespace="ns"', 'source_app="reviews"']);
    expect(objectMatchers("service", "inbound", "ns", 'x"y')).toEqual(['destination_service_namespace="ns"', 'destination_service_name="x\\"y"']);
  });

  it("are none without a direction", () => {
    expect(detailQueries({ ...base, directions: [] })).toEqual([]);
  });
});
