/**
 * The graph's Cytoscape stylesheet and the legend that explains it. Node shape says what a node stands
 * for, its border colour its request health; edge colour is the edge's error-ratio health and its
 * width grows with the rate. Classes set by the view: `found` (find expression), `hidden` (hide
 * expression), `focus` (focused node), `trace-path` / `trace-dim` (a trace's path and the rest), and
 * `lod-label` (the elements whose labels the level of detail shows on big graphs, see ./scale.ts).
 */
import type { StylesheetJson } from "cytoscape";
import type { NodeShapeKey } from "./elements";
import { HEALTH_COLOURS } from "./health";

/** Cytoscape shape per node kind. */
export const NODE_SHAPES: Record<NodeShapeKey, string> = {
  app: "round-rectangle",
  workload: "ellipse",
  service: "round-triangle",
  serviceEntry: "round-tag",
  external: "round-tag",
  unknown: "round-diamond",
  root: "round-hexagon",
};

export const NODE_SHAPE_TEXT: Record<NodeShapeKey, string> = {
  app: "App",
  workload: "Workload",
  service: "Service",
  serviceEntry: "Service entry",
  external: "External host",
  unknown: "Unknown caller",
  root: "Ingress / traffic source",
};

export const FOUND_COLOUR = "#7b2ff7";
export const TRACE_COLOUR = "#d97706";
export const SELECTED_COLOUR = "#0066cc";
const TEXT = "#1f2937";
const MUTED = "#6b7280";
const FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";

export interface StyleOptions {
  /**
   * `all`: every node and edge has its label (small graphs). `in-view`: only elements with the
   * `lod-label` class do; the others carry no label, text wrapping or text background at all, which
   * Cytoscape would otherwise measure for every element when the stylesheet is applied.
   */
  labels?: "all" | "in-view";
  /**
   * `lod` (big graphs): plain `haystack` lines, Cytoscape's cheapest edges (no control points, no
   * arrows), and straight lines with arrows for `lod-detail` edges.
   */
  edges?: "bezier" | "lod";
}

/** The stylesheet for a drawing plan (lib/graph-view/scale.ts). */
export function graphStylesheet(opts: StyleOptions = {}): StylesheetJson {
  return rules(opts) as unknown as StylesheetJson;
}

/** Cytoscape's typings reject valid values (e.g. compound shapes); rules are checked by the tests instead. */
type Rule = { selector: string; style: Record<string, string | number> };

const NODE_LABEL: Rule["style"] = {
  label: "data(label)",
  "text-wrap": "wrap",
  "text-valign": "bottom",
  "text-halign": "center",
  "text-margin-y": 5,
  "font-size": 11,
  "font-family": FONT,
  color: TEXT,
  "text-background-color": "#ffffff",
  "text-background-opacity": 0.85,
  "text-background-padding": "1px",
  "text-background-shape": "round-rectangle",
  "min-zoomed-font-size": 6,
};

const EDGE_LABEL: Rule["style"] = {
  label: "data(label)",
  "font-size": 10,
  "font-family": FONT,
  color: TEXT,
  "text-background-color": "#ffffff",
  "text-background-opacity": 0.9,
  "text-background-padding": "2px",
  "text-background-shape": "round-rectangle",
  "text-rotation": "none",
  "min-zoomed-font-size": 8,
};

