/**
 * graph-server: the graph API's latency against a real Prometheus holding a synthetic mesh of ~1,160
 * workloads and ~3,800 workload edges, compared with the very same PromQL issued straight to
 * Prometheus in the same run (the builder's overhead), for 1, 10 and all namespaces.
 *
 * Data: Istio's metrics (exact names and label sets, both reporters, several response codes, the
 * duration histogram, TCP counters) served as text exposition in shards on loopback and scraped by
 * Debian's Prometheus every 5 s for a few minutes; then scraping stops and every query is evaluated
 * at the time of the last complete scrape, so all repetitions read the same data.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPrometheus } from "@/demo/prometheus/launcher";
import type { GraphOptions } from "@/lib/graph/options";
import type { GraphResponse } from "@/lib/graph/schema";
import { graphQueries } from "@/lib/promql/graph-queries";
import { CONSOLE_IDENTITY } from "@/server/kube/identity";
import { getConfig } from "@/server/config";
import { instantQuery } from "@/server/prometheus/query";
import { getGraph } from "@/server/services/graph";
import type { Scope } from "../lib/cleanup";
import { envNumber, progress, sleep } from "../lib/log";
import { check, fmtInt, newSection, type Section } from "../lib/report";
import { quantile, ratio, summarize } from "../lib/stats";
import { seriesCount, seriesSets, serveExposition } from "./exposition";
import { syntheticReader } from "./inventory";
import { serveReplay } from "./replay";
import { DEFAULT_MESH_OPTIONS, generateMesh, meshStats, namespaceName } from "./synthetic-mesh";

const NAME = "graph-server";
const SHARDS = 10;
const SCRAPE_INTERVAL_S = 5;
/** Same rule as server/prometheus/query.ts: longer query strings go in a POST body. */
const MAX_GET_QUERY = 6_000;
const RATIO_TARGET = 1.25;

interface Scale {
  label: string;
  namespaces: string[];
  reps: number;
  warmUp: boolean;
}

interface Rep {
  /** getGraph + JSON.stringify, as the route handler answers. */
  apiMs: number;
  getGraphMs: number;
  stringifyMs: number;
  buildMs: number;
  inventoryMs: number;
  /** Slowest of the service's parallel query round trips (fetch + zod parse + sample mapping). */
  serviceQueryMs: number;
  /** Each query's round trip inside the service, as `stats.queries` reports it. */
  serviceEachMs: number[];
  /** The same queries straight to Prometheus, in parallel (fetch + JSON.parse). */
  directMs: number;
  directQueryMs: number[];
  responseBytes: number;
}

async function promJson(url: string, query: string, time?: number): Promise<{ ms: number; series: number; body: unknown; text: string }> {
  const params = new URLSearchParams({ query });
  if (time !== undefined) params.set("time", String(time));
  const qs = params.toString();
  const started = performance.now();
  const res = await (qs.length <= MAX_GET_QUERY
      ? fetch(`${url}/api/v1/query?${qs}`, { headers: { accept: "application/json" } })
      : fetch(`${url}/api/v1/query`, { method: "POST", body: params, headers: { accept: "application/json" } })
  ).catch((err: unknown) => {
    const cause = (err as { cause?: { message?: string; code?: string } }).cause;
    throw new Error(`fetch ${url}/api/v1/query failed: ${cause?.code ?? ""} ${cause?.message ?? String(err)}`);
  });
  const text = await res.text();
  const body = JSON.parse(text) as { status: string; error?: string; data?: { result?: unknown[] } };
  const ms = performance.now() - started;
  if (!res.ok || body.status !== "success") throw new Error(`Prometheus: HTTP ${res.status} ${body.error ?? ""} for ${query.slice(0, 120)}`);
  return { ms, series: body.data?.result?.length ?? 0, body, text };
}

async function scalar(url: string, query: string): Promise<number> {
  const r = await promJson(url, query);
  const result = (r.body as { data: { result: Array<{ value: [number, string] }> } }).data.result;
  return result.length > 0 ? Number(result[0]!.value[1]) : NaN;
}

function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Median of api/direct over back-to-back pairs. */
function pairedRatio(reps: readonly Rep[]): number {
  return quantile(
    reps.map((r) => r.apiMs / r.directMs),
    0.5,
  );
}

