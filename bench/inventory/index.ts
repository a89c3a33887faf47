/**
 * inventory: the overview and workloads-list APIs at 300 namespaces × 10 workloads of the demo mesh
 * (plus its own four), through the route handlers as Next.js runs them (console identity: the
 * watch-fed cache; a real Prometheus holding the scaled mesh's Istio metrics), and the number of
 * Prometheus queries per call at 1, 10 and all namespaces, which must not grow.
 *
 * Compared with Kiali v1.85's published overview load at 300 namespaces (~4.9 s); the target is ≤ 1 s.
 * Server-only modules need Node's `react-server` condition: run through bench/run.ts, or
 * `npx tsx --conditions=react-server bench/inventory/main.ts`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startDemoStack, type DemoStack } from "@/demo/stack";
import { promNumber, SCRAPE_INTERVAL_S, startSlowScrapePrometheus } from "./prometheus";

const SCALE = 300;
const KIALI_OVERVIEW_MS = 4_900;
const TARGET_MS = 1_000;
const REPS = 5;
/** How long to wait for two scrapes of the scaled mesh (rates need two samples). */
const DATA_DEADLINE_MS = 10 * 60_000;

const log = (m: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] inventory: ${m}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Timing {
  ms: number[];
  /** CPU time of this process (the console's side: cache reads, health, JSON), per repetition. */
  cpuMs: number[];
  /** Sources that failed in any repetition (e.g. a Prometheus timeout), which makes that figure meaningless. */
  errors: string[];
  bytes: number;
  queries: Array<{ name: string; ms: number; series: number }>;
  rows: number;
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

async function time(get: () => Promise<Response>, rows: (body: Record<string, unknown[]>) => number, reps = REPS): Promise<Timing> {
  const t: Timing = { ms: [], cpuMs: [], errors: [], bytes: 0, queries: [], rows: 0 };
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const res = await get();
    const text = await res.text();
    t.ms.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    t.cpuMs.push((used.user + used.system) / 1000);
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as Record<string, unknown[]> & { stats?: { queries: Timing["queries"] }; errors?: Array<{ source: string; message: string }> };
    for (const e of body.errors ?? []) t.errors.push(`${e.source}: ${e.message}`);
    t.bytes = text.length;
    t.queries = body.stats?.queries ?? [];
    t.rows = rows(body);
  }
  return t;
}

