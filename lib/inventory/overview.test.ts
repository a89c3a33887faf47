import { describe, expect, it } from "vitest";
import type { NamespaceSummary } from "@/lib/api/schemas";
import type { Inventory } from "./list-items";
import { arrangeNamespaces } from "./overview-arrange";
import { buildOverview, type NamespaceOverview } from "./overview";

const ns = (name: string): NamespaceSummary => ({ name, phase: "Active", labels: {}, injection: name !== "legacy" });
const judged = <T extends object>(item: T) => ({ item, health: {} as never, traffic: {} as never, istio: [] });
const wl = (namespace: string, name: string, status: "healthy" | "failure" | "no-data", inboundRps: number, inboundErrorPercent = 0) =>
  judged({ namespace, name, pods: 2, health: { status, reasons: [], problems: [], requestsKnown: true }, traffic: { inboundRps, outboundRps: 0, inboundErrorPercent } });

const INVENTORY = {
  workloads: [wl("bookinfo", "a", "healthy", 3), wl("bookinfo", "b", "failure", 1, 50), wl("legacy", "c", "healthy", 0)],
  apps: [wl("bookinfo", "a", "healthy", 0), wl("bookinfo", "b", "failure", 0)],
  services: [wl("bookinfo", "a", "no-data", 0)],
  windowSeconds: 300,
} as unknown as Inventory;

describe("buildOverview", () => {
  const out = buildOverview(
    [ns("bookinfo"), ns("empty"), ns("legacy")],
    INVENTORY,
    (n) => ({ mode: n === "legacy" ? "disabled" : "permissive", source: "default", workloadPolicies: 0 }),
    [{ metric: { destination_workload_namespace: "bookinfo" }, points: [[100, 2], [120, 4]] }],
    { timestamps: [100, 110, 120], step: 10 },
  );

  it("counts objects and summarizes health per namespace", () => {
    const b = out[0];
    expect(b?.counts).toEqual({ apps: 2, workloads: 2, services: 1, pods: 4 });
    expect(b?.health.workloads).toMatchObject({ total: 2, worst: "failure", counts: { healthy: 1, failure: 1, degraded: 0 } });
    expect(b?.health.services.worst).toBe("no-data");
    expect(out[1]?.counts).toEqual({ apps: 0, workloads: 0, services: 0, pods: 0 });
    expect(out[2]?.mtls.mode).toBe("disabled");
  });

  it("sums inbound rates and error shares, and aligns each namespace's sparkline", () => {
    expect(out[0]?.inbound).toEqual({ rps: 4, errorPercent: 12.5, points: [2, null, 4] });
    expect(out[1]?.inbound.points).toEqual([null, null, null]);
  });
});

describe("arrangeNamespaces", () => {
  const make = (name: string, worst: "healthy" | "failure" | "degraded", rps: number, workloads: number) =>
    ({
      name,
      counts: { apps: 0, workloads, services: 0, pods: 0 },
      inbound: { rps, errorPercent: 0, points: [] },
      health: {
        apps: { total: 1, worst, counts: { healthy: 0, degraded: 0, failure: 0, "not-ready": 0, "no-data": 0, [worst]: 1 } },
        workloads: { total: 0, worst: "no-data", counts: { healthy: 0, degraded: 0, failure: 0, "not-ready": 0, "no-data": 0 } },
        services: { total: 0, worst: "no-data", counts: { healthy: 0, degraded: 0, failure: 0, "not-ready": 0, "no-data": 0 } },
      },
    }) as unknown as NamespaceOverview;
  const list = [make("b", "healthy", 5, 1), make("a", "failure", 1, 9), make("c", "degraded", 9, 3)];
  const names = (l: NamespaceOverview[]) => l.map((n) => n.name);

  it("sorts by health (worst first), name, traffic or size", () => {
    expect(names(arrangeNamespaces(list, { text: "", health: "", kind: "apps", sort: "health" }))).toEqual(["a", "c", "b"]);
    expect(names(arrangeNamespaces(list, { text: "", health: "", kind: "apps", sort: "name" }))).toEqual(["a", "b", "c"]);
    expect(names(arrangeNamespaces(list, { text: "", health: "", kind: "apps", sort: "traffic" }))).toEqual(["c", "b", "a"]);
    expect(names(arrangeNamespaces(list, { text: "", health: "", kind: "apps", sort: "workloads" }))).toEqual(["a", "c", "b"]);
  });

  it("filters by name and by having objects in a status", () => {
    expect(names(arrangeNamespaces(list, { text: "B", health: "", kind: "apps", sort: "name" }))).toEqual(["b"]);
    expect(names(arrangeNamespaces(list, { text: "", health: "failure", kind: "apps", sort: "name" }))).toEqual(["a"]);
    expect(names(arrangeNamespaces(list, { text: "", health: "failure", kind: "workloads", sort: "name" }))).toEqual([]);
  });
});
