/**
 * The browser benchmark page: synthetic mesh graphs go through the graph page's own pipeline —
 * `buildGraphModel` and `layoutInput` (lib/graph-view/elements), the layered layout in a Web Worker
 * (lib/graph-view/layered-layout), `createCy` (components/graph/cy-setup: the elements, stylesheet,
 * options and renderer the page's drawing plan picks for the graph's size) and the page's overlay
 * (components/graph/overlay: namespace boxes of big graphs, padlocks) — and the driver
 * (bench/graph-browser/bench.ts) times each step through `window.meshscopeBench`.
 */
import cytoscape, { type Core } from "cytoscape";
import { createCy, drawingPlan, graphDefinitions, releaseCy } from "@/components/graph/cy-setup";
import { GraphOverlay } from "@/components/graph/overlay";
import { namespaceBoxes, overlayEdges, toDefinitions } from "@/components/graph/sync";
import { buildGraphModel, layoutInput, type GraphModel } from "@/lib/graph-view/elements";
import type { LayoutInput, Point } from "@/lib/graph-view/layout-types";
import { graphStylesheet } from "@/lib/graph-view/styles";
import { DEFAULT_GRAPH_VIEW } from "@/lib/graph-view/view-state";
import { quantile } from "../lib/stats";
import { syntheticGraph } from "./graphs";
import type { BenchApi, LayoutDone, LayoutJob, LayoutKind, LayoutTiming, PaintMode, PanResult } from "./protocol";

const container = document.getElementById("cy")!;
const overlayCanvas = document.getElementById("overlay") as HTMLCanvasElement;
const underlayCanvas = document.getElementById("underlay") as HTMLCanvasElement;
let overlay: GraphOverlay | undefined;
let model: GraphModel | undefined;
let input: LayoutInput | undefined;
let positions: Map<string, Point> | undefined;
let cy: Core | undefined;
let counter: { stop: () => void; result: Promise<PanResult> } | undefined;

const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));

function runInWorker(worker: Worker, job: LayoutJob, timeoutMs: number): Promise<LayoutDone | "timeout"> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve("timeout"), timeoutMs);
    worker.onmessage = (e: MessageEvent<LayoutDone>) => {
      clearTimeout(timer);
      resolve(e.data);
    };
    worker.onerror = (e) => {
      clearTimeout(timer);
      resolve({ kind: job.kind, ms: NaN, error: e.message || "worker error" });
    };
    worker.postMessage(job);
  });
}

async function layout(kind: LayoutKind, runs: number, timeoutMs: number): Promise<LayoutTiming> {
  if (!input) throw new Error("prepare() first");
  // A fresh worker per series, so that the first run is what a first graph load pays (cold JIT).
  const worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
  const out: LayoutTiming = { kind, runs: [] };
  try {
    for (let i = 0; i < runs; i++) {
      const done = await runInWorker(worker, { kind, input }, timeoutMs);
      if (done === "timeout") {
        out.timedOut = true;
        out.timeoutMs = timeoutMs;
        break;
      }
      if (done.error) {
        out.error = done.error;
        break;
      }
      out.runs.push(done.ms);
      if (done.ids && done.xy) {
        const p = new Map<string, Point>();
        done.ids.forEach((id, j) => p.set(id, { x: done.xy![2 * j]!, y: done.xy![2 * j + 1]! }));
        positions = p;
      }
    }
  } finally {
    worker.terminate();
  }
  return out;
}

interface RenderHook {
  first: Promise<void>;
  count: () => number;
}

/**
 * Counts the renderer's draws. Cytoscape's `render` event is emitted by the canvas renderer only (not
 * by the WebGL one), so the hook wraps the renderer's `render` method, which its animation loop calls
 * for every redraw with either renderer.
 */
function hookRenders(c: Core): RenderHook {
  const r = (c as unknown as { renderer(): { render: (...args: unknown[]) => unknown } }).renderer();
  let count = 0;
  let resolveFirst!: () => void;
  const first = new Promise<void>((res) => (resolveFirst = res));
  const original = r.render;
  r.render = function (this: unknown, ...args: unknown[]) {
    const out = original.apply(this, args);
    count++;
    resolveFirst();
    return out;
  };
  return { first, count: () => count };
}

const hooks = new WeakMap<Core, RenderHook>();

/** Frame gaps and draws from now until `until()` says stop (checked every frame). */
async function loop(label: string, until: (elapsedMs: number) => boolean, zoom: number, step?: (i: number) => void, c?: Core): Promise<PanResult> {
  const hook = c ? hooks.get(c) : undefined;
  const before = hook?.count() ?? 0;
  const gaps: number[] = [];
  const start = await nextFrame();
  let last = start;
  let i = 0;
  while (!until(last - start)) {
    step?.(i++);
    const now = await nextFrame();
    gaps.push(now - last);
    last = now;
  }
  const renders = (hook?.count() ?? 0) - before;
  const elapsed = last - start;
  return {
    label,
    zoom,
    durationMs: elapsed,
    fps: (gaps.length / elapsed) * 1000,
    rendersPerSecond: (renders / elapsed) * 1000,
    p95FrameMs: quantile(gaps, 0.95),
    maxFrameMs: Math.max(...gaps),
  };
}

