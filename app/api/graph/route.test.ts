import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { UpstreamUnavailableError } from "@/server/http/errors";
import { getGraph } from "@/server/services/graph";
import { GET } from "./route";

vi.mock("@/server/services/graph", () => ({ getGraph: vi.fn() }));
const getGraphMock = vi.mocked(getGraph);

const get = (qs: string, headers?: Record<string, string>) => GET(new NextRequest(`http://localhost/api/graph?${qs}`, { headers }), undefined);

async function issues(qs: string) {
  const res = await get(qs);
  expect(res.status).toBe(422);
  const body = (await res.json()) as { error: string; issues: Array<{ path: string; message: string }> };
  return body;
}

describe("GET /api/graph", () => {
  beforeEach(() => {
    getGraphMock.mockReset();
    getGraphMock.mockResolvedValue({
      options: { namespaces: ["bookinfo"], graphType: "versionedApp", window: "5m", injectServiceNodes: true, idleNodes: false, idleEdges: false, responseTime: "p95", throughput: false },
      timestamp: 1,
      nodes: [],
      edges: [],
      stats: { queries: [], inventoryMs: 0, buildMs: 0, totalMs: 0 },
    });
  });

  it("refuses a missing namespaces parameter with 422 naming the field", async () => {
    const body = await issues("graphType=app");
    expect(body.issues.map((i) => i.path)).toEqual(["namespaces"]);
    expect(getGraphMock).not.toHaveBeenCalled();
  });

  it("refuses a malformed namespace", async () => {
    const body = await issues("namespaces=bookinfo,Bad_NS");
    expect(body.issues[0]?.path).toBe("namespaces.1");
    expect(body.error).toMatch(/DNS-1123/);
  });

  it.each([
    ["graphType", "graphType=graph"],
    ["window", "window=5"],
    ["window", "window=30s"],
    ["window", "window=2d"],
    ["window", "window=5m]%20or%20vector(1)"],
    ["injectServiceNodes", "injectServiceNodes=yes"],
    ["idleNodes", "idleNodes=TRUE"],
    ["idleEdges", "idleEdges="],
    ["responseTime", "responseTime=p90"],
    ["throughput", "throughput=2"],
    ["time", "time=yesterday"],
  ])("refuses an invalid %s with 422 naming it", async (field, bad) => {
    const body = await issues(`namespaces=bookinfo&${bad}`);
    expect(body.issues.map((i) => i.path)).toEqual([field]);
    expect(getGraphMock).not.toHaveBeenCalled();
  });

  it("names every invalid field at once", async () => {
    const body = await issues("namespaces=bookinfo&graphType=x&window=x&responseTime=x");
    expect(body.issues.map((i) => i.path).sort()).toEqual(["graphType", "responseTime", "window"]);
  });

  it("applies the defaults and passes the parsed options to the service", async () => {
    const res = await get("namespaces=bookinfo,shop,bookinfo");
    expect(res.status).toBe(200);
    expect(getGraphMock).toHaveBeenCalledWith({ kind: "console" }, {
      namespaces: ["bookinfo", "shop"],
      graphType: "versionedApp",
      window: "5m",
      injectServiceNodes: true,
      idleNodes: false,
      idleEdges: false,
      responseTime: "p95",
      throughput: false,
    });
  });

  it("parses every option", async () => {
    await get("namespaces=a,b&graphType=service&window=1d&injectServiceNodes=false&idleNodes=1&idleEdges=true&responseTime=avg&throughput=true&time=1700000000.25", {
      authorization: "Bearer tok",
    });
    expect(getGraphMock).toHaveBeenCalledWith({ kind: "user", token: "tok" }, {
      namespaces: ["a", "b"],
      graphType: "service",
      window: "1d",
      injectServiceNodes: false,
      idleNodes: true,
      idleEdges: true,
      responseTime: "avg",
      throughput: true,
      time: 1700000000.25,
    });
  });

  it("answers 502 naming Prometheus when it fails, 504 when it times out", async () => {
    getGraphMock.mockRejectedValueOnce(new UpstreamUnavailableError("prometheus", "http://prom:9090/api/v1/query", "ECONNREFUSED"));
    const res = await get("namespaces=bookinfo");
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ upstream: "prometheus" });
    getGraphMock.mockRejectedValueOnce(new UpstreamUnavailableError("prometheus", "http://prom:9090/api/v1/query", "no answer", true));
    expect((await get("namespaces=bookinfo")).status).toBe(504);
  });
});
