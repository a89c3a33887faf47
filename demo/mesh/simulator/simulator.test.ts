import { describe, expect, it } from "vitest";
import { istio } from "../topology/builders";
import { seedObjects } from "../topology/seed";
import { createHarness, withObjects } from "../testing/harness";

const REQ = "istio_requests_total";

describe("traffic loop", () => {
  it("runs root requests at the configured rate on the clock's ticks, and stops its timer", () => {
    const h = createHarness(seedObjects(), { rate: 30 });
    h.sim.start();
    h.clock.advance(10_000);
    expect(h.sim.stats.roots).toBeGreaterThanOrEqual(295);
    expect(h.sim.stats.roots).toBeLessThanOrEqual(300);
    expect(h.sim.stats.errors).toBe(0);
    h.sim.stop();
    expect(h.clock.activeTimers).toBe(0);
    h.clock.advance(5_000);
    expect(h.sim.stats.roots).toBeLessThanOrEqual(300);
  });

  it("is deterministic for a seed", async () => {
    const run = async (seed: number) => {
      const h = createHarness(seedObjects(), { seed, sampling: 0.2 });
      h.sim.runRoots(150);
      return h.metrics.registry.metrics();
    };
    const [a, b, c] = await Promise.all([run(9), run(9), run(10)]);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it("applies a change of the state source to the next requests", async () => {
    const h = createHarness(seedObjects(), { rate: 30 });
    h.sim.start();
    h.clock.advance(2_000);
    const vs = istio("networking", "VirtualService", "bookinfo", "reviews", { hosts: ["reviews"], http: [{ route: [{ destination: { host: "reviews", subset: "v1" } }] }] });
    h.source.update((s) => withObjects(s, vs));
    const before = { v2: await h.total(REQ, { reporter: "source", destination_workload: "reviews-v2" }), v3: await h.total(REQ, { reporter: "source", destination_workload: "reviews-v3" }) };
    h.clock.advance(5_000);
    expect(await h.total(REQ, { reporter: "source", destination_workload: "reviews-v2" })).toBe(before.v2);
    expect(await h.total(REQ, { reporter: "source", destination_workload: "reviews-v3" })).toBe(before.v3);
    h.sim.stop();
  });
});

describe("seeded topology behaviour", () => {
  it("shows the intended traffic and misbehaviour", async () => {
    const h = createHarness(seedObjects(), { seed: 5 });
    h.sim.runRoots(2500);
    expect(h.sim.stats.errors).toBe(0);
    const t = (where: Record<string, string>) => h.total(REQ, where);

    // payment fails ~15% of charges with 500.
    const payment = await t({ reporter: "destination", destination_workload: "payment-v1" });
    const payment500 = await t({ reporter: "destination", destination_workload: "payment-v1", response_code: "500" });
    expect(payment).toBeGreaterThan(50);
    expect(payment500 / payment).toBeGreaterThan(0.07);
    expect(payment500 / payment).toBeLessThan(0.25);

    // jason (20% of Bookinfo users) goes to reviews v2; the rest 50/50 to v1 and v3.
    const reviews = await t({ reporter: "source", source_workload: "productpage-v1", destination_service_name: "reviews" });
    const v2 = await t({ reporter: "source", source_workload: "productpage-v1", destination_workload: "reviews-v2" });
    expect(v2 / reviews).toBeGreaterThan(0.1);
    expect(v2 / reviews).toBeLessThan(0.25);

    // reviews-v3 has a slow tail: ~10% of its responses take over a second.
    const v3 = (await h.samples("istio_request_duration_milliseconds")).filter(
      (s) => s.labels.reporter === "destination" && s.labels.destination_workload === "reviews-v3",
    );
    const count = v3.filter((s) => s.metricName?.endsWith("_count")).reduce((n, s) => n + s.value, 0);
    const fast = v3.filter((s) => s.labels.le === 1000).reduce((n, s) => n + s.value, 0);
    expect((count - fast) / count).toBeGreaterThan(0.05);
    expect((count - fast) / count).toBeLessThan(0.15);

    // shipping's tail trips its 500ms timeout; DELETE /cart is denied; catalog canary ~10%.
    expect(await t({ reporter: "source", destination_service_name: "shipping", response_flags: "UT" })).toBeGreaterThan(0);
    expect(await t({ reporter: "destination", destination_workload: "cart-v1", response_code: "403" })).toBeGreaterThan(0);
    const catalog = await t({ reporter: "destination", destination_service_name: "catalog" });
    const canary = await t({ reporter: "destination", destination_workload: "catalog-v2" });
    expect(canary / catalog).toBeGreaterThan(0.05);
    expect(canary / catalog).toBeLessThan(0.15);

    // The legacy batch client reaches productpage in plaintext, but STRICT payment resets it unseen.
    expect(await t({ reporter: "destination", destination_workload: "productpage-v1", source_workload: "unknown", connection_security_policy: "none" })).toBeGreaterThan(0);
    expect(await t({ reporter: "destination", destination_workload: "payment-v1", source_workload: "unknown" })).toBe(0);
    // payment → the external API is only reported by payment's sidecar.
    expect(await t({ destination_service_name: "api.payments.example.com", reporter: "source" })).toBeGreaterThan(0);
    expect(await t({ destination_service_name: "api.payments.example.com", reporter: "destination" })).toBe(0);
    // Postgres over TCP with mTLS.
    expect(await h.total("istio_tcp_sent_bytes_total", { reporter: "destination", destination_workload: "postgres-v1", connection_security_policy: "mutual_tls" })).toBeGreaterThan(0);
  });
});
