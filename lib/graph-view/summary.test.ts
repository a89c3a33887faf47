import { describe, expect, it } from "vitest";
import type { GraphEdge } from "@/lib/graph/schema";
import { nodeSummary } from "./summary";

const edge = (source: string, target: string, rate: number, mtlsShare: number | null, principals = { source: [`spiffe://x/${source}`], destination: [`spiffe://x/${target}`] }): GraphEdge => ({
  id: `${source}->${target}:http`,
  source,
  target,
  protocol: "http",
  rate,
  responses: {},
  codeClasses: {},
  flags: {},
  errorRate: 0,
  errorRatio: 0,
  mtlsShare,
  principals,
  reporters: { destination: rate, source: 0 },
  idle: false,
});

describe("nodeSummary", () => {
  it("lists callers and callees busiest first, weights mTLS by rate and collects the node's identities", () => {
    const s = nodeSummary("b", [edge("a", "b", 1, 1), edge("c", "b", 3, 0), edge("b", "d", 2, null), edge("x", "y", 9, 1)]);
    expect(s.callers.map((e) => e.source)).toEqual(["c", "a"]);
    expect(s.callees.map((e) => e.target)).toEqual(["d"]);
    expect(s.mtlsShareIn).toBe(0.25);
    expect(s.principals).toEqual(["spiffe://x/b"]);
  });

  it("has no mTLS share without known security", () => {
    expect(nodeSummary("b", [edge("a", "b", 1, null)]).mtlsShareIn).toBeNull();
  });
});
