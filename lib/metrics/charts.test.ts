import { describe, expect, it } from "vitest";
import type { PromSeries } from "@/lib/promql/types";
import { chartsFor, groupOf, MAX_GROUPS, type DetailSeries } from "./charts";

const T = [1000, 1010, 1020];
const axis = { timestamps: T, step: 10 };
const pts = (...v: number[]): Array<[number, number]> => v.map((x, i) => [T[i] ?? 0, x]);
const s = (metric: Record<string, string>, ...v: number[]): PromSeries => ({ metric, points: pts(...v) });
const inb = { meshscope_dir: "inbound" };
const out = { meshscope_dir: "outbound" };

/** Cumulative buckets of one total: `le → counts at each timestamp`. */
function buckets(dir: Record<string, string>, extra: Record<string, string>, byLe: Record<string, number[]>): PromSeries[] {
  return Object.entries(byLe).map(([le, v]) => s({ ...dir, ...extra, meshscope_part: "bucket", le }, ...v));
}

const EMPTY: DetailSeries = { requests: [], latency: [], sizes: [], tcp: [] };

describe("chartsFor without a split", () => {
  const series: DetailSeries = {
    requests: [
      s({ ...inb, response_code: "200", request_protocol: "http" }, 9, 9, 8),
      s({ ...inb, response_code: "503", request_protocol: "http" }, 1, 0, 2),
      s({ ...inb, response_code: "200", grpc_response_status: "14", request_protocol: "grpc" }, 0, 1, 0),
      s({ ...out, response_code: "200", request_protocol: "http" }, 4, 4, 4),
    ],
    latency: [
      ...buckets(inb, {}, { "10": [5, 5, 0], "100": [10, 10, 0], "+Inf": [10, 10, 0] }),
      s({ ...inb, meshscope_part: "sum" }, 300, 400, 0),
    ],
    sizes: [s({ ...inb, meshscope_part: "request" }, 120, 120, 120), s({ ...inb, meshscope_part: "response" }, 800, Number.NaN, 900)],
    tcp: [s({ ...out, meshscope_part: "sent" }, 2000, 2500, 3000)],
  };
  const { charts, truncated } = chartsFor(["inbound", "outbound"], series, "none", axis);
  const chart = (d: "inbound" | "outbound", id: string) => charts[d]?.find((c) => c.id === id);

  it("sums request volume over codes and protocols into one total", () => {
    expect(chart("inbound", "requests")?.series).toEqual([{ name: "total", values: [10, 10, 10] }]);
    expect(chart("outbound", "requests")?.series).toEqual([{ name: "total", values: [4, 4, 4] }]);
    expect(truncated).toBe(false);
  });

  it("computes the success ratio without 5xx and gRPC errors", () => {
    expect(chart("inbound", "success")?.series[0]?.values).toEqual([90, 90, 80]);
  });

  it("computes latency avg and quantiles from the buckets, gaps where there are no requests", () => {
    const lat = chart("inbound", "latency");
    expect(lat?.series.map((x) => x.name)).toEqual(["avg", "p50", "p95", "p99"]);
    expect(lat?.series[0]?.values).toEqual([30, 40, null]);
    // Half the requests ≤ 10 ms: p50 is the top of the first bucket; p95 interpolates in (10, 100].
    expect(lat?.series[1]?.values[0]).toBe(10);
    expect(lat?.series[2]?.values[0]).toBeCloseTo(91, 6);
    expect(lat?.series[2]?.values[2]).toBeNull();
  });

  it("keeps sizes and TCP bytes per direction, NaN as a gap", () => {
    expect(chart("inbound", "response_size")?.series[0]?.values).toEqual([800, null, 900]);
    expect(chart("outbound", "tcp_sent")?.series[0]?.values).toEqual([2000, 2500, 3000]);
    expect(chart("inbound", "tcp_sent")?.series).toEqual([]);
  });
});

describe("chartsFor with a split", () => {
  it("splits by peer: one series per caller, busiest first, latency as one chart per statistic", () => {
    const series: DetailSeries = {
      ...EMPTY,
      requests: [
        s({ ...inb, source_workload_namespace: "bookinfo", source_workload: "productpage-v1", response_code: "200" }, 5, 5, 5),
        s({ ...inb, source_workload_namespace: "unknown", source_workload: "unknown", response_code: "200" }, 1, 1, 1),
      ],
      latency: buckets(inb, { source_workload_namespace: "bookinfo", source_workload: "productpage-v1" }, { "5": [1, 1, 1], "+Inf": [1, 1, 1] }),
    };
    const { charts } = chartsFor(["inbound"], series, "peer", axis);
    expect(charts.inbound?.find((c) => c.id === "requests")?.series.map((x) => x.name)).toEqual(["bookinfo/productpage-v1", "unknown"]);
    expect(charts.inbound?.filter((c) => c.id.startsWith("latency")).map((c) => c.id)).toEqual(["latency_avg", "latency_p50", "latency_p95", "latency_p99"]);
    expect(charts.inbound?.find((c) => c.id === "latency_p50")?.series).toEqual([{ name: "bookinfo/productpage-v1", values: [2.5, 2.5, 2.5] }]);
  });

  it("splits volume by response code but keeps one success ratio", () => {
    const series: DetailSeries = {
      ...EMPTY,
      requests: [s({ ...inb, response_code: "200" }, 3, 3, 3), s({ ...inb, response_code: "500" }, 1, 1, 1)],
    };
    const { charts } = chartsFor(["inbound"], series, "code", axis);
    expect(charts.inbound?.find((c) => c.id === "requests")?.series.map((x) => x.name)).toEqual(["200", "500"]);
    expect(charts.inbound?.find((c) => c.id === "success")?.series).toEqual([{ name: "total", values: [75, 75, 75] }]);
  });

  it(`keeps the ${MAX_GROUPS} busiest peers and says so`, () => {
    const requests = Array.from({ length: MAX_GROUPS + 3 }, (_, i) => s({ ...inb, source_workload_namespace: "ns", source_workload: `w${i}`, response_code: "200" }, i + 1, i + 1, i + 1));
    const { charts, truncated } = chartsFor(["inbound"], { ...EMPTY, requests }, "peer", axis);
    expect(truncated).toBe(true);
    const names = charts.inbound?.find((c) => c.id === "requests")?.series.map((x) => x.name) ?? [];
    expect(names).toHaveLength(MAX_GROUPS);
    expect(names[0]).toBe(`ns/w${MAX_GROUPS + 2}`);
    expect(names).not.toContain("ns/w0");
  });
});

describe("groupOf", () => {
  it("names peers by namespace/workload inbound and namespace/service outbound", () => {
    expect(groupOf({ source_workload_namespace: "a", source_workload: "b" }, "peer", "inbound", true)).toBe("a/b");
    expect(groupOf({ destination_service_namespace: "a", destination_service_name: "svc" }, "peer", "outbound", true)).toBe("a/svc");
    expect(groupOf({ response_code: "404" }, "code", "inbound", true)).toBe("404");
    expect(groupOf({ response_code: "404" }, "code", "inbound", false)).toBe("total");
  });
});