export async function runGraphServer(scope: Scope): Promise<Section> {
  const section = newSection(NAME, "graph-server: GET /api/graph against a real Prometheus vs. the same PromQL sent directly", [
    "api = getGraph() (server/services/graph.ts) + JSON.stringify of its answer, with the real Prometheus client and an",
    "in-memory inventory (deployments, pods, services, ServiceEntries of the mesh); direct = the identical query texts",
    "(graphQueries(options)) fetched in parallel from /api/v1/query at the same evaluation time, body JSON-parsed.",
    "ratio = api / direct (the builder's overhead on top of Prometheus). Options: versionedApp, window 5m, service nodes.",
    "Then the same requests once more against a replay of Prometheus's recorded answers: the service's own cost alone.",
  ]);
  const fillSeconds = envNumber("BENCH_FILL_SECONDS", 150);

  // 1. The mesh and its telemetry.
  const mesh = generateMesh(DEFAULT_MESH_OPTIONS);
  const ms = meshStats(mesh);
  const sets = seriesSets(mesh, SHARDS);
  const totalSeries = seriesCount(sets);
  progress(NAME, `mesh: ${ms.namespaces} namespaces, ${ms.workloads} workloads, ${ms.edges} workload edges, ${sets.length} label sets, ${totalSeries} series`);
  const expo = await serveExposition(sets, SHARDS);
  const stopExposition = scope.defer("exposition server", () => expo.close());

  // 2. Prometheus scraping it.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "meshscope-bench-prom-"));
  scope.defer("prometheus data dir", () => rmSync(dataDir, { recursive: true, force: true }));
  const prom = await startPrometheus({ targets: expo.urls.map((url, i) => ({ job: `mesh-shard-${i}`, url })), dataDir, scrapeIntervalSeconds: SCRAPE_INTERVAL_S });
  scope.defer("prometheus", () => prom.stop());
  progress(NAME, `Prometheus ${prom.url} (pid ${prom.pid}) scraping ${SHARDS} shards every ${SCRAPE_INTERVAL_S} s`);

  const upQuery = `count(up{job=~"mesh-shard-.*"} == 1)`;
  const firstDeadline = Date.now() + 120_000;
  while ((await scalar(prom.url, upQuery).catch(() => NaN)) !== SHARDS) {
    if (Date.now() > firstDeadline) throw new Error("Prometheus did not scrape every shard within 2 minutes");
    await sleep(1_000);
  }
  const fillStart = Date.now();
  progress(NAME, `all shards scraped once; filling ${fillSeconds} s of data`);
  while (Date.now() - fillStart < fillSeconds * 1000) {
    await sleep(15_000);
    const [up, scrapeMax, samples] = await Promise.all([
      scalar(prom.url, upQuery),
      scalar(prom.url, `max(scrape_duration_seconds{job=~"mesh-shard-.*"})`),
      scalar(prom.url, `sum(scrape_samples_scraped{job=~"mesh-shard-.*"})`),
    ]).catch(() => [NaN, NaN, NaN]);
    progress(NAME, `  ${Math.round((Date.now() - fillStart) / 1000)} s: ${up}/${SHARDS} shards up, ${samples} samples per round, slowest scrape ${scrapeMax?.toFixed(2)} s`);
  }
  const scrapeMaxS = await scalar(prom.url, `max(max_over_time(scrape_duration_seconds{job=~"mesh-shard-.*"}[15m]))`);
  const scrapesTotal = await scalar(prom.url, `sum(count_over_time(up{job=~"mesh-shard-.*"}[15m]))`);
  const scrapesOk = await scalar(prom.url, `sum(sum_over_time(up{job=~"mesh-shard-.*"}[15m]))`);
  // Evaluate everything at the last scrape every shard completed, then stop the scrape load.
  const evalTime = await scalar(prom.url, `min(timestamp(up{job=~"mesh-shard-.*"}))`);
  await stopExposition();
  await sleep(1_000);
  const tsdb = (await fetch(`${prom.url}/api/v1/status/tsdb`).then((r) => r.json())) as { data?: { headStats?: { numSeries?: number } } };
  const buildInfo = (await fetch(`${prom.url}/api/v1/status/buildinfo`).then((r) => r.json())) as { data?: { version?: string } };
  const headSeries = tsdb.data?.headStats?.numSeries ?? NaN;
  progress(NAME, `scraping stopped; ${headSeries} head series; evaluating at ${new Date(evalTime * 1000).toISOString()}`);

  // 3. The graph service pointed at it.
  process.env.PROMETHEUS_URL = prom.url;
  process.env.MESHSCOPE_UPSTREAM_TIMEOUT_MS = "120000";
  const reader = syntheticReader(mesh);
  const deps = { query: instantQuery, reader, now: () => evalTime };
  const appNamespaces = mesh.namespaces.filter((n) => n !== "istio-system");
  const scales: Scale[] = [
    { label: "1 namespace", namespaces: [namespaceName(0)], reps: envNumber("BENCH_REPS_1", 15), warmUp: true },
    { label: "10 namespaces", namespaces: appNamespaces.slice(0, 10), reps: envNumber("BENCH_REPS_10", 8), warmUp: true },
    // Each request takes tens of seconds here: no warm-up (the smaller selections warmed both sides up).
    { label: `all ${mesh.namespaces.length} namespaces`, namespaces: mesh.namespaces, reps: envNumber("BENCH_REPS_ALL", 3), warmUp: false },
  ];

  /** Prometheus's answers, by query text, recorded from the direct runs for the replay phase. */
  const recorded = new Map<string, string>();
  let target = prom.url;
  const url = () => target;
  const rows: Array<{ scale: Scale; reps: Rep[]; last: GraphResponse; directSeries: number[]; replay?: Array<{ apiMs: number; directMs: number }> }> = [];
  const measure = async (scale: Scale, reps: number, warmUp: boolean) => {
    const options: GraphOptions = {
      namespaces: scale.namespaces,
      graphType: "versionedApp",
      window: "5m",
      injectServiceNodes: true,
      idleNodes: false,
      idleEdges: false,
      responseTime: "p95",
      throughput: false,
      time: evalTime,
    };
    const queries = graphQueries(options);
    const api = async () => {
      const t0 = performance.now();
      const g = await getGraph(CONSOLE_IDENTITY, options, deps);
      const t1 = performance.now();
      const json = JSON.stringify(g);
      const t2 = performance.now();
      return { g, getGraphMs: t1 - t0, stringifyMs: t2 - t1, apiMs: t2 - t0, bytes: Buffer.byteLength(json) };
    };
    const direct = async () => {
      const t0 = performance.now();
      const rs = await Promise.all(queries.map((q) => promJson(url(), q.query, evalTime)));
      rs.forEach((r, j) => recorded.set(queries[j]!.query, r.text));
      return { ms: performance.now() - t0, each: rs.map((r) => r.ms), series: rs.map((r) => r.series) };
    };
    progress(NAME, `${scale.label}: ${warmUp ? "warm-up, then " : ""}${reps} repetitions of api and direct (alternating order)`);
    let last: GraphResponse | undefined;
    let directSeries: number[] = [];
    if (warmUp) {
      last = (await api()).g;
      directSeries = (await direct()).series;
    }
    const out: Rep[] = [];
    for (let i = 0; i < reps; i++) {
      let a: Awaited<ReturnType<typeof api>>;
      let d: Awaited<ReturnType<typeof direct>>;
      if (i % 2 === 0) {
        a = await api();
        d = await direct();
      } else {
        d = await direct();
        a = await api();
      }
      last = a.g;
      directSeries = d.series;
      if (a.g.stats.queries.some((q, j) => q.query !== queries[j]?.query)) throw new Error("the service's queries differ from graphQueries(options)");
      out.push({
        apiMs: a.apiMs,
        getGraphMs: a.getGraphMs,
        stringifyMs: a.stringifyMs,
        buildMs: a.g.stats.buildMs,
        inventoryMs: a.g.stats.inventoryMs,
        serviceQueryMs: Math.max(...a.g.stats.queries.map((q) => q.ms)),
        serviceEachMs: a.g.stats.queries.map((q) => q.ms),
        directMs: d.ms,
        directQueryMs: d.each,
        responseBytes: a.bytes,
      });
    }
    if (!last) throw new Error(`${scale.label}: no repetitions`);
    progress(NAME, `  api p50 ${summarize(out.map((r) => r.apiMs)).p50.toFixed(0)} ms, direct p50 ${summarize(out.map((r) => r.directMs)).p50.toFixed(0)} ms`);
    return { reps: out, last, directSeries };
  };
  for (const scale of scales) {
    const { reps, last, directSeries } = await measure(scale, scale.reps, scale.warmUp);
    rows.push({ scale, reps, last, directSeries });
  }

  // Replay: the same requests against recorded answers, so that only the client side is timed.
  const replayReps = envNumber("BENCH_REPLAY_REPS", 5);
  const replay = await serveReplay(recorded);
  const stopReplay = scope.defer("replay server", () => replay.close());
  const config = getConfig();
  config.prometheusUrl = replay.url;
  target = replay.url;
  try {
    for (const row of rows) {
      const r = await measure({ ...row.scale, label: `${row.scale.label} (replayed)` }, replayReps, true);
      row.replay = r.reps.map((x) => ({ apiMs: x.apiMs, directMs: x.directMs }));
    }
  } finally {
    config.prometheusUrl = prom.url;
    target = prom.url;
  }
  const replayHits = replay.hits();
  await stopReplay();
  const promRss = rssMb(prom.pid);

  // 4. The report.
  section.tables.push({
    title: `Synthetic mesh in Prometheus ${buildInfo.data?.version ?? "?"}`,
    columns: ["figure", "value"],
    rows: [
      ["namespaces (incl. istio-system)", ms.namespaces],
      ["workloads", ms.workloads],
      ["services", ms.services],
      ["workload edges (http / grpc / tcp)", `${fmtInt(ms.edges)} (${fmtInt(ms.byProtocol.http)} / ${fmtInt(ms.byProtocol.grpc)} / ${fmtInt(ms.byProtocol.tcp)})`],
      ["reporter label sets", sets.length],
      ["Istio series served / Prometheus head series", `${fmtInt(totalSeries)} / ${fmtInt(headSeries)}`],
      ["scrapes: interval, data filled after the first", `${SCRAPE_INTERVAL_S} s, ${fillSeconds} s`],
      ["scrapes: successful / all, slowest", `${fmtInt(scrapesOk)} / ${fmtInt(scrapesTotal)}, ${scrapeMaxS.toFixed(1)} s (timeout ${SCRAPE_INTERVAL_S} s)`],
      ["Prometheus RSS after the run", promRss === null ? null : `${fmtInt(promRss)} MB`],
    ],
  });
  const p = (xs: number[], q: "p50" | "p95") => summarize(xs)[q];
  section.tables.push({
    title: "Latency per request (ms): api vs. the same queries sent directly",
    columns: ["selection", "reps", "queries/req", "nodes", "edges", "series (req/tcp/lat)", "api p50", "api p95", "direct p50", "direct p95", "ratio p50", "ratio p95", "paired ratio**"],
    rows: rows.map(({ scale, reps, last, directSeries }) => {
      const apiP50 = p(reps.map((r) => r.apiMs), "p50");
      const apiP95 = p(reps.map((r) => r.apiMs), "p95");
      const dP50 = p(reps.map((r) => r.directMs), "p50");
      const dP95 = p(reps.map((r) => r.directMs), "p95");
      return [
        scale.label,
        reps.length,
        last.stats.queries.length,
        last.nodes.length,
        last.edges.length,
        directSeries.map(fmtInt).join(" / "),
        apiP50,
        apiP95,
        dP50,
        dP95,
        `${ratio(apiP50, dP50).toFixed(2)}×`,
        `${ratio(apiP95, dP95).toFixed(2)}×`,
        `${pairedRatio(reps).toFixed(2)}×`,
      ];
    }),
  });
  const overhead = (row: (typeof rows)[number]) => (row.replay ? quantile(row.replay.map((r) => r.apiMs - r.directMs), 0.5) : NaN);
  const estimated = (row: (typeof rows)[number]) => {
    const d = p(row.reps.map((r) => r.directMs), "p50");
    return ratio(d + overhead(row), d);
  };
  section.tables.push({
    title: "Client side alone (ms): the same requests with Prometheus replayed from recorded answers",
    columns: ["selection", "reps", "api p50", "direct p50", "service overhead***", "live direct p50", "estimated ratio"],
    rows: rows.map((row) => [
      row.scale.label,
      row.replay?.length ?? 0,
      row.replay ? p(row.replay.map((r) => r.apiMs), "p50") : null,
      row.replay ? p(row.replay.map((r) => r.directMs), "p50") : null,
      overhead(row),
      p(row.reps.map((r) => r.directMs), "p50"),
      `${estimated(row).toFixed(2)}×`,
    ]),
  });
  section.tables.push({
    title: "Where the api time goes (p50, ms)",
    columns: ["selection", "api", "service queries*", "direct queries", "build", "inventory", "JSON.stringify", "response"],
    rows: rows.map(({ scale, reps }) => [
      scale.label,
      p(reps.map((r) => r.apiMs), "p50"),
      p(reps.map((r) => r.serviceQueryMs), "p50"),
      p(reps.map((r) => r.directMs), "p50"),
      p(reps.map((r) => r.buildMs), "p50"),
      p(reps.map((r) => r.inventoryMs), "p50"),
      p(reps.map((r) => r.stringifyMs), "p50"),
      `${(p(reps.map((r) => r.responseBytes), "p50") / 1e6).toFixed(2)} MB`,
    ]),
  });
  const names = graphQueries({ namespaces: ["x"], graphType: "versionedApp", window: "5m", throughput: false }).map((q) => q.name);
  section.tables.push({
    title: "Each query's round trip (p50, ms): in the service (fetch + zod + samples) / direct (fetch + JSON.parse), both run in parallel",
    columns: ["selection", ...names.map((n) => `${n} service`), ...names.map((n) => `${n} direct`)],
    rows: rows.map(({ scale, reps }) => [
      scale.label,
      ...names.map((_, j) => p(reps.map((r) => r.serviceEachMs[j]!), "p50")),
      ...names.map((_, j) => p(reps.map((r) => r.directQueryMs[j]!), "p50")),
    ]),
  });
  section.notes.push(
    "* service queries = the slowest of the service's parallel Prometheus round trips, as stats.queries reports them",
    "  (HTTP + JSON + zod validation + sample mapping); api − service queries ≈ build + inventory + stringify.",
    "** paired ratio = median over repetitions of api/direct, each pair measured back to back (less exposed to the machine's",
    "  load drifting between repetitions than the ratio of the two p50s).",
    "*** service overhead = median of (api − direct) with Prometheus replayed: HTTP client, zod, sample mapping, inventory, build",
    "  and JSON.stringify beyond a plain fetch + JSON.parse. estimated ratio = (live direct p50 + overhead) / live direct p50.",
    replayHits > 0 ? `Replay server answered ${replayHits} queries.` : "Replay server got no queries: the replay figures are not valid.",
  );
  for (const row of rows) {
    section.checks.push(
      check(`api/direct ratio (paired median), ${row.scale.label}`, pairedRatio(row.reps), "×", { kind: "max", limit: RATIO_TARGET }, `p50s: ${ratio(p(row.reps.map((r) => r.apiMs), "p50"), p(row.reps.map((r) => r.directMs), "p50")).toFixed(2)}×; replay estimate ${estimated(row).toFixed(2)}×`),
    );
  }
  const q1 = rows[0]!.last.stats.queries.length;
  const qAll = rows[rows.length - 1]!.last.stats.queries.length;
  section.checks.push(check(`queries per request, all namespaces (1 namespace: ${q1})`, qAll, "", { kind: "max", limit: q1 }, "must not grow with namespaces"));
  section.data = {
    mesh: ms,
    labelSets: sets.length,
    servedSeries: totalSeries,
    headSeries,
    fillSeconds,
    scrapeIntervalSeconds: SCRAPE_INTERVAL_S,
    slowestScrapeSeconds: scrapeMaxS,
    scrapes: { ok: scrapesOk, total: scrapesTotal },
    evalTime,
    prometheusRssMb: promRss,
    scales: rows.map(({ scale, reps, last, directSeries }) => ({
      label: scale.label,
      namespaces: scale.namespaces.length,
      queriesPerRequest: last.stats.queries.length,
      nodes: last.nodes.length,
      edges: last.edges.length,
      series: Object.fromEntries(last.stats.queries.map((q, i) => [q.name, directSeries[i]])),
      queryChars: last.stats.queries.map((q) => q.query.length),
      api: summarize(reps.map((r) => r.apiMs)),
      direct: summarize(reps.map((r) => r.directMs)),
      build: summarize(reps.map((r) => r.buildMs)),
      serviceQueries: summarize(reps.map((r) => r.serviceQueryMs)),
      stringify: summarize(reps.map((r) => r.stringifyMs)),
      responseBytes: reps[0]?.responseBytes,
      pairedRatio: pairedRatio(reps),
      replay: rows.find((r) => r.scale === scale)?.replay,
      reps,
    })),
  };
  return section;
}
