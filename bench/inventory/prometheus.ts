/**
 * A Prometheus for the inventory benchmark. At 300 namespaces the simulator's exposition is hundreds of
 * megabytes and takes longer to render than the demo's scrape timeout (at most 10 s), so the demo's own
 * Prometheus never gets a sample; this one scrapes with a timeout of a minute instead. It starts with no
 * target (the demo stack needs its URL first) and is pointed at the simulator with a reload.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { startPrometheus, type RunningPrometheus } from "@/demo/prometheus/launcher";

export const SCRAPE_INTERVAL_S = 60;

export interface SlowScrapePrometheus extends RunningPrometheus {
  /** Starts scraping the simulator. */
  scrape(metricsUrl: string): Promise<void>;
  /**
   * Stops scraping: ingesting a scrape of this size stalls queries for seconds on a small machine, so
   * the figures are taken between scrapes' effects, on data that no longer changes (as bench/graph-server does).
   */
  stopScraping(): Promise<void>;
}

export async function startSlowScrapePrometheus(dataDir: string): Promise<SlowScrapePrometheus> {
  const prom = await startPrometheus({ targets: [], dataDir, scrapeIntervalSeconds: SCRAPE_INTERVAL_S, retention: "2h" });
  const reload = async (config: string) => {
    writeFileSync(path.join(dataDir, "prometheus.yml"), config);
    const res = await fetch(`${prom.url}/-/reload`, { method: "POST" });
    if (!res.ok) throw new Error(`Prometheus reload failed: HTTP ${res.status} ${await res.text()}`);
  };
  const globals = ["global:", `  scrape_interval: ${SCRAPE_INTERVAL_S}s`, `  scrape_timeout: ${SCRAPE_INTERVAL_S - 5}s`, `  evaluation_interval: ${SCRAPE_INTERVAL_S}s`];
  const scrape = async (metricsUrl: string) => {
    const u = new URL(metricsUrl);
    const config = [
      "# Written by bench/inventory: long scrapes of the scaled demo mesh.",
      ...globals,
      "scrape_configs:",
      "  - job_name: istio-mesh",
      "    honor_labels: true",
      `    metrics_path: ${u.pathname}`,
      "    static_configs:",
      `      - targets: ["${u.host}"]`,
      "",
    ].join("\n");
    await reload(config);
  };
  const stopScraping = () => reload([...globals, "scrape_configs: []", ""].join("\n"));
  return { ...prom, scrape, stopScraping };
}

/** One number from an instant query (0 when empty). */
export async function promNumber(url: string, query: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query })}`, { signal: AbortSignal.timeout(60_000) });
  const body = (await res.json()) as { data?: { result?: Array<{ value: [number, string] }> } };
  return Number(body.data?.result?.[0]?.value[1] ?? 0);
}
