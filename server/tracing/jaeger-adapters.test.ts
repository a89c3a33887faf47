import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { UpstreamUnavailableError } from "../http/errors";
import { TraceNotFoundError } from "./errors";
import { detectJaegerApi, jaegerAdapterFor, resetJaegerApiDetection, resolveJaegerApi } from "./jaeger-client";
import { v1SearchParams } from "./jaeger-v1";
import { v3SearchParams } from "./jaeger-v3";

const ROOT = path.resolve(__dirname, "../..");
const fixture = (p: string) => readFileSync(path.join(ROOT, p), "utf8");
const ISTIO_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

type Handler = (url: URL, res: ServerResponse) => void;
/** A fake Jaeger per test: `routes` maps a path to a handler; every request is recorded. */
let routes: Record<string, Handler> = {};
const requests: URL[] = [];
let server: Server;
let base: string;

const send = (status: number, body: string, type = "application/json") => (_u: URL, res: ServerResponse) => {
  res.writeHead(status, { "content-type": type });
  res.end(body);
};

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    requests.push(url);
    const h = routes[url.pathname];
    if (h) return h(url, res);
    send(404, "404 page not found\n", "text/plain")(url, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  routes = {};
  requests.length = 0;
  resetJaegerApiDetection();
});

const query = { service: "productpage.bookinfo", tags: { error: "true" }, limit: 5, startUs: 1_700_000_000_000_000, endUs: 1_700_000_300_000_000, minDurationUs: 1_500 };

describe("v1 adapter", () => {
  const v1 = () => jaegerAdapterFor("v1", base, 1_000);

  it("lists services and operations from the v1 envelope (null when empty)", async () => {
    routes["/api/services"] = send(200, JSON.stringify({ data: ["b", "a"], total: 2, limit: 0, offset: 0, errors: null }));
    routes["/api/services/productpage.bookinfo/operations"] = send(200, JSON.stringify({ data: null, total: 0, limit: 0, offset: 0, errors: null }));
    expect(await v1().services()).toEqual(["a", "b"]);
    expect(await v1().operations("productpage.bookinfo")).toEqual([]);
  });

  it("searches with Jaeger's parameters and reshapes the traces", async () => {
    routes["/api/traces"] = send(200, fixture("server/tracing/fixtures/istio-trace.v1.json"));
    const traces = await v1().findTraces(query);
    expect(traces.map((t) => [t.traceId, t.spans.length])).toEqual([[ISTIO_ID, 5]]);
    expect(Object.fromEntries(requests[0]!.searchParams)).toEqual({
      service: "productpage.bookinfo",
      start: "1700000000000000",
      end: "1700000300000000",
      limit: "5",
      tags: '{"error":"true"}',
      minDuration: "1500us",
    });
  });

  it("gets one trace, and says when Jaeger does not know it", async () => {
    routes[`/api/traces/${ISTIO_ID}`] = send(200, fixture("server/tracing/fixtures/istio-trace.v1.json"));
    routes[`/api/traces/${"0".repeat(31)}9`] = send(404, JSON.stringify({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 404, msg: "trace not found" }] }));
    expect((await v1().getTrace(ISTIO_ID)).rootSpanId).toBe("a1b2c3d4e5f60001");
    await expect(v1().getTrace(`${"0".repeat(31)}9`)).rejects.toBeInstanceOf(TraceNotFoundError);
  });

  it("reports Jaeger's failures as the jaeger upstream, with Jaeger's message", async () => {
    routes["/api/traces"] = send(500, JSON.stringify({ data: null, errors: [{ code: 500, msg: "elasticsearch: no shards" }] }));
    const err = await v1().findTraces(query).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamUnavailableError);
    expect(err).toMatchObject({ upstream: "jaeger" });
    expect((err as Error).message).toMatch(/HTTP 500: elasticsearch: no shards/);
    routes["/api/services"] = send(200, JSON.stringify({ data: [1, 2] }));
    await expect(v1().services()).rejects.toThrow(/unexpected response shape at data.0/);
  });

  it("times out as the tracing source failing", async () => {
    routes["/api/services"] = (_u, res) => void setTimeout(() => res.end("{}"), 1_500);
    const err = (await v1().services().catch((e: unknown) => e)) as UpstreamUnavailableError;
    expect(err).toBeInstanceOf(UpstreamUnavailableError);
    expect(err).toMatchObject({ upstream: "jaeger", timedOut: true });
  });
});

