import { describe, expect, it } from "vitest";
import { istio } from "../topology/builders";
import { createHarness, withObjects } from "../testing/harness";
import { FROM_CLIENT, miniMesh, serverVirtualService } from "../testing/mini-mesh";

const REQ = "istio_requests_total";
const toServer = { from: FROM_CLIENT, host: "server", port: 8080, path: "/items" } as const;

function weighted(v1: number, v2: number): unknown[] {
  return [
    {
      route: [
        { destination: { host: "server", subset: "v1" }, weight: v1 },
        { destination: { host: "server", subset: "v2" }, weight: v2 },
      ],
    },
  ];
}

describe("VirtualService routing", () => {
  it("splits traffic by weight (80/20) and follows a weight change on the next requests", async () => {
    const h = createHarness(miniMesh({ extra: [serverVirtualService(weighted(80, 20))] }));
    for (let i = 0; i < 1000; i++) h.sim.send(toServer);
    const v1 = await h.total(REQ, { reporter: "source", destination_workload: "server-v1" });
    const v2 = await h.total(REQ, { reporter: "source", destination_workload: "server-v2" });
    expect(v1 + v2).toBe(1000);
    // Binomial(1000, 0.2): ±3σ ≈ ±0.038.
    expect(v2 / 1000).toBeGreaterThan(0.162);
    expect(v2 / 1000).toBeLessThan(0.238);

    h.source.update((s) => withObjects(s, serverVirtualService(weighted(0, 100))));
    for (let i = 0; i < 200; i++) h.sim.send(toServer);
    expect(await h.total(REQ, { reporter: "source", destination_workload: "server-v1" })).toBe(v1);
    expect(await h.total(REQ, { reporter: "source", destination_workload: "server-v2" })).toBe(v2 + 200);
  });

  it("routes on header matches (end-user: jason → v2) and falls through otherwise", async () => {
    const vs = serverVirtualService([
      { match: [{ headers: { "end-user": { exact: "jason" } } }], route: [{ destination: { host: "server", subset: "v2" } }] },
      { match: [{ uri: { prefix: "/beta" } }, { headers: { "x-canary": { regex: "on|yes" } } }], route: [{ destination: { host: "server", subset: "v2" } }] },
      { route: [{ destination: { host: "server", subset: "v1" } }] },
    ]);
    const h = createHarness(miniMesh({ extra: [vs] }));
    for (let i = 0; i < 50; i++) h.sim.send({ ...toServer, headers: { "end-user": "jason" } });
    for (let i = 0; i < 50; i++) h.sim.send({ ...toServer, headers: { "end-user": "kim" } });
    expect(await h.total(REQ, { reporter: "destination", destination_workload: "server-v2" })).toBe(50);
    expect(await h.total(REQ, { reporter: "destination", destination_workload: "server-v1" })).toBe(50);
    h.sim.send({ ...toServer, path: "/beta/x" });
    h.sim.send({ ...toServer, headers: { "x-canary": "yes" } });
    h.sim.send({ ...toServer, headers: { "x-canary": "yess" } });
    expect(await h.total(REQ, { reporter: "destination", destination_workload: "server-v2" })).toBe(52);
  });

  it("gateways route by the VirtualService bound to them; unmatched hosts get 404 NR", async () => {
    const h = createHarness(miniMesh());
    const gw = { namespace: "istio-system", workload: "istio-ingressgateway" };
    expect(h.sim.send({ from: gw, host: "other.example.com", port: 80 })?.status).toBe(404);
    expect(await h.total(REQ, { reporter: "source", response_code: "404", response_flags: "NR" })).toBe(1);
  });
});

