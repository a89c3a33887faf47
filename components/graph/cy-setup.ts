/**
 * Creates the graph's Cytoscape instance: the stylesheet, interaction settings and the renderer.
 * This module imports Cytoscape statically; the graph page loads it with a dynamic `import()` so that
 * Cytoscape is not part of any page's first-load JavaScript. Benchmarks create instances with it too,
 * so its signature stays stable.
 */
import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import { graphStylesheet } from "@/lib/graph-view/styles";

/** Above this many nodes the WebGL renderer is used when the browser has WebGL 2. */
export const WEBGL_NODE_THRESHOLD = 1_000;

/** Above this many visible nodes labels are drawn only when zoomed in (level of detail). */
export const LABEL_NODE_THRESHOLD = 200;

export type RendererChoice = "auto" | "canvas" | "webgl";

export interface CreateCyOptions {
  container: HTMLElement;
  elements: ElementDefinition[];
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

/**
 * A Cytoscape instance in `container` with the graph stylesheet. Elements should carry positions
 * (`position` on each node): no layout runs here, layouts run in a worker (see `layout-runner.ts`).
 */
export function createCy({ container, elements, renderer = "auto" }: CreateCyOptions): Core {
  const nodeCount = elements.filter((e) => e.group === "nodes" || (e.group === undefined && !("source" in e.data))).length;
  const useWebgl = chooseRenderer(renderer, nodeCount) === "webgl";
  const big = nodeCount > LABEL_NODE_THRESHOLD;
  const cy = cytoscape({
    container,
    elements,
    style: graphStylesheet({ manyNodes: big }),
    layout: { name: "preset" },
    minZoom: 0.02,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: "single",
    autoungrabify: false,
    // Redraw less while panning and zooming big graphs.
    textureOnViewport: nodeCount > 2_000,
    hideEdgesOnViewport: nodeCount > 3_000,
    hideLabelsOnViewport: big,
    renderer: { name: "canvas", webgl: useWebgl },
  } as cytoscape.CytoscapeOptions);
  cy.data({ renderer: useWebgl ? "webgl" : "canvas", manyNodes: big });
  return cy;
}

/** The stylesheet with or without the many-nodes level of detail (to switch as nodes are hidden). */
export function graphStylesheetFor(manyNodes: boolean) {
  return graphStylesheet({ manyNodes });
}

export type { Core, ElementDefinition };
