import { describe, expect, it } from "vitest";
import type { GraphEdge } from "@/lib/graph/schema";
import { edgeTallies, graphHealth } from "./health";

const base: GraphEdge = {
  id: "a->b:http",
  source: "a",
  target: "b",
  protocol: "http",
  rate: 10,
  responses: { "200": 9, "503": 0.5, "-": 0.5 },
  codeClasses: { "2xx": 9, "5xx": 0.5, "-": 0.5 },
  flags: {},
  errorRate: 1,
  errorRatio: 0.1,
  mtlsShare: 1,
  principals: { source: [], destination: [] },
  reporters: { destination: 10, source: 0 },
  idle: false,
};

describe("health from graph edges", () => {
  it("turns responses into tallies, no response as code 0", () => {
    expect(edgeTallies(base, "inbound")).toEqual([
      { direction: "inbound", protocol: "http", code: "200", count: 9 },
      { direction: "inbound", protocol: "http", code: "503", count: 0.5 },
      { direction: "inbound", protocol: "http", code: "0", count: 0.5 },
    ]);
  });

  it("judges gRPC edges by their gRPC status, and counts nothing for TCP or idle edges", () => {
    const grpc: GraphEdge = { ...base, protocol: "grpc", responses: { "200": 10 }, grpcStatuses: { "0": 9, "14": 1 } };
    expect(edgeTallies(grpc, "outbound")).toEqual([
      { direction: "outbound", protocol: "grpc", code: "200", grpcStatus: "0", count: 9 },
      { direction: "outbound", protocol: "grpc", code: "200", grpcStatus: "14", count: 1 },
    ]);
    expect(edgeTallies({ ...base, protocol: "tcp" }, "inbound")).toEqual([]);
    expect(edgeTallies({ ...base, idle: true }, "inbound")).toEqual([]);
    const h = graphHealth(["a", "b"], [grpc]);
    expect(h.nodes.get("a")?.status).toBe("failure");
    expect(h.nodes.get("b")?.status).toBe("failure");
  });

  it("judges each side: the callee inbound, the caller outbound; no requests is no-data", () => {
    const h = graphHealth(["a", "b", "c"], [base]);
    // 5% 5xx and 5% no response, each under the 10% failure threshold: degraded.
    expect(h.nodes.get("b")?.status).toBe("degraded");
    expect(h.nodes.get("b")?.ratios.map((r) => r.direction)).toEqual(["inbound", "inbound"]);
    expect(h.nodes.get("a")?.ratios.map((r) => r.direction)).toEqual(["outbound", "outbound"]);
    expect(h.nodes.get("c")?.status).toBe("no-data");
    expect(h.edges.get(base.id)?.status).toBe("degraded");
  });
});
