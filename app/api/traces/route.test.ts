import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { UpstreamNotConfiguredError, UpstreamUnavailableError } from "@/server/http/errors";
import { TraceNotFoundError } from "@/server/tracing/errors";
import { getTrace, listTraceOperations, listTraceServices, searchTraces } from "@/server/tracing/traces";
import { GET as getOne } from "./[id]/route";
import { GET as operations } from "./operations/route";
import { GET as search } from "./route";
import { GET as services } from "./services/route";

vi.mock("@/server/tracing/traces", () => ({ searchTraces: vi.fn(), getTrace: vi.fn(), listTraceServices: vi.fn(), listTraceOperations: vi.fn() }));
const searchMock = vi.mocked(searchTraces);
const getMock = vi.mocked(getTrace);

const req = (path: string) => new NextRequest(`http://localhost${path}`);
const find = (qs: string) => search(req(`/api/traces?${qs}`), undefined);
const one = (id: string) => getOne(req(`/api/traces/${id}`), { params: Promise.resolve({ id }) });

async function fields(res: Response): Promise<string[]> {
  expect(res.status).toBe(422);
  const body = (await res.json()) as { error: string; issues: Array<{ path: string }> };
  expect(body.error).toMatch(/^Invalid request: /);
  return body.issues.map((i) => i.path);
}

beforeEach(() => {
  vi.mocked(searchTraces).mockReset().mockResolvedValue({ api: "v3", traces: [] });
  vi.mocked(getTrace).mockReset();
  vi.mocked(listTraceServices).mockReset().mockResolvedValue({ api: "v1", services: ["productpage.bookinfo"] });
  vi.mocked(listTraceOperations).mockReset().mockResolvedValue({ api: "v1", operations: [{ name: "GET /" }] });
});

describe("GET /api/traces", () => {
  it("parses the search and passes it on", async () => {
    const res = await find("service=productpage.bookinfo&operation=GET&tags=error=true,http.status_code=503&minDuration=1.5ms&maxDuration=2s&limit=50&window=30m");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ api: "v3", traces: [] });
    expect(searchMock).toHaveBeenCalledWith({
      service: "productpage.bookinfo",
      operation: "GET",
      tags: { error: "true", "http.status_code": "503" },
      minDurationUs: 1_500,
      maxDurationUs: 2_000_000,
      limit: 50,
      window: "30m",
    });
  });

  it.each([
    ["service", ""],
    ["service", "service="],
    ["tags", "service=a&tags=error"],
    ["minDuration", "service=a&minDuration=10"],
    ["maxDuration", "service=a&minDuration=2s&maxDuration=1ms"],
    ["limit", "service=a&limit=0"],
    ["limit", "service=a&limit=5000"],
    ["window", "service=a&window=1y"],
  ])("answers 422 naming %s", async (field, qs) => {
    expect(await fields(await find(qs))).toEqual([field]);
    expect(searchMock).not.toHaveBeenCalled();
  });

  it("names every bad field at once", async () => {
    expect((await fields(await find("limit=x&window=x"))).sort()).toEqual(["limit", "service", "window"]);
  });

  it("reports Jaeger failing as the jaeger upstream: 502, 504 on a timeout, 503 when not configured", async () => {
    searchMock.mockRejectedValueOnce(new UpstreamUnavailableError("jaeger", "http://jaeger/api/v3/traces", "ECONNREFUSED"));
    let res = await find("service=a");
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ upstream: "jaeger", error: expect.stringMatching(/ECONNREFUSED/) });
    searchMock.mockRejectedValueOnce(new UpstreamUnavailableError("jaeger", "http://jaeger/api/v3/traces", "no answer", true));
    expect((await find("service=a")).status).toBe(504);
    searchMock.mockRejectedValueOnce(new UpstreamNotConfiguredError("jaeger", "JAEGER_URL"));
    res = await find("service=a");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ upstream: "jaeger" });
  });
});

describe("GET /api/traces/{id}", () => {
  it("normalises the ID", async () => {
    getMock.mockResolvedValueOnce({ api: "v1", trace: { traceId: "x", rootSpanId: "a", startUs: 0, durationUs: 0, spans: [], services: [], warnings: [] } });
    expect((await one("ABCDEF")).status).toBe(200);
    expect(getMock).toHaveBeenCalledWith("0".repeat(26) + "abcdef");
  });

  it("answers 422 naming the ID when it is not hex", async () => {
    expect(await fields(await one("not-a-trace"))).toEqual(["id"]);
    expect(await fields(await one("1".repeat(33)))).toEqual(["id"]);
    expect(getMock).not.toHaveBeenCalled();
  });

  it("answers 404 when Jaeger does not know the trace", async () => {
    getMock.mockRejectedValueOnce(new TraceNotFoundError("0".repeat(31) + "1"));
    const res = await one("1");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: `trace ${"0".repeat(31)}1 not found`, upstream: "jaeger" });
  });
});

describe("GET /api/traces/services and /operations", () => {
  it("lists services", async () => {
    const res = await services(req("/api/traces/services"), undefined);
    expect(await res.json()).toEqual({ api: "v1", services: ["productpage.bookinfo"] });
  });

  it("requires a service for operations", async () => {
    expect(await fields(await operations(req("/api/traces/operations"), undefined))).toEqual(["service"]);
    const res = await operations(req("/api/traces/operations?service=productpage.bookinfo"), undefined);
    expect(await res.json()).toEqual({ api: "v1", operations: [{ name: "GET /" }] });
    expect(listTraceOperations).toHaveBeenCalledWith("productpage.bookinfo");
  });
});