/** Series in Prometheus's head block (its TSDB status API: it does not scrape itself here). */
async function headSeriesOf(url: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/status/tsdb`).catch(() => undefined);
  const body = (await res?.json().catch(() => undefined)) as { data?: { headStats?: { numSeries?: number } } } | undefined;
  return body?.data?.headStats?.numSeries ?? Number.NaN;
}

function row(name: string, t: Timing): string {
  const f = (v: number) => `${v.toFixed(0)} ms`;
  const q = t.queries.map((x) => `${x.name} ${x.ms} ms/${x.series}`).join(", ");
  return `| ${name} | ${f(median(t.ms))} | ${f(Math.min(...t.ms))} | ${f(Math.max(...t.ms))} | ${f(median(t.cpuMs))} | ${(t.bytes / 1e3).toFixed(0)} kB | ${q} |`;
}

/** Times how long the simulator takes to render one scrape at this scale (what Prometheus waits for). */
async function exposition(metricsUrl: string): Promise<{ ms: number; mb: number }> {
  const started = performance.now();
  const res = await fetch(metricsUrl);
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  return { ms: performance.now() - started, mb: bytes / 1e6 };
}

/** Starts the scaled demo, measures, prints the figures (stdout), and stops everything it started. */
export async function runInventoryBench(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "meshscope-bench-inventory-"));
  let stack: DemoStack | undefined;
  let prom: Awaited<ReturnType<typeof startSlowScrapePrometheus>> | undefined;
  try {
    prom = await startSlowScrapePrometheus(path.join(dir, "prometheus"));
    log(`starting the demo mesh with ${SCALE} extra namespaces…`);
    const started = performance.now();
    stack = await startDemoStack({ dataDir: path.join(dir, "demo"), scale: SCALE, seed: 3, prometheusUrl: prom.url, log });
    const startMs = performance.now() - started;
    await prom.scrape(stack.metricsUrl);

    process.env.KUBECONFIG = stack.kubeconfigPath;
    process.env.PROMETHEUS_URL = prom.url;
    process.env.JAEGER_URL = stack.jaegerUrl;
    const { kubeCache } = await import("@/server/kube/cache");
    const { NextRequest } = await import("next/server");
    const overviewRoute = await import("@/app/api/overview/route");
    const workloadsRoute = await import("@/app/api/workloads/route");
    const cache = kubeCache();
    await cache.waitForSync(120_000);
    const namespaces = cache.list("namespaces").map((n) => n.metadata?.name ?? "").filter(Boolean).sort();
    log(`cache synced: ${namespaces.length} namespaces, ${cache.list("deployments").length} deployments, ${cache.list("pods").length} pods`);

    log(`waiting for two scrapes of the scaled mesh (every ${SCRAPE_INTERVAL_S} s)…`);
    const deadline = Date.now() + DATA_DEADLINE_MS;
    let series = 0;
    let rated = 0;
    while (Date.now() < deadline) {
      series = await promNumber(prom.url, "count(istio_requests_total)").catch(() => 0);
      rated = await promNumber(prom.url, 'count(rate(istio_requests_total{destination_workload_namespace=~"scale-.*"}[5m]) > 0)').catch(() => 0);
      if (rated > 0) break;
      await sleep(10_000);
    }
    const expo = await exposition(stack.metricsUrl);
    log(`simulator exposition: ${expo.mb.toFixed(0)} MB in ${(expo.ms / 1000).toFixed(1)} s`);
    // One more scrape, so that 5m rates have three samples, then no more (see stopScraping).
    await sleep(SCRAPE_INTERVAL_S * 1000 + 15_000);
    await prom.stopScraping();
    await sleep(5_000);
    const headSeries = await headSeriesOf(prom.url);
    log(`Prometheus: ${series} istio_requests_total series, ${rated} with a rate`);

    const get = (mod: { GET: (req: InstanceType<typeof NextRequest>, ctx: undefined) => Promise<Response> | Response }, url: string) => async () =>
      mod.GET(new NextRequest(`http://localhost${url}`), undefined);
    const all = namespaces.join(",");
    const countRows = (key: string) => (b: Record<string, unknown[]>) => b[key]?.length ?? 0;

    log("timing the overview and the workloads list (after one untimed call of each)…");
    await time(get(overviewRoute, "/api/overview?window=5m"), countRows("namespaces"), 1);
    await time(get(workloadsRoute, `/api/workloads?namespaces=${all}&window=5m`), countRows("workloads"), 1);
    const overview = await time(get(overviewRoute, "/api/overview?window=5m"), countRows("namespaces"));
    const workloads = await time(get(workloadsRoute, `/api/workloads?namespaces=${all}&window=5m`), countRows("workloads"));
    const perCall = [];
    for (const n of [1, 10, namespaces.length]) {
      const some = namespaces.slice(0, n).join(",");
      const o = await time(get(overviewRoute, `/api/overview?namespaces=${some}&window=5m`), countRows("namespaces"), 1);
      const w = await time(get(workloadsRoute, `/api/workloads?namespaces=${some}&window=5m`), countRows("workloads"), 1);
      perCall.push({ n, overview: o.queries.length, workloads: w.queries.length });
    }
    await cache.stop();

    const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
    const om = median(overview.ms);
    const lines = [
      "",
      `## inventory: overview and lists at ${SCALE} namespaces × 10 workloads (+ the demo's own)`,
      "",
      `demo start ${(startMs / 1000).toFixed(1)} s; ${namespaces.length} namespaces, ${workloads.rows} workloads; simulator scrape ${expo.mb.toFixed(0)} MB in ${(expo.ms / 1000).toFixed(1)} s`,
      `Prometheus: ${headSeries} head series, ${series} istio_requests_total series (${rated} with traffic)${rated === 0 ? " — NO RATES: figures below ran on empty vectors" : ""}; scraping stopped while timing`,
      "",
      "| API (server time, route handler to body) | median | min | max | console CPU (median) | body | Prometheus queries, last run (ms, series) |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      row(`GET /api/overview (all ${overview.rows} namespaces)`, overview),
      row(`GET /api/workloads (all namespaces, ${workloads.rows} rows)`, workloads),
      "",
      "| namespaces | overview queries/call | workloads queries/call |",
      "| --- | --- | --- |",
      ...perCall.map((p) => `| ${p.n} | ${p.overview} | ${p.workloads} |`),
      "",
      ...[...new Set([...overview.errors, ...workloads.errors])].map((e) => `source error during timing: ${e}`),
      `machine: ${os.cpus().length} CPUs, load average ${load} (other work on the machine slows every figure)`,
      `overview vs target ${TARGET_MS} ms: ${om <= TARGET_MS ? "ok" : "MISSED"} (${om.toFixed(0)} ms)`,
      `overview vs Kiali v1.85 (~${KIALI_OVERVIEW_MS} ms at 300 namespaces): ${(KIALI_OVERVIEW_MS / om).toFixed(1)}× faster (ratio ${(om / KIALI_OVERVIEW_MS).toFixed(3)})`,
      `queries per call constant across 1/10/${namespaces.length} namespaces: ${new Set(perCall.map((p) => `${p.overview}/${p.workloads}`)).size === 1 ? "yes" : "NO"}`,
      "",
    ];
    process.stdout.write(lines.join("\n"));
  } finally {
    await stack?.stop().catch((e: unknown) => log(`demo stop failed: ${String(e)}`));
    await prom?.stop().catch((e: unknown) => log(`prometheus stop failed: ${String(e)}`));
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
