import type { SimSpan } from "../tracing/span-store";

/** Test data: SimSpans shaped like what the mesh simulator records for Bookinfo. */

export const T0_US = 1_700_000_000_000_000;

let counter = 0;

/** A fresh 16-hex-digit span ID. */
export function nextSpanId(): string {
  counter += 1;
  return counter.toString(16).padStart(16, "0");
}

/** A span with Envoy-like tags; override any field. */
export function simSpan(overrides: Partial<SimSpan> & Pick<SimSpan, "traceId">): SimSpan {
  return {
    spanId: nextSpanId(),
    serviceName: "productpage.bookinfo",
    operationName: "productpage.bookinfo.svc.cluster.local:9080/*",
    kind: "server",
    startTimeUs: T0_US,
    durationUs: 12_000,
    tags: {
      "http.method": "GET",
      "http.url": "http://productpage.bookinfo:9080/productpage",
      "http.status_code": "200",
      component: "proxy",
      "upstream_cluster": "inbound|9080||",
    },
    processTags: { hostname: "productpage-v1-6b746f74dc-9stvs", ip: "10.1.0.12" },
    error: false,
    ...overrides,
  };
}

/**
 * One request through the gateway: gateway client → productpage server → productpage client →
 * reviews server (an error, 503). Four spans, three processes.
 */
export function bookinfoTrace(traceId: string, startUs = T0_US, reviewsDurationUs = 40_000): SimSpan[] {
  const gwClient = simSpan({
    traceId,
    serviceName: "istio-ingressgateway.istio-system",
    kind: "client",
    startTimeUs: startUs,
    durationUs: reviewsDurationUs + 20_000,
    processTags: { hostname: "istio-ingressgateway-5c8f5b7f9-abcde", ip: "10.1.0.2" },
  });
  const ppServer = simSpan({ traceId, parentSpanId: gwClient.spanId, startTimeUs: startUs + 500, durationUs: reviewsDurationUs + 15_000 });
  const ppClient = simSpan({
    traceId,
    parentSpanId: ppServer.spanId,
    kind: "client",
    operationName: "reviews.bookinfo.svc.cluster.local:9080/*",
    startTimeUs: startUs + 1_000,
    durationUs: reviewsDurationUs + 1_000,
    tags: { "http.method": "GET", "http.status_code": 503, "response_size": 95, "request.ratio": 0.25, retried: true },
    error: true,
  });
  const reviews = simSpan({
    traceId,
    parentSpanId: ppClient.spanId,
    serviceName: "reviews.bookinfo",
    operationName: "reviews.bookinfo.svc.cluster.local:9080/*",
    startTimeUs: startUs + 1_500,
    durationUs: reviewsDurationUs,
    tags: { "http.method": "GET", "http.status_code": "503", "istio.canonical_revision": "v2" },
    processTags: { hostname: "reviews-v2-7bf8c9648f-x2x2x", ip: "10.1.0.22" },
    error: true,
  });
  return [gwClient, ppServer, ppClient, reviews];
}
