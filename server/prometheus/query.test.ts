import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

type QueryModule = typeof import("./query");
let q: QueryModule;
const saved = process.env.PROMETHEUS_URL;

beforeAll(async () => {
  vi.resetModules();
  process.env.PROMETHEUS_URL = "http://prometheus.test:9090";
  q = await import("./query");
});

afterAll(() => {
  process.env.PROMETHEUS_URL = saved;
  vi.resetModules();
});

afterEach(() => vi.unstubAllGlobals());

function answer(status: number, body: unknown) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
    }),
  );
  return calls;
}

describe("instantQuery", () => {
  it("parses a vector, including NaN and infinities, and times the query", async () => {
    const calls = answer(200, {
      status: "success",
      data: {
        resultType: "vector",
        result: [
          { metric: { reporter: "destination", le: "+Inf" }, value: [1700000000.5, "12.5"] },
          { metric: { reporter: "source" }, value: [1700000000.5, "NaN"] },
          { metric: {}, value: [1700000000.5, "+Inf"] },
          { metric: {}, value: [1700000000.5, "-Inf"] },
        ],
      },
    });
    const res = await q.instantQuery('sum(rate(istio_requests_total{reporter="destination"}[5m]))', { time: 1700000000.5 });
    expect(res.samples.map((s) => s.value)).toEqual([12.5, NaN, Infinity, -Infinity]);
    expect(res.samples[0]?.metric).toEqual({ reporter: "destination", le: "+Inf" });
    expect(res.ms).toBeGreaterThanOrEqual(0);
    const url = new URL(calls[0]!.url);
    expect(url.origin + url.pathname).toBe("http://prometheus.test:9090/api/v1/query");
    expect(url.searchParams.get("query")).toBe('sum(rate(istio_requests_total{reporter="destination"}[5m]))');
    expect(url.searchParams.get("time")).toBe("1700000000.5");
  });

  it("turns a scalar into one sample", async () => {
    answer(200, { status: "success", data: { resultType: "scalar", result: [1, "3"] } });
    expect((await q.instantQuery("3")).samples).toEqual([{ metric: {}, value: 3 }]);
  });

  it("sends very long queries in a POST body", async () => {
    const calls = answer(200, { status: "success", data: { resultType: "vector", result: [] } });
    const long = `up{ns=~"${Array.from({ length: 800 }, (_, i) => `namespace-${i}`).join("|")}"}`;
    await q.instantQuery(long);
    expect(calls[0]?.init?.method).toBe("POST");
    expect(new URLSearchParams(String(calls[0]?.init?.body)).get("query")).toBe(long);
  });

  it("names Prometheus and its PromQL error when the query is refused", async () => {
    answer(400, { status: "error", errorType: "bad_data", error: "parse error: unexpected }" });
    const err = await q.instantQuery("up{").catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "UpstreamUnavailableError", upstream: "prometheus" });
    expect(String(err)).toMatch(/bad_data: parse error/);
  });

  it("refuses an answer of the wrong shape", async () => {
    answer(200, { status: "success", data: { resultType: "matrix", result: [] } });
    await expect(q.instantQuery("up[5m]")).rejects.toMatchObject({ upstream: "prometheus" });
  });

  it("refuses a malformed sample, naming Prometheus and where the sample is", async () => {
    answer(200, {
      status: "success",
      data: { resultType: "vector", result: [{ metric: {}, value: [1, "1"] }, { metric: { code: 500 }, value: [1, "2"] }] },
    });
    const err = await q.instantQuery("up").catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "UpstreamUnavailableError", upstream: "prometheus" });
    expect(String(err)).toMatch(/unexpected response shape at data\.result\.1\.metric\.code: expected a string label value/);
  });

  it("reports a timeout as such", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw Object.assign(new Error("The operation was aborted due to timeout"), { name: "TimeoutError" });
      }),
    );
    await expect(q.instantQuery("up")).rejects.toMatchObject({ upstream: "prometheus", timedOut: true });
  });
});

describe("rangeQuery", () => {
  it("parses a matrix into series of points", async () => {
    const calls = answer(200, {
      status: "success",
      data: { resultType: "matrix", result: [{ metric: { app: "reviews" }, values: [[100, "1"], [160, "NaN"]] }] },
    });
    const res = await q.rangeQuery("rate(x[1m])", { start: 100, end: 160, step: 60 });
    expect(res.series).toEqual([{ metric: { app: "reviews" }, points: [[100, 1], [160, NaN]] }]);
    const url = new URL(calls[0]!.url);
    expect(url.pathname).toBe("/api/v1/query_range");
    expect([url.searchParams.get("start"), url.searchParams.get("end"), url.searchParams.get("step")]).toEqual(["100", "160", "60"]);
  });

  it("refuses a malformed point", async () => {
    answer(200, { status: "success", data: { resultType: "matrix", result: [{ metric: {}, values: [[100, 1]] }] } });
    await expect(q.rangeQuery("x", { start: 100, end: 160, step: 60 })).rejects.toThrow(/data\.result\.0\.values\.0\.1: expected a string/);
  });

  it("refuses an empty or backwards range before asking", async () => {
    await expect(q.rangeQuery("up", { start: 10, end: 5, step: 1 })).rejects.toThrow(RangeError);
    await expect(q.rangeQuery("up", { start: 1, end: 5, step: 0 })).rejects.toThrow(RangeError);
  });
});

describe("parseSampleValue", () => {
  it("reads Prometheus's number strings", () => {
    expect([q.parseSampleValue("1e3"), q.parseSampleValue("-0.5"), q.parseSampleValue("NaN")]).toEqual([1000, -0.5, NaN]);
  });
});
