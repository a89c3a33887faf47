/**
 * Where the overview's time goes, step by step, on captured inputs (the health query's answer, the
 * watch-fed cache): JSON parsing, validating the samples (the zod schema the console used before, and
 * the plain-loop reader it uses now), Kubernetes cache reads, indexing, preparing, judging, assembling.
 * And the PromQL forms the overview could send, timed against each other.
 */
import type { V1Deployment, V1Namespace, V1Pod, V1Service } from "@kubernetes/client-node";
import { z } from "zod";
import { judgeInventory, prepareInventory } from "@/lib/inventory/list-items";
import { indexPeerAuthentications, mtlsOf } from "@/lib/inventory/mtls";
import { buildOverview } from "@/lib/inventory/overview";
import { toNamespaceSummaries } from "@/lib/inventory/workloads";
import { healthTallyQueries, healthTallyQuery, namespaceInboundQuery, TALLY_LABELS } from "@/lib/metrics/health-query";
import { indexTallies } from "@/lib/metrics/tallies";
import { rangeAxis } from "@/lib/metrics/window";
import { readVector } from "@/server/prometheus/results";
import type { KubeReader } from "@/server/kube/reader";
import { readIstioGroups } from "@/server/services/inventory";
import { quantile } from "../lib/stats";
import { promQuery } from "./direct";

/** The schema server/prometheus/query.ts validated every sample with until this benchmark's change. */
const zodPerSample = z.object({
  status: z.literal("success"),
  data: z.object({
    resultType: z.literal("vector"),
    result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: z.tuple([z.number(), z.string()]) })),
  }),
});

async function timeEach(reps: number, steps: Record<string, () => unknown>): Promise<Array<[string, number]>> {
  const ms: Record<string, number[]> = {};
  for (let i = 0; i < reps; i++) {
    for (const [name, fn] of Object.entries(steps)) {
      const started = performance.now();
      await fn();
      (ms[name] ??= []).push(performance.now() - started);
    }
  }
  return Object.entries(ms).map(([name, v]) => [name, quantile(v, 0.5)]);
}

/** Median ms of each console-side step of one overview at this scale. */
export async function consoleSteps(healthTexts: readonly string[], reader: KubeReader, reps: number): Promise<Array<[string, number]>> {
  const namespaces = toNamespaceSummaries(await reader.list<V1Namespace>("namespaces"));
  const names = namespaces.map((n) => n.name);
  const read = async () => {
    const [deployments, pods, services, istio] = await Promise.all([
      reader.list<V1Deployment>("deployments", names),
      reader.list<V1Pod>("pods", names),
      reader.list<V1Service>("services", names),
      readIstioGroups(reader, names),
    ]);
    return { deployments, pods, services, istio: istio.groups };
  };
  const parse = () => healthTexts.map((t) => JSON.parse(t) as { data: { result: unknown } });
  const parsed = parse();
  const objects = await read();
  const samples = parsed.flatMap((p) => readVector(p.data.result));
  const mb = healthTexts.reduce((n, t) => n + t.length, 0) / 1e6;
  const tallies = indexTallies(samples, names, 300);
  const prepared = prepareInventory(objects);
  const inventory = judgeInventory(prepared, tallies);
  const noPolicies = indexPeerAuthentications([]);
  return timeEach(reps, {
    [`JSON.parse of the health answers (${mb.toFixed(1)} MB)`]: parse,
    [`samples through zod, per sample (before) (${samples.length})`]: () => parsed.map((p) => zodPerSample.safeParse(p)),
    "samples through the plain-loop reader (now)": () => parsed.map((p) => readVector(p.data.result)),
    "Kubernetes cache reads": read,
    "index tallies": () => indexTallies(samples, names, 300),
    "prepare the inventory (uncached)": () => prepareInventory(objects),
    "judge health": () => judgeInventory(prepared, tallies),
    "assemble the overview": () => buildOverview(namespaces, inventory, (ns) => mtlsOf(ns, noPolicies), [], { timestamps: [], step: 10 }),
  });
}

/** Median Prometheus round trips of the query forms the overview could send (a form's queries in parallel), alternated. */
export async function queryForms(url: string, names: readonly string[], now: number, reps: number): Promise<Array<[string, number, number]>> {
  const m = "istio_requests_total";
  const by = `sum by (${TALLY_LABELS.join(", ")})`;
  const axis = rangeAxis("5m", now, 30);
  const inbound = (reporter: "destination" | "source") => namespaceInboundQuery(names, axis.rateWindow, { everyNamespace: true, reporter });
  const instant = (query: string) => ({ endpoint: "query" as const, params: { query, time: String(now) } });
  const range = (query: string) => ({ endpoint: "query_range" as const, params: { query, start: String(axis.start), end: String(axis.end), step: String(axis.step) } });
  const forms: Array<[string, Array<ReturnType<typeof instant> | ReturnType<typeof range>>]> = [
    ["health: a regex of every namespace in 3 selectors (before eae3933)", [instant(healthTallyQuery(names, "5m"))]],
    ["health: `or` of the two reporters, no namespace matcher (eae3933)", [instant(`${by} (increase(${m}{reporter="destination"}[5m]) or increase(${m}{reporter="source"}[5m]))`)]],
    ["health: one selector of both reporters", [instant(healthTallyQuery(names, "5m", { everyNamespace: true }))]],
    ["health: one query per reporter, in parallel (now)", healthTallyQueries(names, "5m", { everyNamespace: true }).map((q) => instant(q.query))],
    ["sparkline: `destination or source` in one query (before)", [range(`${inbound("destination")} or ${inbound("source")}`)]],
    ["sparkline: destination side only (now, + a small fallback)", [range(inbound("destination"))]],
  ];
  const ms = new Map<string, number[]>();
  const series = new Map<string, number>();
  for (let i = 0; i < reps; i++) {
    for (const [name, queries] of i % 2 === 0 ? forms : [...forms].reverse()) {
      const started = performance.now();
      const answers = await Promise.all(queries.map((q) => promQuery(url, q.endpoint, q.params)));
      ms.set(name, [...(ms.get(name) ?? []), performance.now() - started]);
      series.set(name, answers.reduce((n, a) => n + a.result.length, 0));
    }
  }
  return forms.map(([name]) => [name, quantile(ms.get(name) ?? [], 0.5), series.get(name) ?? 0]);
}
