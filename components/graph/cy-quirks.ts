/**
 * Work-arounds for Cytoscape's canvas renderer that the graph's performance depends on.
 *
 * 1. Cytoscape 3.34's `drawNode` (src/extensions/renderer/canvas/drawing-nodes.mjs, `drawImages`) counts
 * the one `background-image: none` slot as a finished image in its "outside" pass (containment
 * `inside`), so a node without background images flips its internal `backgrounding` flag whenever it
 * is drawn afresh, and each flip restyles the node. A restyle discards the layered texture cache — the
 * one bitmap of the whole graph that makes panning a big graph a single `drawImage` — so the first
 * frame's cache is thrown away and panning falls back to drawing every element (~1 fps at 5,000 nodes
 * in the benchmark). The graph never uses background images: the flag is pinned to `false`.
 *
 * 2. When zoomed in too far for that bitmap to fit Cytoscape's limit (4,000 × 4,000 px), its
 * `LayeredTextureCache.getLayers` (layered-texture-cache.mjs) still computes the bounding box of every
 * element on every frame before giving up, and the frame then does it again to cull. The graph's
 * extent is known from the node positions: frames whose layer could not fit skip the attempt. Those
 * are the zoom levels where a drag or wheel zoom is better served by `textureOnViewport` (one draw at
 * the gesture's start, then a snapshot moves); where the layer fits it is slower than the layer (its
 * snapshot is drawn at twice the resolution, too big for a layer), so it is switched with the zoom.
 *
 * 3. Any restyle throws the layer away, and Cytoscape rebuilds it a few elements per frame (and not
 * at all for 250 ms), so after the level of detail changes classes (zooming back out) panning stays
 * slow for a second or two. `rebuildLayersNow` has the next frame rebuild it at once, as Cytoscape
 * does for its very first frame (`firstGet`): one long frame instead of many slow ones. The restyled
 * elements' bounds are computed first: computed while the layer is built, they would be reported as
 * changed afterwards and throw the new layer away again.
 */
import type { Collection, Core, EventObject, NodeCollection, NodeSingular } from "cytoscape";

interface WithPrivate {
  _private?: Record<string, unknown>;
}

const PINNED = { get: () => false, set: () => undefined, configurable: true } as const;

function pin(nodes: NodeCollection): void {
  nodes.forEach((n) => {
    const p = (n as unknown as WithPrivate)._private;
    if (p && typeof p === "object" && "backgrounding" in p) Object.defineProperty(p, "backgrounding", PINNED);
  });
}

/** Pins `backgrounding` on the nodes of `cy`, now and as nodes are added. */
export function pinNodeBackgrounding(cy: Core): void {
  pin(cy.nodes());
  cy.on("add", "node", (e: EventObject) => pin(e.target as NodeCollection));
}

/** Cytoscape's layer limits (layered-texture-cache.mjs: maxLayerArea, maxLayerDim, minLvl, maxLvl). */
const MAX_LAYER_AREA = 4_000 * 4_000;
const MAX_LAYER_DIM = 32_767;
const MIN_LEVEL = -4;
/** Room around node centres for node bodies, labels and arrows, in model units. */
const NODE_ROOM = 60;

interface LayerCache {
  getLayers: (eles: unknown, pxRatio: number, lvl?: number) => unknown;
  firstGet?: boolean;
}

interface CanvasRenderer {
  data?: { lyrTxrCache?: LayerCache };
  textureOnViewport?: boolean;
  getPixelRatio?: () => number;
}

/** Whether a bitmap of `extent` at the zoom level Cytoscape would pick can be a layer. */
export function layerFits(extent: { w: number; h: number }, zoom: number, pxRatio: number): boolean {
  const level = Math.max(MIN_LEVEL, Math.ceil(Math.log2(zoom * pxRatio)));
  const scale = 2 ** level;
  const w = Math.ceil(extent.w * scale);
  const h = Math.ceil(extent.h * scale);
  return w <= MAX_LAYER_DIM && h <= MAX_LAYER_DIM && w * h <= MAX_LAYER_AREA;
}

/**
 * Skips Cytoscape's layered texture cache on frames where the graph's layer could not fit, and uses
 * `textureOnViewport` for gestures exactly then (see 2.).
 */
export function skipOversizedLayers(cy: Core): void {
  const renderer = (cy as unknown as { renderer?: () => CanvasRenderer | undefined }).renderer?.();
  const cache = renderer?.data?.lyrTxrCache;
  if (!renderer || !cache || typeof cache.getLayers !== "function") return;
  let extent: { w: number; h: number } | null = null;
  cy.on("position add remove", () => {
    extent = null;
  });
  const original = cache.getLayers.bind(cache);
  cache.getLayers = (eles, pxRatio, lvl) => {
    if (lvl === undefined) {
      if (!extent) {
        let x1 = Infinity;
        let y1 = Infinity;
        let x2 = -Infinity;
        let y2 = -Infinity;
        cy.nodes().forEach((n: NodeSingular) => {
          const p = n.position();
          x1 = Math.min(x1, p.x);
          x2 = Math.max(x2, p.x);
          y1 = Math.min(y1, p.y);
          y2 = Math.max(y2, p.y);
        });
        extent = { w: x2 - x1 + 2 * NODE_ROOM, h: y2 - y1 + 2 * NODE_ROOM };
      }
      // The texture drawn for `textureOnViewport` asks at a higher resolution: judge by the screen's.
      const fits = layerFits(extent, cy.zoom(), renderer.getPixelRatio?.() ?? pxRatio);
      renderer.textureOnViewport = !fits;
      if (!layerFits(extent, cy.zoom(), pxRatio)) return null;
    }
    return original(eles, pxRatio, lvl);
  };
}

/** Has the next frame that can use a layer draw it whole, at once, after `restyled` changed style (see 3.). */
export function rebuildLayersNow(cy: Core, restyled: Collection): void {
  const cache = (cy as unknown as { renderer?: () => CanvasRenderer | undefined }).renderer?.()?.data?.lyrTxrCache;
  if (!cache || typeof cache.firstGet !== "boolean") return;
  restyled.union(restyled.nodes().connectedEdges()).boundingBox();
  cache.firstGet = true;
}
