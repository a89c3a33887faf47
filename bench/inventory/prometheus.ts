/**
 * The inventory benchmark's Prometheus: Debian's server scraping the scaled demo's shard endpoints
 * every 15 s (the interval of Istio's sample Prometheus), started before the demo (which needs its
 * URL) and pointed at the shards with a reload. Scraping can be stopped for the timing phase, so that
 * neither the simulator's rendering nor Prometheus's ingestion competes with the console for the CPU.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { startPrometheus, type RunningPrometheus } from "@/demo/prometheus/launcher";

export const SCRAPE_INTERVAL_S = 15;

export interface BenchPrometheus extends RunningPrometheus {
  /** Starts scraping these endpoints (one job, one instance each). */
  scrape(urls: readonly string[]): Promise<void>;
  /** Stops scraping: the data stays queryable, and no longer changes. */
  stopScraping(): Promise<void>;
}

const GLOBALS = ["global:", `  scrape_interval: ${SCRAPE_INTERVAL_S}s`, `  scrape_timeout: ${SCRAPE_INTERVAL_S}s`, `  evaluation_interval: ${SCRAPE_INTERVAL_S}s`];

export async function startBenchPrometheus(dataDir: string): Promise<BenchPrometheus> {
  const prom = await startPrometheus({ targets: [], dataDir, scrapeIntervalSeconds: SCRAPE_INTERVAL_S, retention: "2h" });
  const reload = async (lines: string[]) => {
    writeFileSync(path.join(dataDir, "prometheus.yml"), `# Written by bench/inventory.\n${[...GLOBALS, ...lines].join("\n")}\n`);
    const res = await fetch(`${prom.url}/-/reload`, { method: "POST" });
    if (!res.ok) throw new Error(`Prometheus reload failed: HTTP ${res.status} ${await res.text()}`);
  };
  const scrape = async (urls: readonly string[]) => {
    const paths = new Set(urls.map((u) => new URL(u).pathname));
    if (paths.size !== 1) throw new Error(`shard endpoints must share one path, got ${[...paths].join(", ")}`);
    await reload([
      "scrape_configs:",
      "  - job_name: istio-mesh",
      "    honor_labels: true",
      `    metrics_path: ${[...paths][0]}`,
      "    static_configs:",
      `      - targets: [${urls.map((u) => JSON.stringify(new URL(u).host)).join(", ")}]`,
    ]);
  };
  return { ...prom, scrape, stopScraping: () => reload(["scrape_configs: []"]) };
}

/** One number from an instant query (NaN when empty or failing). */
export async function promNumber(url: string, query: string): Promise<number> {
  try {
    const res = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query })}`, { signal: AbortSignal.timeout(60_000) });
    const body = (await res.json()) as { data?: { result?: Array<{ value: [number, string] }> } };
    const v = body.data?.result?.[0]?.value[1];
    return v === undefined ? NaN : Number(v);
  } catch {
    return NaN;
  }
}
