import { describe, expect, it } from "vitest";
import { seedObjects } from "../topology/seed";
import { meshStateFromObjects } from "../state-from-objects";
import { createStaticMeshStateSource } from "../static-state-source";
import { SpanStore } from "../../tracing/span-store";
import { createPodLogBuffer, FakeClock, startMeshSimulator } from "../index";
import { disabledMetricsByNamespace } from "./disabled-metrics";
import { createIstioMetrics } from "./istio-metrics";
import { HTTP_LABEL_NAMES } from "./label-names";
import { renderRegistry } from "./exposition";
import { defaultRateFor, metricsShardsFor, scrapeIntervalFor, shardByReporterNamespace } from "./shards";

const sampleLines = (text: string) => text.split("\n").filter((l) => l && !l.startsWith("#"));

function peer(reporter: "source" | "destination", src: string, dst: string) {
  const p = Object.fromEntries(HTTP_LABEL_NAMES.slice(0, 21).map((n) => [n, "x"])) as Record<string, string>;
  return { ...p, reporter, source_workload_namespace: src, destination_workload_namespace: dst } as never;
}

const OK = { responseCode: 200, grpcStatus: "", flags: "-", security: "mutual_tls" };

describe("scrape shards", () => {
  it("keeps the ordinary demo on one endpoint every 5 s and splits hundreds of namespaces", () => {
    expect(metricsShardsFor(5)).toBe(1);
    expect(metricsShardsFor(40)).toBe(1);
    expect(metricsShardsFor(304)).toBe(8);
    expect(metricsShardsFor(5000)).toBe(16);
    expect([scrapeIntervalFor(1), scrapeIntervalFor(8)]).toEqual([5, 10]);
    expect([defaultRateFor(5), defaultRateFor(40), defaultRateFor(340)]).toEqual([30, 30, 90]);
  });

  it("places a series by the reporting proxy's namespace, the same way every time", () => {
    const shardOf = shardByReporterNamespace(8)!;
    const a = shardOf({ reporter: "destination", destination_workload_namespace: "scale-1", source_workload_namespace: "scale-2" });
    expect(shardOf({ reporter: "source", source_workload_namespace: "scale-1", destination_workload_namespace: "other" })).toBe(a);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(8);
    const used = new Set(Array.from({ length: 300 }, (_, i) => shardOf({ reporter: "source", source_workload_namespace: `scale-${i}` })));
    expect(used.size).toBe(8);
    expect(shardByReporterNamespace(1)).toBeUndefined();
  });

  it("prints every series in exactly one shard, and all of them without a shard", async () => {
    const m = createIstioMetrics({ shards: 4 });
    for (let i = 0; i < 40; i++) {
      m.recordHttp(peer("source", `ns-${i}`, `ns-${i + 1}`), OK, 5, 10, 10);
      m.recordHttp(peer("destination", `ns-${i}`, `ns-${i + 1}`), OK, 5, 10, 10);
      m.recordTcp(peer("source", `ns-${i}`, "db"), OK, { opened: 1, sentBytes: 5 });
    }
    const all = sampleLines(await renderRegistry(m.registry));
    const shards = await Promise.all([0, 1, 2, 3].map(async (s) => sampleLines(await renderRegistry(m.registry, s))));
    expect(shards.every((s) => s.length > 0)).toBe(true);
    expect(shards.flat().sort()).toEqual([...all].sort());
    // A histogram's buckets, sum and count stay together.
    for (const s of shards) {
      const buckets = s.filter((l) => l.startsWith("istio_request_duration_milliseconds_bucket")).length;
      const counts = s.filter((l) => l.startsWith("istio_request_duration_milliseconds_count")).length;
      expect(buckets).toBe(counts * 20);
    }
  });
});

describe("disabled metrics", () => {
  it("reads the namespace annotation, ignoring unknown names", () => {
    const ns = (name: string, value?: string) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name, ...(value ? { annotations: { "sim.meshscope.dev/disabled-metrics": value } } : {}) } });
    const out = disabledMetricsByNamespace([ns("a", "REQUEST_SIZE, RESPONSE_SIZE,BOGUS"), ns("b"), ns("c", "BOGUS")]);
    expect([...out.keys()]).toEqual(["a"]);
    expect([...(out.get("a") ?? [])]).toEqual(["REQUEST_SIZE", "RESPONSE_SIZE"]);
  });

  it("drops the disabled metrics of proxies in that namespace only, by reporter", async () => {
    const m = createIstioMetrics();
    m.setDisabled(new Map([["quiet", new Set(["REQUEST_SIZE", "RESPONSE_SIZE", "TCP_SENT_BYTES"] as const)]]));
    m.recordHttp(peer("destination", "loud", "quiet"), OK, 5, 10, 10);
    m.recordHttp(peer("source", "loud", "quiet"), OK, 5, 10, 10);
    m.recordTcp(peer("source", "quiet", "db"), OK, { opened: 1, sentBytes: 5 });
    const text = await renderRegistry(m.registry);
    const lines = (metric: string) => sampleLines(text).filter((l) => l.startsWith(`${metric}{`));
    expect(lines("istio_requests_total")).toHaveLength(2);
    expect(lines("istio_request_duration_milliseconds_count")).toHaveLength(2);
    // Only the source proxy (namespace "loud") reports sizes; the destination proxy is in "quiet".
    expect(lines("istio_request_bytes_count").map((l) => l.includes('reporter="source"'))).toEqual([true]);
    expect(lines("istio_response_bytes_count")).toHaveLength(1);
    expect(lines("istio_tcp_connections_opened_total")).toHaveLength(1);
    expect(lines("istio_tcp_sent_bytes_total")).toHaveLength(0);
  });

  it("is set on the scale mode's namespaces", () => {
    const seeded = seedObjects({ scale: 2 }).filter((o) => o.kind === "Namespace");
    const off = disabledMetricsByNamespace(seeded);
    expect([...off.keys()].sort()).toEqual(["scale-0", "scale-1"]);
  });
});

describe("startMeshSimulator with shards", () => {
  it("serves each shard on its own port, and says how to scrape them", async () => {
    const source = createStaticMeshStateSource(meshStateFromObjects(seedObjects()));
    const clock = new FakeClock();
    const sim = await startMeshSimulator({ source, spans: new SpanStore(), logs: createPodLogBuffer(), clock, metricsShards: 3 });
    try {
      expect(sim.metricsShardUrls).toHaveLength(3);
      expect(new Set(sim.metricsShardUrls.map((u) => new URL(u).port)).size).toBe(3);
      expect(sim.scrapeIntervalSeconds).toBe(10);
      clock.advance(3_000);
      const all = sampleLines(await (await fetch(sim.metricsUrl)).text());
      const parts = await Promise.all(sim.metricsShardUrls.map(async (u) => sampleLines(await (await fetch(u)).text())));
      expect(all.length).toBeGreaterThan(0);
      expect(parts.flat().sort()).toEqual([...all].sort());
    } finally {
      await sim.stop();
    }
  });
});
