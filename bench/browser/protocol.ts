/** Messages between the benchmark page and its layout worker, and what the page exposes to the driver. */
import type { LayoutInput } from "@/lib/graph-view/layout-types";

export type LayoutKind = "layered" | "breadthfirst" | "grid";

export interface LayoutJob {
  kind: LayoutKind;
  input: LayoutInput;
}

export interface LayoutDone {
  kind: LayoutKind;
  /** Time of the layout computation alone (for Cytoscape's layouts: `layout.run()`, not element creation). */
  ms: number;
  /** Packed positions (x0, y0, x1, y1, … in the order of `ids`), for `layered` only. */
  ids?: string[];
  xy?: Float64Array;
  error?: string;
}

export interface LayoutTiming {
  kind: LayoutKind;
  /** One entry per run; the first ran in a fresh worker (cold). */
  runs: number[];
  timedOut?: boolean;
  timeoutMs?: number;
  error?: string;
}

export interface PrepareResult {
  nodes: number;
  edges: number;
  namespaces: number;
  /** Graph response → view model (health, labels, facts): `buildGraphModel`. */
  modelMs: number;
}

/**
 * `auto`, `canvas`, `webgl`: the app's `createCy` with that renderer choice. `baseline`: plain
 * `cytoscape()` on the same elements and positions with Cytoscape's default stylesheet (canvas).
 */
export type PaintMode = "auto" | "canvas" | "webgl" | "baseline";

export interface PaintResult {
  mode: PaintMode;
  renderer: string;
  /** No draw within the time limit: `firstFrameMs` is then the limit. */
  timedOut?: boolean;
  /** `createCy(...)` returning (elements, style). */
  createMs: number;
  /** From calling `createCy` to the first animation frame after Cytoscape's first draw. */
  firstFrameMs: number;
  zoom: number;
}

export interface PanResult {
  label: string;
  zoom: number;
  durationMs: number;
  /** requestAnimationFrame callbacks per second while panning (frames the page produced). */
  fps: number;
  /** Cytoscape redraws per second (calls of its renderer's `render`, canvas or WebGL). */
  rendersPerSecond: number;
  p95FrameMs: number;
  maxFrameMs: number;
}

export interface BenchApi {
  info(): { webgl2: boolean; glRenderer?: string; userAgent: string; devicePixelRatio: number; viewport: [number, number] };
  prepare(n: number): PrepareResult;
  layout(kind: LayoutKind, runs: number, timeoutMs: number): Promise<LayoutTiming>;
  paint(mode: PaintMode, timeoutMs: number): Promise<PaintResult>;
  pan(label: string, zoom: "fit" | number, durationMs: number): Promise<PanResult>;
  idleFps(durationMs: number): Promise<PanResult>;
  /** Fits the graph (or sets a zoom, centred) and lets a few frames pass. */
  view(zoom: "fit" | number): Promise<number>;
  /** Counts frames and draws until `counterStop` (while the driver drags with the mouse). */
  counterStart(label: string): void;
  counterStop(): Promise<PanResult>;
  destroy(): void;
}

declare global {
  interface Window {
    meshscopeBench?: BenchApi;
  }
}
