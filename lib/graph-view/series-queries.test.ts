import { describe, expect, it } from "vitest";
import { parseNodeId, seriesQueries, seriesRange, sideMatchers, type ParsedNodeId } from "./series-queries";

const node = (id: string): ParsedNodeId => {
  const n = parseNodeId(id);
  if (!n) throw new Error(id);
  return n;
};

describe("parseNodeId", () => {
  it.each([
    ["app:bookinfo:reviews:v2", { type: "app", namespace: "bookinfo", app: "reviews", version: "v2" }],
    ["app:bookinfo:reviews", { type: "app", namespace: "bookinfo", app: "reviews" }],
    ["workload:bookinfo:reviews-v2", { type: "workload", namespace: "bookinfo", workload: "reviews-v2" }],
    ["service:bookinfo:reviews", { type: "service", namespace: "bookinfo", service: "reviews" }],
    ["serviceEntry:shop:api.stripe.com", { type: "serviceEntry", namespace: "shop", host: "api.stripe.com" }],
    ["external:PassthroughCluster", { type: "external", host: "PassthroughCluster" }],
    ["unknown", { type: "unknown" }],
  ])("reads %s", (id, parsed) => expect(parseNodeId(id)).toEqual(parsed));

  it.each(["", "app", "app:bookinfo", "app:bookinfo:reviews:v2:x", "app:bookinfo:reviews:", "workload:ns", "pod:ns:x", "external:"])("refuses %j", (id) => {
    expect(parseNodeId(id)).toBeUndefined();
  });
});

describe("seriesQueries", () => {
  it("selects a versioned app's inbound requests, destination reports first", () => {
    const q = seriesQueries({ kind: "node", node: node("app:bookinfo:reviews:v2") }, "60s");
    expect(q.map((x) => x.name)).toEqual(["rateIn", "errorsIn", "p50", "p95", "p99", "rateOut"]);
    expect(q[0]!.query).toBe(
      'sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="bookinfo",destination_app="reviews",destination_version="v2"}[60s])) or ' +
        'sum(rate(istio_requests_total{reporter="source",destination_workload_namespace="bookinfo",destination_app="reviews",destination_version="v2"}[60s]))',
    );
    expect(q[1]!.query).toContain('request_protocol!="grpc",response_code=~"0|[45][0-9][0-9]"');
    expect(q[1]!.query).toContain('request_protocol="grpc",grpc_response_status=~"[1-9][0-9]?"');
    expect(q[3]!.query).toMatch(/^histogram_quantile\(0\.95, sum by \(le\) \(rate\(istio_request_duration_milliseconds_bucket\{reporter="destination",/);
    expect(q[5]!.query).toContain('source_workload_namespace="bookinfo",source_app="reviews",source_version="v2"');
  });

  it("selects an edge by both ends, through a service node, for one protocol", () => {
    const q = seriesQueries({ kind: "edge", source: node("service:bookinfo:reviews"), target: node("workload:bookinfo:reviews-v2"), protocol: "http" }, "60s");
    expect(q.map((x) => x.name)).toEqual(["rateIn", "errorsIn", "p50", "p95", "p99"]);
    expect(q[0]!.query).toContain(
      'destination_service_namespace="bookinfo",destination_service_name="reviews",destination_workload_namespace="bookinfo",destination_workload="reviews-v2",request_protocol="http"',
    );
    expect(q[1]!.query).not.toContain("grpc_response_status");
  });

  it("reads TCP edges as bytes sent and received", () => {
    const q = seriesQueries({ kind: "edge", source: node("workload:shop:catalog-v1"), target: node("workload:shop:postgres-v1"), protocol: "tcp" }, "120s");
    expect(q.map((x) => x.name)).toEqual(["tcpSent", "tcpReceived"]);
    expect(q[0]!.query).toContain("istio_tcp_sent_bytes_total{");
    expect(q[1]!.query).toContain("istio_tcp_received_bytes_total{");
  });

  it("escapes label values", () => {
    const m = sideMatchers({ type: "external", host: 'evil"} or vector(1) #' }, "destination")!;
    expect(m).toEqual(['destination_service="evil\\"} or vector(1) #"']);
  });

  it("knows which nodes send and receive: hosts send nothing, unknown receives nothing", () => {
    expect(sideMatchers(node("external:api.example.com"), "source")).toBeUndefined();
    expect(sideMatchers(node("unknown"), "destination")).toBeUndefined();
    expect(sideMatchers(node("unknown"), "source")).toEqual(['source_workload="unknown"']);
    expect(sideMatchers(node("external:PassthroughCluster"), "destination")).toEqual(['destination_service_name="PassthroughCluster"']);
    expect(seriesQueries({ kind: "node", node: node("unknown") }, "60s").map((q) => q.name)).toEqual(["rateOut"]);
    expect(() => seriesQueries({ kind: "edge", source: node("external:x"), target: node("unknown"), protocol: "http" }, "60s")).toThrow(RangeError);
  });
});

describe("seriesRange", () => {
  it("gives about 60 points over the window, aligned to the step, rates over at least a minute", () => {
    expect(seriesRange(300, 1_000_003)).toEqual({ start: 999_700, end: 1_000_000, step: 5, rateWindow: "60s" });
    const day = seriesRange(86_400, 1_000_000);
    expect(day.step).toBe(1_440);
    expect(day.rateWindow).toBe("1440s");
    expect((day.end - day.start) / day.step).toBe(60);
  });
});
