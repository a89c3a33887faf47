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
import { startMetricsServer } from "./telemetry/metrics-server";
import type { Registry } from "prom-client";

export interface MeshSimulatorStartOptions {
  source: MeshStateSource;
  spans: SpanStore;
  logs: PodLogBuffer;
  /** Port of the metrics endpoint (default 0: a free port). */
  metricsPort?: number;
  /** Interface of the metrics endpoint (default 127.0.0.1). */
  metricsHost?: string;
  /** Root requests per second entering the mesh (default 30). */
  rate?: number;
  /** Seed of the traffic's randomness (default 1). */
  seed?: number;
  /** Share of requests traced, 0..1 (default 0.2). */
  sampling?: number;
  /** Time source (tests). */
  clock?: Clock;
}

export interface RunningMeshSimulator {
  /** Scrape URL, e.g. `http://127.0.0.1:41234/stats/prometheus`. */
  metricsUrl: string;
  /** The simulator's own registry (not prom-client's global one). */
  registry: Registry;
  /** The traffic loop, for tests that send specific requests. */
  simulator: MeshSimulator;
  /** Stops the loop and the state subscription and closes the metrics port. */
  stop(): Promise<void>;
}

/** Waits for the state source's initial lists, then starts the metrics endpoint and the traffic loop. */
export async function startMeshSimulator(opts: MeshSimulatorStartOptions): Promise<RunningMeshSimulator> {
  await opts.source.ready();
  const metrics = createIstioMetrics();
  const simulator = new MeshSimulator({
    source: opts.source,
    spans: opts.spans,
    logs: opts.logs,
    metrics,
    rate: opts.rate,
    seed: opts.seed,
    sampling: opts.sampling,
    clock: opts.clock,
  });
  let server;
  try {
    server = await startMetricsServer({ registry: metrics.registry, port: opts.metricsPort ?? 0, host: opts.metricsHost });
  } catch (err) {
    simulator.stop();
    throw err;
  }
  simulator.refresh();
  simulator.start();
  let stopped = false;
  return {
    metricsUrl: `${server.url}/stats/prometheus`,
    registry: metrics.registry,
    simulator,
    async stop() {
      if (stopped) return;
      stopped = true;
      simulator.stop();
      await server.close();
    },
  };
}

export { createKubeMeshStateSource } from "./kube-state-source";
export { createStaticMeshStateSource, type StaticMeshStateSource } from "./static-state-source";
export { meshStateFromObjects, emptyMeshState } from "./state-from-objects";
export { createPodLogBuffer, PodLogBuffer } from "./pod-logs";
export { seedObjects } from "./topology/seed";
export { startMetricsServer } from "./telemetry/metrics-server";
export { createIstioMetrics, ISTIO_DURATION_BUCKETS, ISTIO_BYTE_BUCKETS } from "./telemetry/istio-metrics";
export { MeshSimulator, type SendSpec, type RootResult } from "./simulator/simulator";
export { FakeClock, type Clock } from "./simulator/clock";
