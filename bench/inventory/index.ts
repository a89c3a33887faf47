/**
 * inventory: the overview and workloads-list APIs at 300 namespaces × 10 workloads of the demo mesh
 * (plus its own), through the route handlers as Next.js runs them (console identity: the watch-fed
 * cache), against Debian's Prometheus holding the scaled mesh's Istio metrics (scraped every 15 s for a
 * full 5-minute health window). Compared with the same Prometheus queries sent directly in the same run
 * (paired, alternating order), with Kiali v1.85's published overview load at 300 namespaces (~4.9 s),
 * and the target of ≤ 1 s; plus Prometheus queries per call at 1, 10 and all namespaces.
 *
 * The demo runs in a child process (./demo-child.ts) and scraping stops before the timing, so that only
 * the console and Prometheus's query engine share the machine while the figures are taken.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Scope } from "../lib/cleanup";
import { envNumber, progress, sleep } from "../lib/log";
import { check, newSection, type Section } from "../lib/report";
import { quantile } from "../lib/stats";
import { consoleSteps, queryForms } from "./breakdown";
import { startDemoProcess } from "./demo-process";
import { directHealth, directOverview } from "./direct";
import { promNumber, SCRAPE_INTERVAL_S, startBenchPrometheus } from "./prometheus";
import { routeCaller, type RouteTiming } from "./routes";
import { MANY_NAMESPACES } from "@/server/services/inventory";

const NAME = "inventory";
const KIALI_OVERVIEW_MS = 4_900;
const TARGET_MS = 1_000;

const p50 = (v: readonly number[]) => quantile(v, 0.5);

/** Series in Prometheus's head block (its TSDB status API: it does not scrape itself here). */
async function headSeriesOf(url: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/status/tsdb`).catch(() => undefined);
  const body = (await res?.json().catch(() => undefined)) as { data?: { headStats?: { numSeries?: number } } } | undefined;
  return body?.data?.headStats?.numSeries ?? Number.NaN;
}

export async function runInventoryBench(scope: Scope): Promise<Section> {
  const scale = envNumber("BENCH_INVENTORY_SCALE", 300);
  const reps = envNumber("BENCH_INVENTORY_REPS", 9);
  const fillSeconds = envNumber("BENCH_INVENTORY_FILL_SECONDS", 320);
  const section = newSection(NAME, `inventory: GET /api/overview and /api/workloads at ${scale} namespaces × 10 workloads`, [
    "api = the route handler (app/api/overview, app/api/workloads) called in-process as Next.js calls it, until its body is",
    "read; direct = the very PromQL those services send, straight to Prometheus (fetch + JSON.parse), in the same pattern",
    "(health's two parts ∥ sparkline → fallback). Repetitions alternate api-first and direct-first; ratio = median of api/direct pairs.",
  ]);
  const dir = mkdtempSync(path.join(os.tmpdir(), "meshscope-bench-inventory-"));
  scope.defer("data dir", () => rmSync(dir, { recursive: true, force: true }));

  // 1. Prometheus, then the scaled demo pointed at it, then scraping its shards until the window is full.
  const prom = await startBenchPrometheus(path.join(dir, "prometheus"));
  scope.defer("prometheus", () => prom.stop());
  progress(NAME, `starting the demo mesh with ${scale} extra namespaces (own process)…`);
  const startedDemo = performance.now();
  const demo = await startDemoProcess({ dataDir: path.join(dir, "demo"), scale, prometheusUrl: prom.url });
  scope.defer("demo", () => demo.stop());
  const demoStartS = (performance.now() - startedDemo) / 1000;
  await prom.scrape(demo.metricsShardUrls);
  const shards = demo.metricsShardUrls.length;
  const deadline = Date.now() + 4 * 60_000;
  while ((await promNumber(prom.url, 'count(up{job="istio-mesh"} == 1)')) !== shards) {
    if (Date.now() > deadline) throw new Error(`Prometheus did not scrape all ${shards} shards within 4 minutes`);
    await sleep(2_000);
  }
  const firstScrapeS = (performance.now() - startedDemo) / 1000;
  progress(NAME, `all ${shards} shards scraped after ${firstScrapeS.toFixed(0)} s; filling ${fillSeconds} s of data (every ${SCRAPE_INTERVAL_S} s)`);
  await sleep(fillSeconds * 1000);
  const [series, scrapeMax, scrapesOk, scrapesAll] = await Promise.all([
    promNumber(prom.url, "count(istio_requests_total)"),
    promNumber(prom.url, 'max(max_over_time(scrape_duration_seconds{job="istio-mesh"}[10m]))'),
    promNumber(prom.url, 'sum(sum_over_time(up{job="istio-mesh"}[10m]))'),
    promNumber(prom.url, 'sum(count_over_time(up{job="istio-mesh"}[10m]))'),
  ]);
  const rated = await promNumber(prom.url, 'count(count by (destination_workload_namespace) (rate(istio_requests_total{destination_workload_namespace=~"scale-.*"}[5m]) > 0))');
  const headSeries = await headSeriesOf(prom.url);
  await prom.stopScraping();
  await sleep(3_000);

  // 2. The console's modules, pointed at the demo.
  process.env.KUBECONFIG = demo.kubeconfigPath;
  process.env.PROMETHEUS_URL = prom.url;
  process.env.JAEGER_URL = demo.jaegerUrl;
  const calls = await routeCaller();
  scope.defer("kube cache", () => calls.stop());
  const names = calls.namespaces;
  // As the services decide (coversEveryNamespace): every namespace of a large cluster, no namespace matchers.
  const every = names.length >= MANY_NAMESPACES;
  progress(NAME, `cache synced: ${names.length} namespaces; timing (${reps} pairs each, after a warm-up)…`);

  // 3. Paired timings.
  const all = names.join(",");
  const overview = () => calls.get("overview", "/api/overview?window=5m");
  const workloads = () => calls.get("workloads", `/api/workloads?namespaces=${all}&window=5m`);
  const pairs = async (api: () => Promise<RouteTiming>, direct: () => Promise<{ ms: number }>) => {
    await api();
    await direct();
    const out: Array<{ api: RouteTiming; directMs: number }> = [];
    for (let i = 0; i < reps; i++) {
      const first = i % 2 === 0 ? await api() : undefined;
      const d = await direct();
      out.push({ api: first ?? (await api()), directMs: d.ms });
    }
    return out;
  };
  const o = await pairs(overview, () => directOverview(prom.url, names, every, Date.now() / 1000));
  const w = await pairs(workloads, () => directHealth(prom.url, names, every, Date.now() / 1000));

  // 4. Queries per call at 1, 10 and all namespaces.
  const perCall: Array<[number, number, number]> = [];
  for (const n of [1, 10, names.length]) {
    const some = names.slice(0, n).join(",");
    const ov = await calls.get("overview", `/api/overview?namespaces=${some}&window=5m`);
    const wl = await calls.get("workloads", `/api/workloads?namespaces=${some}&window=5m`);
    perCall.push([n, ov.queries.length, wl.queries.length]);
  }

  // 5. Where the time goes, and the query forms compared.
  const health = await directHealth(prom.url, names, every, Date.now() / 1000);
  const steps = await consoleSteps(health.parts.map((p) => p.text), calls.reader, 5);
  const forms = await queryForms(prom.url, names, Math.floor(Date.now() / 1000), 5);

  const load = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  const row = (label: string, t: Array<{ api: RouteTiming; directMs: number }>) => {
    const api = t.map((x) => x.api.ms);
    const last = t[t.length - 1]!.api;
    return [
      label,
      p50(api),
      quantile(api, 0.95),
      p50(t.map((x) => x.api.cpuMs)),
      p50(t.map((x) => x.api.inventoryMs)),
      p50(t.map((x) => x.directMs)),
      `${p50(t.map((x) => x.api.ms / x.directMs)).toFixed(2)}×`,
      last.queries.map((q) => `${q.name} ${q.ms} ms/${q.series}`).join(", "),
      `${(last.bytes / 1e3).toFixed(0)} kB`,
      [...new Set(t.flatMap((x) => x.api.errors))].join("; ") || "none",
    ];
  };
  section.tables.push({
    title: `Scaled demo in Prometheus`,
    columns: ["figure", "value"],
    rows: [
      ["namespaces / workloads listed", `${names.length} / ${w[0]?.api.rows.workloads ?? "?"}`],
      ["demo start (own process) / all shards scraped", `${demoStartS.toFixed(0)} s / ${firstScrapeS.toFixed(0)} s`],
      ["scrape: shards, interval, data filled", `${shards}, ${SCRAPE_INTERVAL_S} s, ${fillSeconds} s`],
      ["scrapes ok / all, slowest", `${scrapesOk} / ${scrapesAll}, ${scrapeMax.toFixed(1)} s`],
      ["Prometheus head series / istio_requests_total series", `${headSeries} / ${series}`],
      ["scale namespaces with traffic (5m rate > 0)", `${rated} of ${scale}`],
    ],
  });
  section.tables.push({
    title: `Latency per call (ms; ${reps} pairs each; machine load ${load})`,
    columns: ["API", "api p50", "api p95", "console CPU p50", "k8s read+prepare p50", "direct p50", "paired ratio", "queries (last call: ms/series)", "body", "source errors"],
    rows: [row(`GET /api/overview (${names.length} namespaces)`, o), row(`GET /api/workloads (all namespaces)`, w)],
  });
  section.tables.push({ title: "Prometheus queries per call", columns: ["namespaces", "overview", "workloads"], rows: perCall });
  section.tables.push({ title: "Where an overview's console-side time goes (median ms, in-process on captured inputs)", columns: ["step", "ms"], rows: steps });
  section.tables.push({ title: "PromQL forms at this scale (median round trip ms, alternated)", columns: ["form", "ms", "series"], rows: forms });

  const om = p50(o.map((x) => x.api.ms));
  section.checks.push(check(`overview at ${names.length} namespaces (p50)`, om, "ms", { kind: "max", limit: TARGET_MS }, `Kiali v1.85 ~${KIALI_OVERVIEW_MS} ms: ${(KIALI_OVERVIEW_MS / om).toFixed(1)}× faster (ratio ${(om / KIALI_OVERVIEW_MS).toFixed(2)})`));
  const maxQueries = Math.max(...perCall.map((r) => r[1]));
  section.checks.push(check(`overview queries per call, most at 1/10/${names.length} namespaces`, maxQueries, "", { kind: "max", limit: 4 }, "must not grow with namespaces"));
  section.notes.push(
    "console CPU = user + system CPU time of this process during the call (cache reads, JSON, health, assembly).",
    "paired ratio = api / direct: what the console adds to Prometheus's own time (reading the cache, judging every object's",
    "  health, assembling); it has no target (the APIs do more than forward queries), the ≤ 1 s target is on api p50.",
    "direct for the overview = health's two parts ∥ (destination sparkline → source fallback for namespaces lacking points), as the service does.",
    `Kiali's figure is its published overview load at 300 namespaces (v1.85); it was not measured here.`,
    rated === 0 ? "NO RATES: Prometheus held no traffic of the scale namespaces; the figures ran on empty vectors." : `${rated} scale namespaces had traffic in the window.`,
  );
  section.data = { scale, reps, fillSeconds, shards, headSeries, series, rated, overview: o, workloads: w, perCall, steps, forms, load: os.loadavg() };
  return section;
}