const api: BenchApi = {
  info() {
    let webgl2 = false;
    let glRenderer: string | undefined;
    try {
      const gl = document.createElement("canvas").getContext("webgl2");
      webgl2 = gl !== null;
      const debug = gl?.getExtension("WEBGL_debug_renderer_info");
      if (gl && debug) glRenderer = String(gl.getParameter(debug.UNMASKED_RENDERER_WEBGL));
      gl?.getExtension("WEBGL_lose_context")?.loseContext();
    } catch {
      webgl2 = false;
    }
    return { webgl2, glRenderer, userAgent: navigator.userAgent, devicePixelRatio: window.devicePixelRatio, viewport: [window.innerWidth, window.innerHeight] };
  },

  prepare(n) {
    api.destroy();
    const graph = syntheticGraph(n);
    const started = performance.now();
    model = buildGraphModel(graph, DEFAULT_GRAPH_VIEW.edgeLabels);
    const modelMs = performance.now() - started;
    input = layoutInput(model);
    positions = undefined;
    return { nodes: graph.nodes.length, edges: graph.edges.length, namespaces: graph.namespaces, modelMs };
  },

  layout,

  async paint(mode: PaintMode, timeoutMs: number) {
    if (!model || !positions) throw new Error("prepare() and layout('layered') first");
    api.destroy();
    // The baseline draws the same elements as the app (compound namespaces or not, as the page's plan says).
    const defs = mode === "baseline" ? graphDefinitions(model, drawingPlan(model.nodeData.length), positions) : [];
    await nextFrame();
    const t0 = performance.now();
    let instance: Core;
    if (mode === "baseline") instance = cytoscape({ container, elements: defs, layout: { name: "preset" } });
    else {
      // As GraphCanvas does: the instance, then its overlay with the namespace boxes of big graphs.
      instance = createCy({ container, model, positions, renderer: mode });
      overlay = new GraphOverlay(instance, overlayCanvas, underlayCanvas);
      overlay.update(overlayEdges(model), false, instance.data("compound") ? null : namespaceBoxes(model));
    }
    const t1 = performance.now();
    const hook = hookRenders(instance);
    hooks.set(instance, hook);
    cy = instance;
    let timedOut = false;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timedOut = true;
        resolve();
      }, timeoutMs);
      void hook.first.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    const t2 = await nextFrame();
    const renderer = mode === "baseline" ? "canvas" : String(instance.data("renderer") ?? "canvas");
    return { mode, renderer, createMs: t1 - t0, firstFrameMs: t2 - t0, zoom: instance.zoom(), ...(timedOut ? { timedOut } : {}) };
  },

  async view(zoom) {
    const c = cy;
    if (!c) throw new Error("paint() first");
    if (zoom === "fit") c.fit(undefined, 20);
    else {
      c.zoom(zoom);
      c.center();
    }
    for (let i = 0; i < 10; i++) await nextFrame();
    return c.zoom();
  },

  async pan(label, zoom, durationMs) {
    const c = cy;
    if (!c) throw new Error("paint() first");
    await api.view(zoom);
    // Back and forth every 30 frames, so that the graph stays in view.
    return loop(label, (t) => t >= durationMs, c.zoom(), (i) => {
      const dir = Math.floor(i / 30) % 2 === 0 ? 1 : -1;
      c.panBy({ x: 6 * dir, y: 3 * dir });
    }, c);
  },

  idleFps(durationMs) {
    return loop("idle page (no graph)", (t) => t >= durationMs, 1);
  },

  counterStart(label) {
    let stop = false;
    const result = loop(label, () => stop, cy?.zoom() ?? 1, undefined, cy);
    counter = { stop: () => (stop = true), result };
  },

  counterStop() {
    if (!counter) throw new Error("counterStart() first");
    const c = counter;
    counter = undefined;
    c.stop();
    return c.result;
  },

  destroy() {
    overlay?.destroy();
    overlay = undefined;
    if (cy) releaseCy(cy);
    cy?.destroy();
    cy = undefined;
  },
};

window.meshscopeBench = api;
// For ad-hoc experiments from the driver or DevTools (not used by the benchmark itself).
(window as unknown as Record<string, unknown>).meshscopeBenchInternals = {
  cytoscape,
  graphStylesheet,
  createCy,
  toDefinitions,
  state: () => ({ model, input, positions, cy, overlay }),
  container,
};
