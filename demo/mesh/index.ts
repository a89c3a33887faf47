/**
 * The demo mesh simulator: watches a {@link MeshStateSource}, generates traffic that follows the
 * mesh's Istio config, and emits Istio's standard metrics (served for Prometheus), spans (into a
 * {@link SpanStore}) and container logs (into a {@link PodLogBuffer}).
 */
import type { MeshStateSource } from "../contracts";
import type { SpanStore } from "../tracing/span-store";
import type { PodLogBuffer } from "./pod-logs";
import type { Clock } from "./simulator/clock";
import { MeshSimulator } from "./simulator/simulator";
import { createIstioMetrics } from "./telemetry/istio-metrics";
import { startMetricsServer, type MetricsServer } from "./telemetry/metrics-server";
import { defaultRateFor, metricsShardsFor, scrapeIntervalFor } from "./telemetry/shards";
import type { Registry } from "prom-client";

export interface MeshSimulatorStartOptions {
  source: MeshStateSource;
  spans: SpanStore;
  logs: PodLogBuffer;
  /** Port of the metrics endpoint (default 0: a free port). */
  metricsPort?: number;
  /** Interface of the metrics endpoint (default 127.0.0.1). */
  metricsHost?: string;
  /** Root requests per second entering the mesh (default 30, more in scale mode: see `defaultRateFor`). */
  rate?: number;
  /** Seed of the traffic's randomness (default 1). */
  seed?: number;
  /** Share of requests traced, 0..1 (default 0.2). */
  sampling?: number;
  /** Time source (tests). */
  clock?: Clock;
  /**
   * Scrape endpoints the Istio series are split over (see telemetry/shards.ts). Default: from the
   * number of namespaces at start, 1 for the ordinary demo, several in scale mode.
   */
  metricsShards?: number;
}

export interface RunningMeshSimulator {
  /** Scrape URL of every series, e.g. `http://127.0.0.1:41234/stats/prometheus`. */
  metricsUrl: string;
  /**
   * What Prometheus should scrape: one URL per shard, each on its own port (so its own `instance`),
   * together every series once; `[metricsUrl]` when not sharded.
   */
  metricsShardUrls: string[];
  /** The scrape interval the exposition's size calls for (5 s, or 15 s when sharded). */
  scrapeIntervalSeconds: number;
  /** The simulator's own registry (not prom-client's global one). */
  registry: Registry;
  /** The traffic loop, for tests that send specific requests. */
  simulator: MeshSimulator;
  /** Stops the loop and the state subscription and closes the metrics ports. */
  stop(): Promise<void>;
}

/** Waits for the state source's initial lists, then starts the metrics endpoint and the traffic loop. */
export async function startMeshSimulator(opts: MeshSimulatorStartOptions): Promise<RunningMeshSimulator> {
  await opts.source.ready();
  const namespaces = opts.source.current().namespaces.length;
  const shards = opts.metricsShards ?? metricsShardsFor(namespaces);
  const metrics = createIstioMetrics({ shards });
  const simulator = new MeshSimulator({
    source: opts.source,
    spans: opts.spans,
    logs: opts.logs,
    metrics,
    rate: opts.rate ?? defaultRateFor(namespaces),
    seed: opts.seed,
    sampling: opts.sampling,
    clock: opts.clock,
  });
  const servers: MetricsServer[] = [];
  const closeServers = () => Promise.all(servers.map((s) => s.close()));
  let metricsUrl: string;
  const shardUrls: string[] = [];
  try {
    const main = await startMetricsServer({ registry: metrics.registry, port: opts.metricsPort ?? 0, host: opts.metricsHost });
    servers.push(main);
    metricsUrl = `${main.url}/stats/prometheus`;
    for (let shard = 0; metrics.shards > 1 && shard < metrics.shards; shard++) {
      const s = await startMetricsServer({ registry: metrics.registry, shard, host: opts.metricsHost });
      servers.push(s);
      shardUrls.push(`${s.url}/stats/prometheus`);
    }
  } catch (err) {
    simulator.stop();
    await closeServers().catch(() => undefined);
    throw err;
  }
  simulator.refresh();
  simulator.start();
  let stopped = false;
  return {
    metricsUrl,
    metricsShardUrls: shardUrls.length > 0 ? shardUrls : [metricsUrl],
    scrapeIntervalSeconds: scrapeIntervalFor(metrics.shards),
    registry: metrics.registry,
    simulator,
    async stop() {
      if (stopped) return;
      stopped = true;
      simulator.stop();
      await closeServers();
    },
  };
}

export { createKubeMeshStateSource } from "./kube-state-source";
export { createStaticMeshStateSource, type StaticMeshStateSource } from "./static-state-source";
export { meshStateFromObjects, emptyMeshState } from "./state-from-objects";
export { createPodLogBuffer, PodLogBuffer } from "./pod-logs";
export { seedObjects } from "./topology/seed";
export { startMetricsServer } from "./telemetry/metrics-server";
export { defaultRateFor, metricsShardsFor, scrapeIntervalFor } from "./telemetry/shards";
export { createIstioMetrics, ISTIO_DURATION_BUCKETS, ISTIO_BYTE_BUCKETS } from "./telemetry/istio-metrics";
export { MeshSimulator, type SendSpec, type RootResult } from "./simulator/simulator";
export { FakeClock, type Clock } from "./simulator/clock";
