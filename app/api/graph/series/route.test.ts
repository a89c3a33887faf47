import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { KubeStatusError, UpstreamUnavailableError } from "@/server/http/errors";
import { kubeReader } from "@/server/kube/reader";
import { rangeQuery } from "@/server/prometheus/query";
import { GET } from "./route";

vi.mock("@/server/prometheus/query", () => ({ rangeQuery: vi.fn() }));
vi.mock("@/server/kube/reader", () => ({ kubeReader: vi.fn() }));
const rangeMock = vi.mocked(rangeQuery);
const readerMock = vi.mocked(kubeReader);

const get = (qs: string, headers?: Record<string, string>) => GET(new NextRequest(`http://localhost/api/graph/series?${qs}`, { headers }), undefined);

describe("GET /api/graph/series", () => {
  beforeEach(() => {
    rangeMock.mockReset();
    readerMock.mockReset();
    rangeMock.mockImplementation(async (query, opts) => {
      // Requests at 4/s with 1/s errors at two points; percentiles NaN at the first point (no requests).
      const points: Array<[number, number]> = [
        [opts.start, query.startsWith("histogram_quantile") ? NaN : 0],
        [opts.end, query.includes("response_code=~") ? 1 : query.startsWith("histogram_quantile(0.95") ? 250 : 4],
      ];
      return { query, series: [{ metric: {}, points }], ms: 3.21 };
    });
  });

  it("answers a node's series over the window, with the error ratio and NaN as null", async () => {
    const res = await get("node=app:bookinfo:reviews:v2&window=10m&time=1700000000");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ start: 1_700_000_000 - 600, end: 1_700_000_000, step: 10, rateWindow: "60s" });
    expect(Object.keys(body.series).sort()).toEqual(["errorRatioIn", "errorsIn", "p50", "p95", "p99", "rateIn", "rateOut"]);
    expect(body.series.rateIn).toEqual([
      [1_700_000_000 - 600, 0],
      [1_700_000_000, 4],
    ]);
    expect(body.series.errorRatioIn).toEqual([
      [1_700_000_000 - 600, null],
      [1_700_000_000, 0.25],
    ]);
    expect(body.series.p95).toEqual([
      [1_700_000_000 - 600, null],
      [1_700_000_000, 250],
    ]);
    expect(body.queries).toHaveLength(6);
    expect(body.queries[0]).toMatchObject({ name: "rateIn", ms: 3.2 });
    expect(rangeMock).toHaveBeenCalledWith(expect.stringContaining('destination_app="reviews"'), { start: 1_700_000_000 - 600, end: 1_700_000_000, step: 10, operation: "graph_series_rateIn" });
    // The console's own identity reads Prometheus without a Kubernetes check.
    expect(readerMock).not.toHaveBeenCalled();
  });

  it("answers an edge's series", async () => {
    const res = await get("source=app:bookinfo:productpage:v1&target=app:bookinfo:reviews:v3&protocol=http");
    expect(res.status).toBe(200);
    expect(Object.keys((await res.json()).series).sort()).toEqual(["errorRatioIn", "errorsIn", "p50", "p95", "p99", "rateIn"]);
    expect(rangeMock.mock.calls[0]![0]).toContain('source_app="productpage",source_version="v1",destination_workload_namespace="bookinfo"');
  });

  it.each([
    ["", "node"],
    ["node=pod:a:b", "node"],
    ["node=unknown&window=30s", "window"],
    ["source=external:x&target=unknown", "source"],
  ])("refuses %j with 422 naming %s", async (qs, path) => {
    const res = await get(qs);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(rangeMock).not.toHaveBeenCalled();
  });

  it("answers 502 naming Prometheus and its URL when it fails, 504 when it times out", async () => {
    rangeMock.mockRejectedValueOnce(new UpstreamUnavailableError("prometheus", "http://prom:9090/api/v1/query_range", "ECONNREFUSED"));
    const res = await get("node=unknown");
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: "prometheus (http://prom:9090/api/v1/query_range): ECONNREFUSED", upstream: "prometheus" });
    rangeMock.mockRejectedValueOnce(new UpstreamUnavailableError("prometheus", "http://prom:9090", "no answer", true));
    expect((await get("node=unknown")).status).toBe(504);
  });

  it("checks that a user's token may read the namespaces it asks about (403 passes through)", async () => {
    const list = vi.fn().mockRejectedValue(new KubeStatusError(403, "Forbidden", 'deployments.apps is forbidden in namespace "bookinfo"'));
    readerMock.mockReturnValue({ list });
    const res = await get("node=app:bookinfo:reviews:v2", { authorization: "Bearer tok" });
    expect(res.status).toBe(403);
    expect(list).toHaveBeenCalledWith("deployments", ["bookinfo"]);
    expect(rangeMock).not.toHaveBeenCalled();
  });
});
