import { describe, expect, it } from "vitest";
import { createHarness } from "../testing/harness";
import { FROM_CLIENT, FROM_PLAIN, miniMesh, SERVER } from "../testing/mini-mesh";

const REQ = "istio_requests_total";

type Sample = { value: number; [label: string]: string | number };

async function requestSamples(h: ReturnType<typeof createHarness>): Promise<Sample[]> {
  return (await h.samples(REQ)).map((s) => ({ ...(s.labels as Record<string, string>), value: s.value }) as Sample);
}

describe("reporters", () => {
  it("sidecar → sidecar is counted by both proxies, with the peers' identities", async () => {
    const h = createHarness(miniMesh());
    for (let i = 0; i < 10; i++) h.sim.send({ from: FROM_CLIENT, host: "server", port: 8080, path: "/items" });
    const samples = await requestSamples(h);
    const source = samples.filter((s) => s.reporter === "source");
    const dest = samples.filter((s) => s.reporter === "destination");
    expect(source.reduce((n, s) => n + s.value, 0)).toBe(10);
    expect(dest.reduce((n, s) => n + s.value, 0)).toBe(10);
    for (const s of [...source, ...dest]) {
      expect(s).toMatchObject({
        source_workload: "client-v1",
        source_workload_namespace: "app",
        source_app: "client",
        source_version: "v1",
        source_canonical_service: "client",
        source_canonical_revision: "v1",
        source_cluster: "Kubernetes",
        source_principal: "spiffe://cluster.local/ns/app/sa/client",
        destination_workload_namespace: "app",
        destination_principal: "spiffe://cluster.local/ns/app/sa/server",
        destination_app: "server",
        destination_service: SERVER,
        destination_service_name: "server",
        destination_service_namespace: "app",
        destination_canonical_service: "server",
        destination_cluster: "Kubernetes",
        request_protocol: "http",
        response_code: "200",
        grpc_response_status: "",
        response_flags: "-",
      });
      expect(["server-v1", "server-v2"]).toContain(s.destination_workload);
    }
    // Only the server side knows the connection's security; Istio's client side reports "unknown".
    expect(new Set(source.map((s) => s.connection_security_policy))).toEqual(new Set(["unknown"]));
    expect(new Set(dest.map((s) => s.connection_security_policy))).toEqual(new Set(["mutual_tls"]));
  });

  it("a caller without sidecar is only reported by the destination, with an unknown source", async () => {
    const h = createHarness(miniMesh());
    const r = h.sim.send({ from: FROM_PLAIN, host: "server.app", port: 8080 });
    expect(r?.status).toBe(200);
    const samples = await requestSamples(h);
    expect(samples).toHaveLength(1);
    expect(samples[0]).toMatchObject({
      reporter: "destination",
      source_workload: "unknown",
      source_workload_namespace: "unknown",
      source_principal: "unknown",
      source_app: "unknown",
      source_version: "unknown",
      source_canonical_service: "unknown",
      source_canonical_revision: "latest",
      source_cluster: "unknown",
      destination_principal: "unknown",
      destination_service: SERVER,
      connection_security_policy: "none",
      value: 1,
    });
  });

  it("outside clients are only reported by the destination", async () => {
    const h = createHarness(miniMesh());
    h.sim.send({ from: "external", host: "server.app", port: 8080 });
    const samples = await requestSamples(h);
    expect(samples.map((s) => [s.reporter, s.source_workload])).toEqual([["destination", "unknown"]]);
  });

  it("a destination without sidecar is only reported by the source, named from endpoint metadata", async () => {
    const h = createHarness(miniMesh());
    h.sim.send({ from: FROM_CLIENT, host: "plain-server.plain", port: 8080 });
    const samples = await requestSamples(h);
    expect(samples).toHaveLength(1);
    expect(samples[0]).toMatchObject({
      reporter: "source",
      source_workload: "client-v1",
      destination_workload: "plain-server-v1",
      destination_workload_namespace: "plain",
      destination_canonical_service: "plain-server",
      destination_canonical_revision: "v1",
      // EDS endpoint metadata carries no app/version, and there is no mTLS.
      destination_app: "unknown",
      destination_version: "unknown",
      destination_principal: "unknown",
      source_principal: "unknown",
      destination_service: "plain-server.plain.svc.cluster.local",
      connection_security_policy: "unknown",
    });
  });

  it("an external ServiceEntry is only reported by the source", async () => {
    const h = createHarness(miniMesh());
    h.sim.send({ from: FROM_CLIENT, host: "api.example.org", port: 80 });
    const samples = await requestSamples(h);
    expect(samples).toHaveLength(1);
    expect(samples[0]).toMatchObject({
      reporter: "source",
      destination_service: "api.example.org",
      destination_service_name: "api.example.org",
      destination_workload: "unknown",
      destination_service_namespace: "unknown",
    });
  });

  it("no sidecar on either side leaves no telemetry", async () => {
    const h = createHarness(miniMesh());
    expect(h.sim.send({ from: FROM_PLAIN, host: "plain-server", port: 8080 })?.status).toBe(200);
    expect(await requestSamples(h)).toEqual([]);
  });

  it("the ingress gateway reports as source; the destination sees the gateway as its peer", async () => {
    const h = createHarness(miniMesh());
    const r = h.sim.send({ from: { namespace: "istio-system", workload: "istio-ingressgateway" }, host: "app.example.com", port: 80, path: "/" });
    expect(r?.status).toBe(200);
    const samples = await requestSamples(h);
    expect(samples.map((s) => s.reporter).sort()).toEqual(["destination", "source"]);
    for (const s of samples) {
      expect(s).toMatchObject({
        source_workload: "istio-ingressgateway",
        source_workload_namespace: "istio-system",
        source_canonical_service: "istio-ingressgateway",
        destination_service: SERVER,
      });
    }
  });

  it("gRPC ports report request_protocol grpc with the gRPC status", async () => {
    const h = createHarness(miniMesh());
    h.sim.send({ from: FROM_CLIENT, host: "grpc-server", port: 9000, method: "POST", path: "/pkg.Svc/Get" });
    const samples = await requestSamples(h);
    expect(samples).toHaveLength(2);
    for (const s of samples) expect(s).toMatchObject({ request_protocol: "grpc", response_code: "200", grpc_response_status: "0" });
  });
});