describe("faults, timeouts and retries", () => {
  it("abort faults answer at the client proxy with the status and FI; the server sees nothing", async () => {
    const vs = serverVirtualService([{ fault: { abort: { httpStatus: 503, percentage: { value: 100 } } }, route: [{ destination: { host: "server" } }] }]);
    const h = createHarness(miniMesh({ extra: [vs] }));
    for (let i = 0; i < 5; i++) expect(h.sim.send(toServer)?.status).toBe(503);
    const samples = await h.samples(REQ);
    expect(samples).toHaveLength(1);
    expect(samples[0]?.labels).toMatchObject({ reporter: "source", response_code: "503", response_flags: "FI", destination_workload: "unknown", destination_service: "server.app.svc.cluster.local" });
    expect(samples[0]?.value).toBe(5);
  });

  it("abort percentage applies to that share of requests", async () => {
    const vs = serverVirtualService([{ fault: { abort: { httpStatus: 500, percentage: { value: 30 } } }, route: [{ destination: { host: "server" } }] }]);
    const h = createHarness(miniMesh({ extra: [vs] }));
    for (let i = 0; i < 1000; i++) h.sim.send(toServer);
    const aborted = await h.total(REQ, { reporter: "source", response_flags: "FI" });
    expect(aborted).toBeGreaterThan(260);
    expect(aborted).toBeLessThan(340);
    expect(await h.total(REQ, { reporter: "destination" })).toBe(1000 - aborted);
  });

  it("delay faults add the delay and flag DI", async () => {
    const vs = serverVirtualService([{ fault: { delay: { fixedDelay: "2s", percentage: { value: 100 } } }, route: [{ destination: { host: "server" } }] }]);
    const h = createHarness(miniMesh({ extra: [vs] }));
    const r = h.sim.send(toServer);
    expect(r?.status).toBe(200);
    expect(r?.durationMs).toBeGreaterThanOrEqual(2000);
    expect(await h.total(REQ, { reporter: "source", response_flags: "DI" })).toBe(1);
    expect(await h.total(REQ, { reporter: "destination", response_flags: "-" })).toBe(1);
  });

  it("route timeouts answer 504 UT at the client; the server reports the disconnect (0, DC)", async () => {
    const vs = serverVirtualService([{ timeout: "100ms", route: [{ destination: { host: "server" } }] }]);
    const h = createHarness(miniMesh({ serverProfile: { latencyMs: 1000 }, extra: [vs] }));
    const r = h.sim.send(toServer);
    expect(r?.status).toBe(504);
    expect(r?.durationMs).toBeCloseTo(100.1, 0);
    expect(await h.total(REQ, { reporter: "source", response_code: "504", response_flags: "UT" })).toBe(1);
    expect(await h.total(REQ, { reporter: "destination", response_code: "0", response_flags: "DC" })).toBe(1);
  });

  it("retries 5xx per the route: each attempt reaches the server, the client reports once", async () => {
    const vs = serverVirtualService([{ retries: { attempts: 3, retryOn: "5xx" }, route: [{ destination: { host: "server" } }] }]);
    const h = createHarness(miniMesh({ serverProfile: { errors: { ratio: 1, code: 500 } }, extra: [vs] }));
    expect(h.sim.send(toServer)?.status).toBe(500);
    expect(await h.total(REQ, { reporter: "source" })).toBe(1);
    expect(await h.total(REQ, { reporter: "destination", response_code: "500" })).toBe(4);
  });

  it("by default retries 503 twice but not 500", async () => {
    const h503 = createHarness(miniMesh({ serverProfile: { errors: { ratio: 1, code: 503 } } }));
    h503.sim.send(toServer);
    expect(await h503.total(REQ, { reporter: "destination" })).toBe(3);
    const h500 = createHarness(miniMesh({ serverProfile: { errors: { ratio: 1, code: 500 } } }));
    h500.sim.send(toServer);
    expect(await h500.total(REQ, { reporter: "destination" })).toBe(1);
  });

  it("no ready endpoint answers 503 UH; an undefined subset 503 NC", async () => {
    const h = createHarness(miniMesh());
    h.source.update((s) => ({ ...s, pods: s.pods.filter((p) => p.metadata.labels?.app !== "server") }));
    expect(h.sim.send(toServer)?.status).toBe(503);
    expect(await h.total(REQ, { reporter: "source", response_flags: "UH", destination_workload: "unknown" })).toBe(1);

    const h2 = createHarness(miniMesh({ extra: [serverVirtualService([{ route: [{ destination: { host: "server", subset: "v9" } }] }])] }));
    expect(h2.sim.send(toServer)?.status).toBe(503);
    expect(await h2.total(REQ, { reporter: "source", response_flags: "NC" })).toBe(1);
  });

  it("a pod that is not Ready receives no traffic", async () => {
    const h = createHarness(miniMesh());
    h.source.update((s) => ({
      ...s,
      pods: s.pods.map((p) =>
        p.metadata.labels?.app === "server" && p.metadata.labels.version === "v1"
          ? { ...p, status: { phase: "Running", conditions: [{ type: "Ready", status: "False" }] } }
          : p,
      ),
    }));
    for (let i = 0; i < 50; i++) h.sim.send(toServer);
    expect(await h.total(REQ, { reporter: "destination", destination_workload: "server-v2" })).toBe(50);
  });

  it("DestinationRule subsets select workloads by their pod labels (rules for one host are merged)", async () => {
    const dr = istio("networking", "DestinationRule", "app", "server-stable", { host: "server.app.svc.cluster.local", subsets: [{ name: "stable", labels: { version: "v2" } }] });
    const h = createHarness(miniMesh({ extra: [dr, serverVirtualService([{ route: [{ destination: { host: "server", subset: "stable" } }] }])] }));
    for (let i = 0; i < 20; i++) h.sim.send(toServer);
    expect(await h.total(REQ, { reporter: "destination", destination_workload: "server-v2" })).toBe(20);
  });
});