function rules(opts: StyleOptions): Rule[] {
  const all = (opts.labels ?? "all") === "all";
  const lodEdges = opts.edges === "lod";
  const arrows: Rule["style"] = { "curve-style": lodEdges ? "straight" : "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.9 };
  const shapeRules: Rule[] = (Object.keys(NODE_SHAPES) as NodeShapeKey[]).map((k) => ({
    selector: `node[shape = "${k}"]`,
    style: { shape: NODE_SHAPES[k] },
  }));
  const healthRules: Rule[] = (Object.keys(HEALTH_COLOURS) as Array<keyof typeof HEALTH_COLOURS>).flatMap((h): Rule[] => [
    { selector: `node[health = "${h}"]`, style: { "border-color": HEALTH_COLOURS[h] } },
    { selector: `edge[health = "${h}"]`, style: { "line-color": HEALTH_COLOURS[h], "target-arrow-color": HEALTH_COLOURS[h] } },
  ]);
  return [
    {
      selector: "node",
      style: {
        width: 40,
        height: 40,
        "background-color": "#ffffff",
        "border-width": 3,
        ...(all ? NODE_LABEL : {}),
      },
    },
    ...(all ? [] : [{ selector: "node.lod-label", style: NODE_LABEL }]),
    ...shapeRules,
    ...healthRules.filter((r) => r.selector.startsWith("node")),
    { selector: 'node[shape = "service"]', style: { width: 36, height: 34 } },
    { selector: 'node[shape = "external"]', style: { "border-style": "dashed" } },
    { selector: "node[?idle]", style: { "border-style": "dashed", "background-color": "#f3f4f6", color: MUTED } },
    { selector: "node[?outside]", style: { "background-color": "#eef2f7" } },
    { selector: "node[?missingSidecar]", style: { "background-color": "#fff7e6" } },
    {
      selector: "node[?group]",
      style: {
        shape: "round-rectangle",
        "background-color": "#f8fafc",
        "background-opacity": 0.6,
        "border-width": 1,
        "border-color": "#94a3b8",
        "border-style": "solid",
        label: "data(label)",
        "text-valign": "top",
        "text-halign": "center",
        "text-margin-y": -4,
        "font-size": 13,
        "font-weight": "bold",
        color: "#334155",
        padding: "24px",
        "min-zoomed-font-size": all ? 4 : 8,
      },
    },
    {
      selector: "edge",
      style: {
        width: "data(width)",
        ...(lodEdges ? { "curve-style": "haystack", "haystack-radius": 0 } : arrows),
        ...(all ? EDGE_LABEL : {}),
      },
    },
    ...(lodEdges ? [{ selector: "edge.lod-detail", style: arrows }] : []),
    ...(all ? [] : [{ selector: "edge.lod-label", style: EDGE_LABEL }]),
    ...healthRules.filter((r) => r.selector.startsWith("edge")),
    { selector: 'edge[health = "no-data"]', style: { "line-color": "#9ca3af", "target-arrow-color": "#9ca3af" } },
    { selector: 'edge[health = "healthy"]', style: { "line-color": "#6b7280", "target-arrow-color": "#6b7280" } },
    { selector: 'edge[protocol = "tcp"]', style: { "line-style": "solid", "line-color": "#2563eb", "target-arrow-color": "#2563eb" } },
    { selector: "edge[?idle]", style: { "line-style": "dashed", "line-color": "#cbd5e1", "target-arrow-color": "#cbd5e1" } },
    { selector: ".hidden", style: { display: "none" } },
    {
      selector: "node.found",
      style: { "underlay-color": FOUND_COLOUR, "underlay-opacity": 0.35, "underlay-padding": 8, "border-width": 4 },
    },
    { selector: "edge.found", style: { "underlay-color": FOUND_COLOUR, "underlay-opacity": 0.35, "underlay-padding": 5 } },
    { selector: "node.focus", style: { "border-width": 5 } },
    { selector: ".trace-dim", style: { opacity: 0.2 } },
    {
      selector: "node.trace-path",
      style: { "underlay-color": TRACE_COLOUR, "underlay-opacity": 0.45, "underlay-padding": 9, "border-width": 5 },
    },
    { selector: "edge.trace-path", style: { "underlay-color": TRACE_COLOUR, "underlay-opacity": 0.5, "underlay-padding": 6, "z-index": 10 } },
    { selector: "node:selected", style: { "overlay-color": SELECTED_COLOUR, "overlay-opacity": 0.2, "overlay-padding": 6 } },
    { selector: "edge:selected", style: { "overlay-color": SELECTED_COLOUR, "overlay-opacity": 0.25, "overlay-padding": 4 } },
    { selector: "node[?group]:selected", style: { "overlay-opacity": 0 } },
  ];
}