describe("v3 adapter", () => {
  const v3 = () => jaegerAdapterFor("v3", base, 1_000);

  it("reads services and operations (Jaeger's snapshots)", async () => {
    routes["/api/v3/services"] = send(200, fixture("demo/jaeger/fixtures/v3/GetServices.json"));
    routes["/api/v3/operations"] = send(200, fixture("demo/jaeger/fixtures/v3/GetOperations.json"));
    expect(await v3().services()).toEqual(["foo"]);
    expect(await v3().operations("foo")).toEqual([{ name: "get_users", spanKind: "server" }]);
    expect(requests[1]?.searchParams.get("service")).toBe("foo");
  });

  it("searches with the v3 parameters", async () => {
    routes["/api/v3/traces"] = send(200, fixture("server/tracing/fixtures/istio-trace.v3.json"));
    const traces = await v3().findTraces({ ...query, operation: "GET", maxDurationUs: 2_000_000 });
    expect(traces[0]?.traceId).toBe(ISTIO_ID);
    expect(Object.fromEntries(requests[0]!.searchParams)).toEqual({
      "query.service_name": "productpage.bookinfo",
      "query.start_time_min": "2023-11-14T22:13:20.000Z",
      "query.start_time_max": "2023-11-14T22:18:20.000Z",
      "query.search_depth": "5",
      "query.num_traces": "5",
      "query.operation_name": "GET",
      "query.attributes": '{"error":"true"}',
      "query.duration_min": "1500us",
      "query.duration_max": "2000000us",
    });
  });

  it("reads Jaeger's 404 'No traces found' as an empty result, and a missing trace as not found", async () => {
    const notFound = send(404, JSON.stringify({ error: { httpCode: 404, message: "No traces found" } }));
    routes["/api/v3/traces"] = notFound;
    routes[`/api/v3/traces/${ISTIO_ID}`] = notFound;
    expect(await v3().findTraces(query)).toEqual([]);
    await expect(v3().getTrace(ISTIO_ID)).rejects.toBeInstanceOf(TraceNotFoundError);
  });

  it("merges a streamed (one result per line) answer", async () => {
    const one = JSON.parse(fixture("server/tracing/fixtures/istio-trace.v3.json")) as { result: { resourceSpans: unknown[] } };
    const lines = one.result.resourceSpans.map((rs) => JSON.stringify({ result: { resourceSpans: [rs] } })).join("\n");
    routes[`/api/v3/traces/${ISTIO_ID}`] = send(200, lines);
    expect((await v3().getTrace(ISTIO_ID)).spans).toHaveLength(5);
  });

  it("passes on a refused query as the tracing source failing", async () => {
    routes["/api/v3/traces"] = send(400, JSON.stringify({ error: { httpCode: 400, message: "malformed parameter query.duration_min" } }));
    await expect(v3().findTraces(query)).rejects.toThrow(/HTTP 400: malformed parameter query.duration_min/);
  });
});

describe("API detection", () => {
  it("picks v3 when /api/v3/services answers, and keeps the answer", async () => {
    routes["/api/v3/services"] = send(200, JSON.stringify({ services: ["a"] }));
    expect(await resolveJaegerApi(base)).toBe("v3");
    expect(await resolveJaegerApi(base)).toBe("v3");
    expect(requests.filter((r) => r.pathname === "/api/v3/services")).toHaveLength(1);
  });

  it("asks once for concurrent first calls, and again after ten minutes", async () => {
    routes["/api/v3/services"] = send(200, JSON.stringify({ services: [] }));
    await Promise.all([resolveJaegerApi(base), resolveJaegerApi(base), resolveJaegerApi(base)]);
    expect(requests).toHaveLength(1);
    await resolveJaegerApi(base, undefined, Date.now() + 11 * 60_000);
    expect(requests).toHaveLength(2);
  });

  it("falls back to v1 when the v3 endpoint is absent or is a web page", async () => {
    expect(await detectJaegerApi(base)).toBe("v1");
    routes["/api/v3/services"] = send(200, "<!doctype html><title>Jaeger UI</title>", "text/html");
    expect(await detectJaegerApi(base)).toBe("v1");
    routes["/api/v3/services"] = send(501, "Not Implemented", "text/plain");
    expect(await detectJaegerApi(base)).toBe("v1");
  });

  it("does not decide (or cache) while Jaeger fails", async () => {
    routes["/api/v3/services"] = send(503, "upstream connect error", "text/plain");
    await expect(resolveJaegerApi(base)).rejects.toThrow(/jaeger .*HTTP 503/);
    routes["/api/v3/services"] = send(200, JSON.stringify({ services: [] }));
    expect(await resolveJaegerApi(base)).toBe("v3");
  });

  it("uses JAEGER_API when it names an API, without asking", async () => {
    vi.resetModules();
    vi.stubEnv("JAEGER_API", "v1");
    vi.stubEnv("JAEGER_URL", base);
    try {
      const client = await import("./jaeger-client");
      routes["/api/services"] = send(200, JSON.stringify({ data: ["x"] }));
      expect(await client.resolveJaegerApi(base)).toBe("v1");
      expect(await client.jaegerServices(1_000)).toEqual(["x"]);
      expect(requests.map((r) => r.pathname)).toEqual(["/api/services"]);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it("answers the readiness probe through the detected API", async () => {
    vi.resetModules();
    vi.stubEnv("JAEGER_URL", base);
    try {
      const client = await import("./jaeger-client");
      routes["/api/v3/services"] = send(200, JSON.stringify({ services: ["reviews.bookinfo", "productpage.bookinfo"] }));
      expect(await client.jaegerServices(1_000)).toEqual(["productpage.bookinfo", "reviews.bookinfo"]);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});

describe("query strings", () => {
  it("leave out what the search does not set", () => {
    const q = { service: "s", tags: {}, limit: 20, startUs: 1_000_000, endUs: 2_000_000 };
    expect(v1SearchParams(q).toString()).toBe("service=s&start=1000000&end=2000000&limit=20");
    expect([...v3SearchParams(q).keys()]).toEqual(["query.service_name", "query.start_time_min", "query.start_time_max", "query.search_depth", "query.num_traces"]);
  });
});
