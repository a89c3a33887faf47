import { describe, expect, it } from "vitest";
import { DEFAULT_GRAPH_VIEW, graphRequestOptions, parseGraphViewState, withGraphViewState } from "./view-state";

describe("graph view state in the URL", () => {
  it("defaults when the URL says nothing", () => {
    expect(parseGraphViewState(new URLSearchParams(""))).toEqual(DEFAULT_GRAPH_VIEW);
  });

  it("round-trips every field and leaves defaults out of the URL", () => {
    const state = {
      graphType: "workload" as const,
      serviceNodes: false,
      idle: true,
      edgeLabels: "latency" as const,
      layout: "force" as const,
      find: "error > 1% and ns = bookinfo",
      hide: "idle",
      traffic: true,
      focus: "app:bookinfo:reviews:v2",
      selected: "app:bookinfo:productpage:v1->app:bookinfo:reviews:v2:http",
      renderer: "webgl" as const,
      trace: "0af7651916cd43dd8448eb211c80319c",
    };
    const params = withGraphViewState(new URLSearchParams("namespaces=bookinfo&window=1h"), state);
    expect(parseGraphViewState(params)).toEqual(state);
    expect(params.get("namespaces")).toBe("bookinfo");
    expect(params.get("window")).toBe("1h");
    const back = withGraphViewState(params, DEFAULT_GRAPH_VIEW);
    expect(back.toString()).toBe("namespaces=bookinfo&window=1h");
  });

  it("falls back to defaults on malformed values and caps long text", () => {
    const s = parseGraphViewState(new URLSearchParams(`graphType=graph&serviceNodes=maybe&edgeLabels=x&layout=dagre&traffic=2&find=${"a".repeat(900)}`));
    expect(s).toMatchObject({ graphType: "versionedApp", serviceNodes: true, edgeLabels: "rate", layout: "layered", traffic: false });
    expect(s.find).toHaveLength(500);
    expect(parseGraphViewState(new URLSearchParams("trace=not-hex")).trace).toBeNull();
    expect(parseGraphViewState(new URLSearchParams("trace=ABC")).trace).toBe("abc".padStart(32, "0"));
  });

  it("asks the API for throughput only when edges are labelled with it, and for idle edges with idle nodes", () => {
    expect(graphRequestOptions({ ...DEFAULT_GRAPH_VIEW, edgeLabels: "throughput", idle: true })).toEqual({
      graphType: "versionedApp",
      injectServiceNodes: true,
      idleNodes: true,
      idleEdges: true,
      responseTime: "p95",
      throughput: true,
    });
    expect(graphRequestOptions(DEFAULT_GRAPH_VIEW).throughput).toBe(false);
  });
});
