import { describe, expect, it } from "vitest";
import { detailQueries, objectMatchers } from "./detail-queries";
import { healthTallyQueries, healthTallyQuery, namespaceInboundQuery } from "./health-query";

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
    expect(namespaceInboundQuery(many, "60s", { reporter: "destination" }).match(/istio_requests_total\{/g)).toHaveLength(1);
  });

  it("is sent as two parts, one per reporter, whose selectors are those of the single query", () => {
    for (const opts of [{}, { everyNamespace: true }]) {
      const [dest, src] = healthTallyQueries(["bookinfo", "shop"], "5m", opts);
      expect([dest?.name, src?.name]).toEqual(["health-destination", "health-source"]);
      const selectors = (q: string) => q.match(/istio_requests_total\{[^}]*\}/g) ?? [];
      expect(selectors(dest?.query ?? "").every((x) => x.includes('reporter="destination"'))).toBe(true);
      expect(selectors(src?.query ?? "").every((x) => x.includes('reporter="source"'))).toBe(true);
      expect(dest?.query.startsWith("sum by (reporter, source_workload_namespace,")).toBe(true);
    }
    const parts = healthTallyQueries(["bookinfo", "shop"], "5m");
    const whole = healthTallyQuery(["bookinfo", "shop"], "5m");
    expect(parts.flatMap((p) => p.query.match(/istio_requests_total\{[^}]*\}/g) ?? [])).toEqual(whole.match(/istio_requests_total\{[^}]*\}/g));
    expect(healthTallyQueries(many, "5m", { everyNamespace: true }).every((p) => !p.query.includes("=~"))).toBe(true);
    expect(() => healthTallyQueries(["a"], "5m) or vector(1")).toThrow(/duration/);
    expect(() => healthTallyQueries([], "5m")).toThrow(/at least one/);
  });

  it("escapes namespace values (regex and string) and refuses bad windows and empty selections", () => {
    expect(healthTallyQuery(['a"b', "c.d"], "5m")).toContain('=~"a\\"b|c\\\\.d"');
    expect(() => healthTallyQuery(["a"], "5m) or vector(1")).toThrow(/duration/);
    expect(() => healthTallyQuery([], "5m")).toThrow(/at least one/);
  });

  it("leaves the namespace matchers out when the selection is every namespace", () => {
    const q = healthTallyQuery(many, "5m", { everyNamespace: true });
    // Both reporters in one selector: the same series as the three selectors of a partial selection.
    expect(q).toContain('(increase(istio_requests_total{reporter=~"destination|source"}[5m]))');
    expect(q).not.toContain(" or ");
    expect(namespaceInboundQuery(many, "60s", { everyNamespace: true, reporter: "destination" })).toBe(
      'sum by (destination_workload_namespace) (rate(istio_requests_total{reporter="destination",destination_workload_namespace!=""}[60s]))',
    );
  });

  it("reads one reporter's requests received per namespace, for the sparklines", () => {
    expect(namespaceInboundQuery(["legacy", "shop"], "60s", { reporter: "source" })).toBe(
      'sum by (destination_workload_namespace) (rate(istio_requests_total{reporter="source",destination_workload_namespace=~"legacy|shop"}[60s]))',
    );
    expect(() => namespaceInboundQuery(["a"], "1m]", { reporter: "source" })).toThrow(/duration/);
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
