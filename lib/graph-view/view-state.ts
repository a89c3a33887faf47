/**
 * The graph page's own view state, kept in the URL beside the shared one (namespaces, window,
 * refresh) so that a graph view can be shared or bookmarked as it is:
 * `/graph?namespaces=bookinfo&graphType=workload&edgeLabels=errors&find=error>1%25&focus=…&selected=…`.
 * Defaults are left out of the URL; malformed values fall back to them.
 */
import { graphType as graphTypeSchema, type GraphType } from "@/lib/graph/options";
import { normalizeTraceId } from "@/lib/tracing/ids";

/** What edges are labelled with. */
export const EDGE_LABELS = ["none", "rate", "errors", "latency", "throughput"] as const;
export type EdgeLabelMode = (typeof EDGE_LABELS)[number];

export const EDGE_LABEL_TEXT: Record<EdgeLabelMode, string> = {
  none: "No edge labels",
  rate: "Request rate",
  errors: "Error %",
  latency: "p95 latency",
  throughput: "Throughput",
};

/** The layouts: hierarchical left to right (default), or force-directed (draft quality, fast). */
export const LAYOUTS = ["layered", "force"] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export const LAYOUT_TEXT: Record<LayoutName, string> = { layered: "Hierarchical (left to right)", force: "Force-directed" };

/** Cytoscape's renderer: `auto` picks WebGL for big graphs on a GPU (see components/graph/cy-setup.ts). */
export const RENDERERS = ["auto", "canvas", "webgl"] as const;
export type RendererName = (typeof RENDERERS)[number];

export const GRAPH_TYPE_TEXT: Record<GraphType, string> = {
  app: "App",
  versionedApp: "Versioned app",
  workload: "Workload",
  service: "Service",
};

export interface GraphViewState {
  graphType: GraphType;
  /** Service nodes between callers and the workloads behind a service. */
  serviceNodes: boolean;
  /** Show nodes and edges without traffic in the window. */
  idle: boolean;
  edgeLabels: EdgeLabelMode;
  layout: LayoutName;
  /** Find expression: matching elements are highlighted. */
  find: string;
  /** Hide expression: matching elements are hidden. */
  hide: string;
  /** Traffic animation. */
  traffic: boolean;
  /** A node id: show only it, its callers and its callees. */
  focus: string | null;
  /** The node or edge id whose panel is open. */
  selected: string | null;
  renderer: RendererName;
  /** A trace id whose path is highlighted (from a trace's "Show on graph"). */
  trace: string | null;
}

export const DEFAULT_GRAPH_VIEW: GraphViewState = {
  graphType: "versionedApp",
  serviceNodes: true,
  idle: false,
  edgeLabels: "rate",
  layout: "layered",
  find: "",
  hide: "",
  traffic: false,
  focus: null,
  selected: null,
  renderer: "auto",
  trace: null,
};

/** Longest find/hide expression or element id kept from a URL. */
const MAX_TEXT = 500;

function oneOf<T extends string>(values: readonly T[], v: string | null, fallback: T): T {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : fallback;
}

function bool(v: string | null, fallback: boolean): boolean {
  if (v === "true" || v === "1") return true;
  if (v === "false" || v === "0") return false;
  return fallback;
}

function text(v: string | null): string {
  return (v ?? "").slice(0, MAX_TEXT);
}

/** Reads the graph view state from search params. */
export function parseGraphViewState(params: Pick<URLSearchParams, "get">): GraphViewState {
  const d = DEFAULT_GRAPH_VIEW;
  const gt = graphTypeSchema.safeParse(params.get("graphType"));
  return {
    graphType: gt.success ? gt.data : d.graphType,
    serviceNodes: bool(params.get("serviceNodes"), d.serviceNodes),
    idle: bool(params.get("idle"), d.idle),
    edgeLabels: oneOf(EDGE_LABELS, params.get("edgeLabels"), d.edgeLabels),
    layout: oneOf(LAYOUTS, params.get("layout"), d.layout),
    find: text(params.get("find")),
    hide: text(params.get("hide")),
    traffic: bool(params.get("traffic"), d.traffic),
    focus: text(params.get("focus")) || null,
    selected: text(params.get("selected")) || null,
    renderer: oneOf(RENDERERS, params.get("renderer"), d.renderer),
    trace: normalizeTraceId(params.get("trace") ?? "") ?? null,
  };
}

/** Writes a change into a copy of `params`, keeping every other parameter; defaults are removed. */
export function withGraphViewState(params: URLSearchParams, change: Partial<GraphViewState>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(change) as Array<[keyof GraphViewState, GraphViewState[keyof GraphViewState]]>) {
    if (value === undefined) continue;
    const dflt = DEFAULT_GRAPH_VIEW[key];
    if (value === dflt || value === null || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

/** The `GET /api/graph` options this view needs (besides namespaces and window). */
export function graphRequestOptions(v: GraphViewState) {
  return {
    graphType: v.graphType,
    injectServiceNodes: v.serviceNodes,
    idleNodes: v.idle,
    idleEdges: v.idle,
    responseTime: "p95" as const,
    throughput: v.edgeLabels === "throughput",
  };
}
