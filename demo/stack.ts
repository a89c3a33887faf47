import { mkdir, rm } from "node:fs/promises";
import { startJaegerQuery } from "./jaeger/server";
import { startKubeApi } from "./kube-api/server";
import { createKubeMeshStateSource } from "./mesh/kube-state-source";
import { createPodLogBuffer } from "./mesh/pod-logs";
import { startMeshSimulator } from "./mesh/index";
import { seedObjects } from "./mesh/topology/index";
import { findPrometheusBinary, PrometheusNotInstalledError, startPrometheus } from "./prometheus/launcher";
import { SpanStore } from "./tracing/span-store";

export interface DemoStackOptions {
  /** Directory for the kubeconfig, Prometheus's data and logs; emptied at start. */
  dataDir: string;
  /** Extra namespaces of 10 workloads each, for scale tests. */
  scale?: number;
  /** Requests per second entering the mesh. */
  rate?: number;
  /** Fraction of requests traced. */
  sampling?: number;
  scrapeIntervalSeconds?: number;
  /** Deterministic traffic when set. */
  seed?: number;
  /** Use an existing Prometheus instead of starting one (it must scrape the simulator itself). */
  prometheusUrl?: string;
  log?: (line: string) => void;
}

export interface DemoStack {
  kubeUrl: string;
  kubeconfigPath: string;
  adminToken: string;
  metricsUrl: string;
  /** The simulator's scrape endpoints (several in scale mode, see demo/mesh/telemetry/shards.ts). */
  metricsShardUrls: string[];
  prometheusUrl: string;
  jaegerUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the embedded demo mesh: the Kubernetes API (seeded with the demo topology), the mesh
 * simulator (watching that API, emitting Istio metrics, spans and logs), the Jaeger query API and a real
 * Prometheus scraping the simulator. Everything started is stopped by `stop()`, also on a failed start.
 */
export async function startDemoStack(opts: DemoStackOptions): Promise<DemoStack> {
  const log = opts.log ?? (() => {});
  if (!opts.prometheusUrl && !findPrometheusBinary()) throw new PrometheusNotInstalledError();

  await rm(opts.dataDir, { recursive: true, force: true });
  await mkdir(opts.dataDir, { recursive: true });

  const stops: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await Promise.resolve(s()).catch(() => undefined);
    stops.length = 0;
  };
  try {
    const logs = createPodLogBuffer();
    const kube = await startKubeApi({ dataDir: opts.dataDir, seed: seedObjects({ scale: opts.scale }), logs });
    stops.push(() => kube.close());
    log(`Kubernetes API  ${kube.url}`);

    const source = createKubeMeshStateSource(kube.kubeconfigPath);
    stops.push(() => source.stop());
    await source.ready();

    const spans = new SpanStore();
    const sim = await startMeshSimulator({ source, spans, logs, rate: opts.rate, seed: opts.seed, sampling: opts.sampling });
    stops.push(() => sim.stop());
    log(`Mesh metrics    ${sim.metricsUrl}${sim.metricsShardUrls.length > 1 ? ` (scraped in ${sim.metricsShardUrls.length} shards)` : ""}`);

    const jaeger = await startJaegerQuery({ store: spans });
    stops.push(() => jaeger.close());
    log(`Jaeger query    ${jaeger.url}`);

    let prometheusUrl = opts.prometheusUrl;
    if (!prometheusUrl) {
      const prom = await startPrometheus({
        targets: sim.metricsShardUrls.map((url) => ({ job: "istio-mesh", url })),
        dataDir: `${opts.dataDir}/prometheus`,
        scrapeIntervalSeconds: opts.scrapeIntervalSeconds ?? sim.scrapeIntervalSeconds,
      });
      stops.push(() => prom.stop());
      prometheusUrl = prom.url;
    }
    log(`Prometheus      ${prometheusUrl}`);

    return {
      kubeUrl: kube.url,
      kubeconfigPath: kube.kubeconfigPath,
      adminToken: kube.adminToken,
      metricsUrl: sim.metricsUrl,
      metricsShardUrls: sim.metricsShardUrls,
      prometheusUrl,
      jaegerUrl: jaeger.url,
      dataDir: opts.dataDir,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
