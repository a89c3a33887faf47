/**
 * Test harness: a simulator over an in-memory state, a fake clock, and helpers to read the
 * recorded metrics. Used by the unit tests of demo/mesh only.
 */
import type { KubeObject, MeshState } from "../../contracts";
import { SpanStore } from "../../tracing/span-store";
import { createPodLogBuffer, type PodLogBuffer } from "../pod-logs";
import { FakeClock } from "../simulator/clock";
import { MeshSimulator } from "../simulator/simulator";
import { meshStateFromObjects } from "../state-from-objects";
import { createStaticMeshStateSource, type StaticMeshStateSource } from "../static-state-source";
import { createIstioMetrics, type IstioMetrics } from "../telemetry/istio-metrics";
import type { SeriesSample, SeriesSnapshot } from "../telemetry/series-metrics";

export interface Harness {
  sim: MeshSimulator;
  source: StaticMeshStateSource;
  metrics: IstioMetrics;
  spans: SpanStore;
  logs: PodLogBuffer;
  clock: FakeClock;
  state(): MeshState;
  /** Samples of a metric (for histograms: `_bucket`, `_sum`, `_count` samples). */
  samples(name: string): Promise<SeriesSample[]>;
  /** Sum of a counter's samples whose labels match `where`. */
  total(name: string, where?: Record<string, string>): Promise<number>;
}

/** A simulator over `objects` (with synthesized ready pods), on a fake clock, sampling off by default. */
export function createHarness(objects: KubeObject[], opts: { seed?: number; sampling?: number; rate?: number } = {}): Harness {
  const source = createStaticMeshStateSource(meshStateFromObjects(objects));
  const metrics = createIstioMetrics();
  const spans = new SpanStore();
  const logs = createPodLogBuffer({ maxLinesPerContainer: 5000 });
  const clock = new FakeClock();
  const sim = new MeshSimulator({ source, spans, logs, metrics, clock, seed: opts.seed ?? 42, sampling: opts.sampling ?? 0, rate: opts.rate });
  const samples = async (name: string): Promise<SeriesSample[]> => {
    const m = metrics.registry.getSingleMetric(name) as unknown as { get(): Promise<SeriesSnapshot> } | undefined;
    if (!m) throw new Error(`no metric ${name}`);
    return (await m.get()).values;
  };
  return {
    sim,
    source,
    metrics,
    spans,
    logs,
    clock,
    state: () => source.current(),
    samples,
    async total(name, where = {}) {
      let sum = 0;
      for (const s of await samples(name)) if (Object.entries(where).every(([k, v]) => s.labels[k] === v)) sum += s.value;
      return sum;
    },
  };
}

/** Replaces (by kind/namespace/name) or adds objects in a state. */
export function withObjects(state: MeshState, ...objects: KubeObject[]): MeshState {
  const next = meshStateFromObjects(objects, { withPods: false });
  const out: MeshState = { ...state };
  for (const field of Object.keys(next) as Array<keyof MeshState>) {
    const added = next[field];
    if (added.length === 0) continue;
    const same = (a: KubeObject, b: KubeObject): boolean => a.metadata.name === b.metadata.name && a.metadata.namespace === b.metadata.namespace;
    out[field] = [...state[field].filter((o) => !added.some((a) => same(a, o))), ...added];
  }
  return out;
}

/** Removes objects of a kind by name (and namespace). */
export function withoutObjects(state: MeshState, field: keyof MeshState, namespace: string, name: string): MeshState {
  return { ...state, [field]: state[field].filter((o) => !(o.metadata.namespace === namespace && o.metadata.name === name)) };
}
