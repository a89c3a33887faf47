import { describe, expect, it } from "vitest";
import { istio } from "../topology/builders";
import { createHarness } from "../testing/harness";
import { FROM_CLIENT, FROM_PLAIN, miniMesh } from "../testing/mini-mesh";

const toDb = { from: FROM_CLIENT, host: "db", port: 5432 } as const;

describe("TCP traffic", () => {
  it("counts bytes both ways and connections opened/closed, from both reporters over mTLS", async () => {
    const h = createHarness(miniMesh());
    for (let i = 0; i < 200; i++) expect(h.sim.send(toDb)?.status).toBe(200);
    for (const reporter of ["source", "destination"]) {
      const where = { reporter, request_protocol: "tcp", source_workload: "client-v1", destination_workload: "db-v1", destination_service: "db.app.svc.cluster.local" };
      // Defaults: 200 bytes written (received by the server side), 1000 read back (sent by it).
      expect(await h.total("istio_tcp_received_bytes_total", where)).toBe(200 * 200);
      expect(await h.total("istio_tcp_sent_bytes_total", where)).toBe(200 * 1000);
      const opened = await h.total("istio_tcp_connections_opened_total", where);
      const closed = await h.total("istio_tcp_connections_closed_total", where);
      // One pooled connection stays open; ~10% of exchanges use a short-lived extra one.
      expect(opened).toBe(closed + 1);
      expect(closed).toBeGreaterThan(5);
      expect(closed).toBeLessThan(40);
    }
    const dest = (await h.samples("istio_tcp_sent_bytes_total")).find((s) => s.labels.reporter === "destination")!;
    expect(dest.labels).toMatchObject({
      connection_security_policy: "mutual_tls",
      source_principal: "spiffe://cluster.local/ns/app/sa/client",
      destination_principal: "spiffe://cluster.local/ns/app/sa/db",
    });
    expect(Object.keys(dest.labels)).not.toContain("response_code");
    expect(await h.samples("istio_requests_total")).toEqual([]);
  });

  it("without mTLS, TCP peers are not exchanged: the server sees an unknown source", async () => {
    const pa = istio("security", "PeerAuthentication", "app", "db-off", { selector: { matchLabels: { app: "db" } }, mtls: { mode: "DISABLE" } });
    const h = createHarness(miniMesh({ extra: [pa] }));
    h.sim.send(toDb);
    const samples = await h.samples("istio_tcp_received_bytes_total");
    const dest = samples.find((s) => s.labels.reporter === "destination")!;
    const source = samples.find((s) => s.labels.reporter === "source")!;
    expect(dest.labels).toMatchObject({ source_workload: "unknown", connection_security_policy: "none", destination_workload: "db-v1" });
    // The client still names the server from the endpoint's EDS metadata.
    expect(source.labels).toMatchObject({ destination_workload: "db-v1", destination_app: "unknown", destination_principal: "unknown" });
  });

  it("a plaintext client is only seen by the server sidecar", async () => {
    const h = createHarness(miniMesh());
    h.sim.send({ from: FROM_PLAIN, host: "db.app", port: 5432 });
    const samples = await h.samples("istio_tcp_sent_bytes_total");
    expect(samples.map((s) => s.labels.reporter)).toEqual(["destination"]);
  });
});
