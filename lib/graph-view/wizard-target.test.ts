import { describe, expect, it } from "vitest";
import type { GraphNode } from "@/lib/graph/schema";
import { wizardTargetOf } from "./wizard-target";

const traffic = { in: { http: 0, grpc: 0, errors: 0, tcp: 0 }, out: { http: 0, grpc: 0, errors: 0, tcp: 0 } };
const node = (over: Partial<GraphNode>): GraphNode => ({
  id: "x",
  type: "app",
  namespace: "bookinfo",
  root: false,
  outsideNamespaces: false,
  idle: false,
  traffic,
  health: { errorRatioIn: null, errorRatioOut: null },
  ...over,
});

describe("wizardTargetOf", () => {
  it("targets a service node's service, an app node's app as the service, a workload node's workload", () => {
    expect(wizardTargetOf(node({ type: "service", service: "reviews" }))).toEqual({ namespace: "bookinfo", service: "reviews" });
    expect(wizardTargetOf(node({ type: "app", app: "reviews", version: "v2", workload: "reviews-v2" }))).toEqual({ namespace: "bookinfo", service: "reviews" });
    expect(wizardTargetOf(node({ type: "workload", workload: "reviews-v2", app: "reviews" }))).toEqual({ namespace: "bookinfo", workload: "reviews-v2" });
  });

  it("has none for hosts, callers outside the mesh and nodes without a name", () => {
    expect(wizardTargetOf(node({ type: "serviceEntry", service: "api.example.com" }))).toBeNull();
    expect(wizardTargetOf(node({ type: "external", service: "PassthroughCluster", namespace: "" }))).toBeNull();
    expect(wizardTargetOf(node({ type: "unknown", namespace: "" }))).toBeNull();
    expect(wizardTargetOf(node({ type: "app" }))).toBeNull();
  });
});
