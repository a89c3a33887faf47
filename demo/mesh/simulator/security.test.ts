import { describe, expect, it } from "vitest";
import { istio } from "../topology/builders";
import { createHarness } from "../testing/harness";
import { FROM_CLIENT, FROM_PLAIN, miniMesh } from "../testing/mini-mesh";

const REQ = "istio_requests_total";
const toServer = { from: FROM_CLIENT, host: "server", port: 8080, path: "/items" } as const;
const plainToServer = { from: FROM_PLAIN, host: "server.app", port: 8080, path: "/items" } as const;

const pa = (name: string, namespace: string, mode: string, selector?: Record<string, string>) =>
  istio("security", "PeerAuthentication", namespace, name, { ...(selector ? { selector: { matchLabels: selector } } : {}), mtls: { mode } });

function serverPod(h: ReturnType<typeof createHarness>): string {
  return h.state().pods.find((p) => p.metadata.labels?.app === "server" && p.metadata.labels.version === "v1")!.metadata.name;
}

describe("PeerAuthentication and mTLS", () => {
  it("STRICT rejects a plaintext caller: the connection is reset and nobody reports it", async () => {
    const h = createHarness(miniMesh({ extra: [pa("strict", "app", "STRICT")] }));
    for (let i = 0; i < 10; i++) expect(h.sim.send(plainToServer)?.status).toBe(0);
    expect(await h.samples(REQ)).toEqual([]);
    const proxyLines = [0, 1].flatMap(() => h.logs.lines("app", serverPod(h), "istio-proxy") ?? []).map((l) => l.text);
    expect(proxyLines.some((t) => t.includes('"- - -" 0 NR filter_chain_not_found'))).toBe(true);
    // mTLS callers still get through.
    h.sim.send(toServer);
    expect(await h.total(REQ, { reporter: "destination", connection_security_policy: "mutual_tls" })).toBe(1);
  });

  it("PERMISSIVE (the default) accepts plaintext and reports connection_security_policy none", async () => {
    const h = createHarness(miniMesh());
    h.sim.send(plainToServer);
    expect(await h.total(REQ, { reporter: "destination", connection_security_policy: "none" })).toBe(1);
  });

  it("DISABLE makes sidecars talk plaintext: policy none, principals unknown, peers still exchanged", async () => {
    const h = createHarness(miniMesh({ extra: [pa("off", "app", "DISABLE", { app: "server" })] }));
    h.sim.send(toServer);
    const dest = (await h.samples(REQ)).find((s) => s.labels.reporter === "destination")!;
    expect(dest.labels).toMatchObject({
      connection_security_policy: "none",
      source_principal: "unknown",
      destination_principal: "unknown",
      source_workload: "client-v1",
    });
    const source = (await h.samples(REQ)).find((s) => s.labels.reporter === "source")!;
    expect(source.labels).toMatchObject({ source_principal: "unknown", destination_principal: "unknown" });
  });

  it("workload selector beats namespace beats mesh-wide policy", async () => {
    const h = createHarness(
      miniMesh({ extra: [pa("mesh", "istio-system", "STRICT"), pa("ns", "app", "DISABLE"), pa("wl", "app", "STRICT", { app: "server", version: "v2" })] }),
    );
    for (let i = 0; i < 40; i++) h.sim.send(plainToServer);
    // v1 falls under the namespace's DISABLE, v2 under its own STRICT.
    expect(await h.total(REQ, { destination_workload: "server-v1" })).toBeGreaterThan(0);
    expect(await h.total(REQ, { destination_workload: "server-v2" })).toBe(0);
  });

  it("a client DestinationRule with tls DISABLE towards a STRICT server fails with 503 UC", async () => {
    const dr = istio("networking", "DestinationRule", "app", "server-plain", { host: "server", trafficPolicy: { tls: { mode: "DISABLE" } } });
    const h = createHarness(miniMesh({ extra: [pa("strict", "app", "STRICT"), dr] }));
    expect(h.sim.send(toServer)?.status).toBe(503);
    expect(await h.total(REQ, { reporter: "source", response_code: "503", response_flags: "UC" })).toBe(1);
    expect(await h.total(REQ, { reporter: "destination" })).toBe(0);
  });
});

describe("AuthorizationPolicy", () => {
  const ap = (name: string, spec: Record<string, unknown>) => istio("security", "AuthorizationPolicy", "app", name, { selector: { matchLabels: { app: "server" } }, ...spec });

  it("DENY answers 403 at the server sidecar, reported by both proxies with Envoy's RBAC details", async () => {
    const h = createHarness(miniMesh({ extra: [ap("no-delete", { action: "DENY", rules: [{ to: [{ operation: { methods: ["DELETE"] } }] }] })] }));
    expect(h.sim.send({ ...toServer, method: "DELETE" })?.status).toBe(403);
    expect(h.sim.send({ ...toServer, method: "GET" })?.status).toBe(200);
    for (const reporter of ["source", "destination"]) {
      expect(await h.total(REQ, { reporter, response_code: "403", response_flags: "-" })).toBe(1);
    }
    const pods = h.state().pods.filter((p) => p.metadata.labels?.app === "server").map((p) => p.metadata.name);
    const lines = pods.flatMap((p) => h.logs.lines("app", p, "istio-proxy") ?? []).map((l) => l.text);
    expect(lines.some((t) => t.includes('"DELETE /items HTTP/1.1" 403 - rbac_access_denied_matched_policy[ns[app]-policy[no-delete]-rule[0]]'))).toBe(true);
  });

  it("ALLOW admits only matching principals; others get 403", async () => {
    const allow = ap("only-client", { action: "ALLOW", rules: [{ from: [{ source: { principals: ["cluster.local/ns/app/sa/client"] } }] }] });
    const h = createHarness(miniMesh({ extra: [allow] }));
    expect(h.sim.send(toServer)?.status).toBe(200);
    // The plaintext caller has no principal.
    expect(h.sim.send(plainToServer)?.status).toBe(403);
    expect(h.sim.send({ from: { namespace: "istio-system", workload: "istio-ingressgateway" }, host: "app.example.com", port: 80 })?.status).toBe(403);
  });

  it("DENY wins over ALLOW; namespaces are matched from the peer identity", async () => {
    const h = createHarness(
      miniMesh({
        extra: [
          ap("allow-all", { action: "ALLOW", rules: [{}] }),
          ap("deny-app-ns", { action: "DENY", rules: [{ from: [{ source: { namespaces: ["app"] } }], to: [{ operation: { paths: ["/admin*"] } }] }] }),
        ],
      }),
    );
    expect(h.sim.send({ ...toServer, path: "/admin/reset" })?.status).toBe(403);
    expect(h.sim.send({ ...toServer, path: "/items" })?.status).toBe(200);
    expect(h.sim.send({ ...plainToServer, path: "/admin/reset" })?.status).toBe(200);
  });

  it("an ALLOW policy without rules denies everything", async () => {
    const h = createHarness(miniMesh({ extra: [ap("allow-nothing", { action: "ALLOW" })] }));
    expect(h.sim.send(toServer)?.status).toBe(403);
  });
});
