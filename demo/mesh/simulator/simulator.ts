/**
 * The traffic loop: recompiles the mesh when the state source reports a change, and runs root
 * requests at a configured rate, deterministic for a seed. Tests drive it directly through
 * {@link MeshSimulator.runRoots}, {@link MeshSimulator.send} or a fake {@link Clock}.
 */
import type { MeshStateSource } from "../../contracts";
import type { SpanStore } from "../../tracing/span-store";
import { MeshIndex } from "../model/mesh-index";
import { resolveHost } from "../model/names";
import type { PodLogBuffer } from "../pod-logs";
import type { SimCall } from "../profile";
import { disabledMetricsByNamespace } from "../telemetry/disabled-metrics";
import type { IstioMetrics } from "../telemetry/istio-metrics";
import { startupLines } from "../telemetry/startup-logs";
import { makeCall } from "./app";
import { systemClock, type Clock } from "./clock";
import { flushRoot, RootRequest, type CallOutcome, type Engine } from "./engine";
import { Random } from "./random";
import { gatewayRequest, rootSources, runRoot, type RootSource } from "./traffic";

export interface MeshSimulatorOptions {
  source: MeshStateSource;
  spans: SpanStore;
  logs: PodLogBuffer;
  metrics: IstioMetrics;
  /** Root requests per second over all sources (default 30). */
  rate?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Share of root requests traced, 0..1 (default 0.2). */
  sampling?: number;
  clock?: Clock;
  /** Loop period (default 100 ms). */
  tickMs?: number;
}

/** One request for {@link MeshSimulator.send}: from a workload's application (or gateway), or from outside. */
export interface SendSpec {
  from: { namespace: string; workload: string } | "external";
  host: string;
  port: number;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** Force the trace decision (default: sampled with the configured probability). */
  sampled?: boolean;
}

export interface RootResult extends CallOutcome {
  traceId: string;
  sampled: boolean;
}

/** Generates the mesh's traffic from its {@link MeshStateSource}; see the module comment. */
export class MeshSimulator {
  private readonly rng: Random;
  private readonly clock: Clock;
  private readonly rate: number;
  private readonly sampling: number;
  private readonly tcpPool = new Set<string>();
  private compiled: MeshIndex | undefined;
  private sources: RootSource[] = [];
  private totalWeight = 0;
  private dirty = true;
  private carry = 0;
  private lastTick = 0;
  private timer: unknown;
  private unsubscribe: (() => void) | undefined;
  /** Root requests run, and those that threw (a simulator bug; the loop keeps going). */
  readonly stats = { roots: 0, errors: 0 };

  constructor(private readonly opts: MeshSimulatorOptions) {
    this.rng = new Random(opts.seed ?? 1);
    this.clock = opts.clock ?? systemClock;
    this.rate = opts.rate ?? 30;
    this.sampling = opts.sampling ?? 0.2;
    if (!(this.rate >= 0)) throw new RangeError(`rate must be >= 0, got ${this.rate}`);
    if (!(this.sampling >= 0 && this.sampling <= 1)) throw new RangeError(`sampling must be within 0..1, got ${this.sampling}`);
    this.unsubscribe = opts.source.onChange(() => {
      this.dirty = true;
    });
  }

  /** The compiled mesh for the current state (recompiled after a change). */
  get index(): MeshIndex {
    return this.refresh();
  }

  /**
   * Recompiles the mesh if the state changed since the last call (and syncs the pods' log buffers,
   * writing start-up lines for new pods); returns the compiled mesh.
   */
  refresh(): MeshIndex {
    if (!this.dirty && this.compiled) return this.compiled;
    const state = this.opts.source.current();
    this.compiled = new MeshIndex(state);
    this.sources = rootSources(this.compiled);
    this.totalWeight = this.sources.reduce((s, x) => s + x.weight, 0);
    this.opts.metrics.setDisabled(disabledMetricsByNamespace(state.namespaces));
    this.dirty = false;
    const now = new Date(this.clock.now());
    for (const pod of this.opts.logs.syncPods(state.pods)) {
      for (const [container, lines] of startupLines(pod, now)) {
        for (const l of lines) this.opts.logs.append(pod.metadata.namespace ?? "default", pod.metadata.name, container, l);
      }
    }
    return this.compiled;
  }

  /** Starts the loop. */
  start(): void {
    if (this.timer !== undefined) return;
    this.lastTick = this.clock.now();
    this.timer = this.clock.setInterval(() => this.tick(), this.opts.tickMs ?? 100);
  }

  /** Stops the loop and the state subscription. */
  stop(): void {
    if (this.timer !== undefined) this.clock.clearInterval(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Runs the root requests due since the last tick; returns how many ran. */
  tick(): number {
    const now = this.clock.now();
    const dt = Math.min(Math.max(0, now - this.lastTick), 1000);
    this.lastTick = now;
    this.carry += (this.rate * dt) / 1000;
    const n = Math.floor(this.carry);
    this.carry -= n;
    return this.runRoots(n);
  }

  /** Runs `n` root requests from sources picked by weight; returns how many started. */
  runRoots(n: number): number {
    let started = 0;
    for (let i = 0; i < n; i++) {
      this.refresh();
      const source = this.rng.weighted(this.sources, (s) => s.weight, this.totalWeight);
      if (!source) break;
      if (this.execute((e) => runRoot(e, source))) started++;
    }
    return started;
  }

  /** Runs one specific root request now. */
  send(spec: SendSpec): RootResult | undefined {
    const index = this.index;
    return this.execute((e) => {
      const call: SimCall = { host: spec.host, port: spec.port, method: spec.method, path: spec.path };
      const headers = Object.fromEntries(Object.entries(spec.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      if (spec.from === "external") {
        const host = resolveHost(spec.host, "default", index.namespaces);
        return makeCall(e, { proxy: "none", ip: "198.51.100.7" }, { ...call, host }, headers, 0);
      }
      const w = index.workload(spec.from.namespace, spec.from.workload);
      const pod = w && e.rng.pick(w.readyPods);
      if (!w || !pod) return undefined;
      if (w.proxy === "gateway") return gatewayRequest(e, w, pod, call, headers);
      return makeCall(e, { workload: w, pod, proxy: w.proxy, ip: pod.ip }, call, headers, 0);
    }, spec.sampled);
  }

  private execute(run: (e: Engine) => CallOutcome | undefined, forceSampled?: boolean): RootResult | undefined {
    const index = this.index;
    const sampled = forceSampled ?? this.rng.chance(this.sampling);
    const root = new RootRequest(this.rng.hex(32), this.rng.uuid(), sampled, this.rng);
    const e: Engine = { index, rng: this.rng, metrics: this.opts.metrics, tcpPool: this.tcpPool, root };
    try {
      const out = run(e);
      if (!out) return undefined;
      this.stats.roots++;
      flushRoot(root, this.clock.now(), out.durationMs, this.opts.spans, this.opts.logs);
      return { ...out, traceId: root.traceId, sampled };
    } catch (err) {
      this.stats.errors++;
      if (this.stats.errors <= 3) console.error("[mesh-simulator] root request failed:", err);
      return undefined;
    }
  }
}
