/**
 * How the graph is drawn at each size. Small graphs get everything (namespace boxes as Cytoscape
 * compound nodes, curved edges, every label); big ones get what keeps Cytoscape interactive, as
 * measured by `npm run bench graph-browser`: compound parents are restyled and redrawn on every change
 * (seconds at a few thousand nodes), labels cost text measurement per element when the stylesheet is
 * applied, and bundled bezier edges cost a parallel-edge search per edge. The page and the benchmark
 * both take their settings from {@link drawingPlan}, so that the figures are the page's.
 */

/** Above this many nodes in view labels are not drawn for all of them (Cytoscape's guidance: ~200). */
export const LABEL_NODE_THRESHOLD = 200;

/**
 * Above this many nodes namespaces are not compound nodes (the overlay draws their boxes) and edges
 * are plain lines until zoomed in (see {@link lodInView}).
 */
export const COMPOUND_NODE_LIMIT = 1_000;

/** Labels are drawn for the nodes in view once at most this many are in view... */
export const MAX_LABELLED_IN_VIEW = 150;
/** ...and the zoom makes an 11 px label at least ~7 px tall. */
export const LABEL_MIN_ZOOM = 0.65;
/** Big graphs' edges get their arrows (and become straight lines) once at most this many nodes are in view... */
export const MAX_DETAILED_IN_VIEW = 500;
/** ...and an arrow is a few pixels long. */
export const DETAIL_MIN_ZOOM = 0.3;

export interface DrawingPlan {
  /** Namespace boxes as Cytoscape compound nodes (else the underlay canvas draws them). */
  compound: boolean;
  /** `all`: every element has its label; `in-view`: only those the level of detail picks (`lod-label`). */
  labels: "all" | "in-view";
  /**
   * `bezier`: bundled curves with arrows. `lod`: Cytoscape's cheapest edges (`haystack`: no control
   * points, no arrows), and straight lines with arrows for the edges the level of detail picks
   * (`lod-detail`).
   */
  edges: "bezier" | "lod";
  /** Big graphs: one canvas pixel per CSS pixel (a quarter of the pixels to draw on a 2× display). */
  large: boolean;
}

/** The drawing settings for a graph of `nodeCount` nodes, of which `visibleNodes` are not hidden. */
export function drawingPlan(nodeCount: number, visibleNodes = nodeCount): DrawingPlan {
  const large = nodeCount > COMPOUND_NODE_LIMIT;
  return {
    compound: !large,
    labels: visibleNodes > LABEL_NODE_THRESHOLD ? "in-view" : "all",
    edges: large ? "lod" : "bezier",
    large,
  };
}

/** A node's id and model position, for {@link labelledInView}. */
export interface PlacedNode {
  id: string;
  x: number;
  y: number;
}

/** The viewport in model coordinates (Cytoscape's `cy.extent()`). */
export interface Extent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The nodes whose elements the level of detail draws in full: `labels` ⊆ `detail`. */
export interface InView {
  /** Nodes whose edges get arrows. */
  detail: Set<string>;
  /** Nodes that, with their edges, get labels. */
  labels: Set<string>;
}

/**
 * Level of detail: the nodes in view when the zoom makes their arrows (labels) legible and few enough
 * nodes are in view for them to be read; otherwise none. Nodes just outside the view (half a node)
 * count, so that nothing pops in at the edge.
 */
export function lodInView(nodes: Iterable<PlacedNode>, extent: Extent, zoom: number, margin = 20): InView {
  const out: InView = { detail: new Set(), labels: new Set() };
  if (zoom < DETAIL_MIN_ZOOM) return out;
  for (const n of nodes) {
    if (n.x < extent.x1 - margin || n.x > extent.x2 + margin || n.y < extent.y1 - margin || n.y > extent.y2 + margin) continue;
    out.detail.add(n.id);
    if (out.detail.size > MAX_DETAILED_IN_VIEW) return { detail: new Set(), labels: new Set() };
  }
  if (zoom >= LABEL_MIN_ZOOM && out.detail.size <= MAX_LABELLED_IN_VIEW) out.labels = new Set(out.detail);
  return out;
}
