/**
 * Creates the graph's Cytoscape instance: elements from the view model, the stylesheet, interaction
 * settings and the renderer, all following the drawing plan for the graph's size
 * (lib/graph-view/scale.ts). This module imports Cytoscape statically; the graph page loads it with a
 * dynamic `import()` so that Cytoscape is not part of any page's first-load JavaScript. The browser
 * benchmark (bench/browser) creates its instances with `createCy` too, so that it measures the page.
 */
import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import type { GraphModel } from "@/lib/graph-view/elements";
import type { Positions } from "@/lib/graph-view/layout-types";
import { drawingPlan, type DrawingPlan } from "@/lib/graph-view/scale";
import { graphStylesheet } from "@/lib/graph-view/styles";
import { pinNodeBackgrounding, rebuildLayersNow, skipOversizedLayers } from "./cy-quirks";
import { attachLabelLod, type LabelLod } from "./label-lod";
import { toDefinitions } from "./sync";

export { COMPOUND_NODE_LIMIT, LABEL_NODE_THRESHOLD, drawingPlan } from "@/lib/graph-view/scale";

/** Above this many nodes the WebGL renderer is used when the browser has WebGL 2 on a GPU. */
export const WEBGL_NODE_THRESHOLD = 1_000;

export type RendererChoice = "auto" | "canvas" | "webgl";

export interface CreateCyOptions {
  container: HTMLElement;
  model: GraphModel;
  /** Positions of the model's nodes (layouts run in a worker, see `layout-runner.ts`). */
  positions: Positions;
  /** `auto`: WebGL above {@link WEBGL_NODE_THRESHOLD} nodes on a GPU, else canvas. */
  renderer?: RendererChoice;
}

export interface WebglInfo {
  available: boolean;
  /** Software rasterizer (SwiftShader, llvmpipe): WebGL is slower than canvas there. */
  software: boolean;
  renderer?: string;
}

let webgl: WebglInfo | undefined;

/** Whether the browser has WebGL 2, and whether it is a software implementation (cached). */
export function webglInfo(): WebglInfo {
  if (webgl) return webgl;
  webgl = { available: false, software: false };
  try {
    const gl = typeof document === "undefined" ? null : document.createElement("canvas").getContext("webgl2");
    if (gl) {
      const debug = gl.getExtension("WEBGL_debug_renderer_info");
      const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      webgl = { available: true, software: /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer), renderer };
      gl.getExtension("WEBGL_lose_context")?.loseContext();
    }
  } catch {
    // no WebGL
  }
  return webgl;
}

/** True when the browser can create a WebGL 2 context (software GL included). */
export function webglAvailable(): boolean {
  return webglInfo().available;
}

/**
 * Which renderer `createCy` uses for this many nodes. `auto`: WebGL above the threshold on a GPU; on a
 * software rasterizer WebGL is slower than canvas (shared/PERF-NOTES.md), so canvas stays.
 */
export function chooseRenderer(choice: RendererChoice, nodeCount: number): "canvas" | "webgl" {
  const info = webglInfo();
  if (choice === "canvas" || !info.available) return "canvas";
  if (choice === "webgl") return "webgl";
  return nodeCount > WEBGL_NODE_THRESHOLD && !info.software ? "webgl" : "canvas";
}

/** The model's element definitions for a plan, nodes placed at `positions`. */
export function graphDefinitions(model: GraphModel, plan: DrawingPlan, positions?: Positions): ElementDefinition[] {
  const defs = toDefinitions(model, plan.compound);
  if (!positions) return defs;
  return defs.map((d) => {
    const p = d.group === "nodes" && d.data.id ? positions.get(d.data.id) : undefined;
    return p ? { ...d, position: { ...p } } : d;
  });
}

const lods = new WeakMap<Core, LabelLod>();

/**
 * A Cytoscape instance in `container` drawing `model` at `positions` (no layout runs here). Its data
 * says what it was made with: `renderer`, `compound`, `labels`.
 */
export function createCy({ container, model, positions, renderer = "auto" }: CreateCyOptions): Core {
  const nodeCount = model.nodeData.length;
  const plan = drawingPlan(nodeCount);
  const useWebgl = chooseRenderer(renderer, nodeCount) === "webgl";
  const cy = cytoscape({
    container,
    elements: graphDefinitions(model, plan, positions),
    style: graphStylesheet({ labels: plan.labels, edges: plan.edges }),
    layout: { name: "preset" },
    minZoom: 0.02,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: "single",
    autoungrabify: false,
    // Panning redraws from Cytoscape's layered texture cache (one bitmap of the graph, see ./cy-quirks.ts),
    // which measured faster than `textureOnViewport`'s snapshot (re-rendered at each gesture's start)
    // and than `hideEdgesOnViewport` (which bypasses that cache): both stay off.
    hideLabelsOnViewport: plan.labels === "in-view",
    motionBlur: false,
    // One canvas pixel per CSS pixel on big graphs: a quarter of the pixels on a 2× display.
    ...(plan.large ? { pixelRatio: 1 } : {}),
    renderer: { name: "canvas", webgl: useWebgl },
  } as cytoscape.CytoscapeOptions);
  pinNodeBackgrounding(cy);
  if (!useWebgl) skipOversizedLayers(cy);
  cy.data({ renderer: useWebgl ? "webgl" : "canvas", compound: plan.compound, labels: plan.labels, edges: plan.edges });
  lods.set(cy, attachLabelLod(cy, useWebgl ? undefined : (changed) => rebuildLayersNow(cy, changed)));
  return cy;
}

/**
 * Follows a change of the number of visible nodes (hide expression): switches between labelling every
 * element and the level of detail when the count crosses the threshold. Restyles only on a switch.
 */
export function applyVisibleCount(cy: Core, visibleNodes: number): void {
  const plan = drawingPlan(cy.nodes().length, visibleNodes);
  if (cy.data("labels") !== plan.labels) {
    cy.data("labels", plan.labels);
    cy.style(graphStylesheet({ labels: plan.labels, edges: (cy.data("edges") as DrawingPlan["edges"] | undefined) ?? plan.edges }));
  }
  lods.get(cy)?.refresh();
}

/** Stops the label level of detail of an instance (before destroying it). */
export function releaseCy(cy: Core): void {
  lods.get(cy)?.detach();
  lods.delete(cy);
}

export type { Core, ElementDefinition };
