/**
 * A canvas over Cytoscape's that draws what its styles cannot: padlocks on mTLS edges and the traffic
 * animation (dots running along edges, as many and as fast as the rate says). Drawing here never
 * touches element styles, so the animation costs one 2D redraw per frame, limited to the edges in view,
 * and stops when it is off, the page is hidden or nothing is visible.
 */
import type { Core, EdgeSingular, NodeSingular } from "cytoscape";
import { namespaceBounds, type Box } from "@/lib/graph-view/boxes";
import type { Point } from "@/lib/graph-view/layout-types";
import { dotOffsets, pointOnEdge, type TrafficParams } from "@/lib/graph-view/traffic";

/** At most this many edges animate at once (the busiest in view). */
const MAX_ANIMATED = 400;
/** Locks are drawn when zoomed in at least this much, and when fewer edges than this are in view. */
const LOCK_MIN_ZOOM = 0.45;
const LOCK_MAX_EDGES = 1_500;

export const LOCK_COLOURS = { full: "#1f6f43", partial: "#b45309" } as const;
/** Opacity of what the overlay draws for dimmed edges (the stylesheet's `trace-dim`). */
const DIMMED = 0.2;

/** A padlock `size` px tall centred on (x, y). */
export function drawLock(ctx: CanvasRenderingContext2D, x: number, y: number, size: number, colour: string): void {
  const w = size * 0.8;
  const bodyH = size * 0.55;
  ctx.save();
  ctx.translate(x - w / 2, y - size / 2);
  ctx.fillStyle = "#ffffff";
  ctx.beginPath();
  ctx.arc(w / 2, size / 2, size * 0.62, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = Math.max(1, size * 0.13);
  ctx.beginPath();
  ctx.arc(w / 2, size - bodyH, w * 0.3, Math.PI, 0);
  ctx.stroke();
  ctx.fillRect(0, size - bodyH, w, bodyH);
  ctx.restore();
}

export interface OverlayEdge {
  params: TrafficParams;
  mtls: "full" | "partial" | "none";
}

/**
 * Clears a canvas that holds a drawing and hides it: a canvas with nothing on it still costs the
 * compositor a layer on every frame while the graph pans.
 */
function blank(canvas: HTMLCanvasElement): void {
  if (canvas.style.visibility === "hidden") return;
  canvas.getContext("2d")?.clearRect(0, 0, canvas.width, canvas.height);
  canvas.style.visibility = "hidden";
}

function show(canvas: HTMLCanvasElement): void {
  if (canvas.style.visibility === "hidden") canvas.style.visibility = "";
}

/** Sizes a canvas to its box (at the device pixel ratio), clears it and returns its context. */
function prepare(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

interface EdgeGeometry {
  start: Point;
  mid: Point;
  end: Point;
}

function geometry(e: EdgeSingular): EdgeGeometry {
  return { start: e.renderedSourceEndpoint(), mid: e.renderedMidpoint(), end: e.renderedTargetEndpoint() };
}

interface Drawn {
  e: EdgeSingular;
  s: NodeSingular;
  t: NodeSingular;
  info: OverlayEdge;
}

export class GraphOverlay {
  private edges = new Map<string, OverlayEdge>();
  private traffic = false;
  private anyMtls = false;
  private frame = 0;
  /** Edges with their ends, looked up once per change of the graph (not per frame). */
  private drawn: Drawn[] | null = null;
  /** Namespace → node ids, when the overlay draws the namespace boxes (no compound nodes). */
  private boxes: Map<string, string[]> | null = null;
  private boxNodes: Array<{ ns: string; nodes: NodeSingular[] }> | null = null;
  /** The boxes in model coordinates: recomputed when nodes move or are hidden, not on every frame. */
  private boxBounds: Map<string, Box> | null = null;
  private readonly resize: ResizeObserver;

  constructor(
    private readonly cy: Core,
    private readonly canvas: HTMLCanvasElement,
    /** Drawn under Cytoscape's canvases: namespace boxes. */
    private readonly underlay: HTMLCanvasElement,
  ) {
    this.cy.on("render", this.schedule);
    this.cy.on("add remove", this.invalidate);
    this.cy.on("position class", this.invalidateBounds);
    this.resize = new ResizeObserver(this.schedule);
    this.resize.observe(canvas.parentElement ?? canvas);
    document.addEventListener("visibilitychange", this.schedule);
  }

  /**
   * The edges' animation and mTLS state (by edge id), whether the traffic animation runs, and the
   * namespaces whose boxes to draw (null when Cytoscape draws them as compound nodes).
   */
  update(edges: Map<string, OverlayEdge>, traffic: boolean, boxes: Map<string, string[]> | null = null): void {
    this.edges = edges;
    this.boxes = boxes;
    this.boxNodes = null;
    this.boxBounds = null;
    this.traffic = traffic;
    this.anyMtls = [...edges.values()].some((e) => e.mtls !== "none");
    this.drawn = null;
    this.schedule();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.cy.removeListener("render", this.schedule);
    this.cy.removeListener("add remove", this.invalidate);
    this.cy.removeListener("position class", this.invalidateBounds);
    this.resize.disconnect();
    document.removeEventListener("visibilitychange", this.schedule);
  }

  private readonly invalidate = () => {
    this.drawn = null;
    this.boxNodes = null;
    this.boxBounds = null;
  };

  private readonly invalidateBounds = () => {
    this.boxBounds = null;
  };

  private readonly schedule = () => {
    if (this.frame === 0) this.frame = requestAnimationFrame(this.draw);
  };

  private readonly draw = (now: number) => {
    this.frame = 0;
    if (this.cy.destroyed()) return;
    const pageHidden = document.visibilityState === "hidden";
    const under = this.boxes && !pageHidden ? prepare(this.underlay) : null;
    if (under) {
      show(this.underlay);
      this.drawBoxes(under);
    } else blank(this.underlay);
    const zoom = this.cy.zoom();
    const locks = this.anyMtls && zoom >= LOCK_MIN_ZOOM;
    // Zoomed out with the animation off there is nothing to draw: no per-edge work at all.
    if (pageHidden || (!locks && !this.traffic)) {
      blank(this.canvas);
      return;
    }
    const ctx = prepare(this.canvas);
    if (!ctx) return;
    show(this.canvas);

    const inView = this.edgesInView();
    if (locks && inView.length <= LOCK_MAX_EDGES) {
      const size = Math.min(16, Math.max(9, 12 * zoom));
      for (const { e, info } of inView) {
        if (info.mtls === "none") continue;
        const g = geometry(e);
        const p = pointOnEdge(g.start, g.mid, g.end, 0.25);
        // Edges off a highlighted trace's path are dimmed, and so are their padlocks.
        ctx.globalAlpha = e.hasClass("trace-dim") ? DIMMED : 1;
        drawLock(ctx, p.x, p.y, size, LOCK_COLOURS[info.mtls]);
      }
      ctx.globalAlpha = 1;
    }

    if (!this.traffic) return;
    const animated = inView
      .filter((x) => x.info.params.dots > 0)
      .sort((a, b) => b.info.params.speed - a.info.params.speed)
      .slice(0, MAX_ANIMATED);
    const radius = Math.min(5, Math.max(1.5, 3 * zoom));
    for (const { e, info } of animated) {
      const g = geometry(e);
      ctx.globalAlpha = e.hasClass("trace-dim") ? DIMMED : 1;
      const length = (Math.hypot(g.mid.x - g.start.x, g.mid.y - g.start.y) + Math.hypot(g.end.x - g.mid.x, g.end.y - g.mid.y)) / zoom;
      dotOffsets(info.params, length, now).forEach((t, i) => {
        const p = pointOnEdge(g.start, g.mid, g.end, t);
        ctx.fillStyle = i < info.params.errorDots ? "#c9190b" : "#0b3d91";
        ctx.beginPath();
        ctx.arc(p.x, p.y, radius, 0, Math.PI * 2);
        ctx.fill();
      });
    }
    ctx.globalAlpha = 1;
    // Keep going only while something moves.
    if (animated.length > 0) this.schedule();
  };

  /** Namespace boxes around their visible nodes, with the namespace's name on top. */
  private drawBoxes(ctx: CanvasRenderingContext2D): void {
    if (!this.boxNodes) {
      this.boxNodes = [...(this.boxes ?? [])].map(([ns, ids]) => ({ ns, nodes: ids.map((id) => this.cy.getElementById(id)).filter((n) => n.nonempty()) as NodeSingular[] }));
    }
    if (!this.boxBounds) {
      const visible = this.boxNodes.flatMap(({ ns, nodes }) =>
        nodes.filter((n) => !n.hasClass("hidden")).map((n) => ({ ns, ...n.position(), width: 40, height: 40 })),
      );
      this.boxBounds = namespaceBounds(visible);
    }
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const font = 13 * zoom;
    for (const [ns, b] of this.boxBounds) {
      const x = b.x1 * zoom + pan.x;
      const y = b.y1 * zoom + pan.y;
      // Opaque (the page under it is white) and square when the rounding would not show: cheaper to fill.
      ctx.fillStyle = "#f8fafc";
      ctx.strokeStyle = "#94a3b8";
      ctx.lineWidth = 1;
      ctx.beginPath();
      if (zoom >= 0.25) ctx.roundRect(x, y, (b.x2 - b.x1) * zoom, (b.y2 - b.y1) * zoom, 8 * zoom);
      else ctx.rect(x, y, (b.x2 - b.x1) * zoom, (b.y2 - b.y1) * zoom);
      ctx.fill();
      ctx.stroke();
      if (font >= 5) {
        ctx.fillStyle = "#334155";
        ctx.font = `bold ${font}px DejaVu Sans, Liberation Sans, Arial, sans-serif`;
        ctx.textAlign = "center";
        ctx.fillText(ns, x + ((b.x2 - b.x1) * zoom) / 2, y - 4 * zoom);
      }
    }
  }

  /** Visible edges whose ends' bounding box meets the viewport (model coordinates). */
  private edgesInView(): Drawn[] {
    if (!this.drawn) {
      const drawn: Drawn[] = [];
      this.cy.edges().forEach((e) => {
        const info = this.edges.get(e.id());
        if (info) drawn.push({ e, s: e.source(), t: e.target(), info });
      });
      this.drawn = drawn;
    }
    const ext = this.cy.extent();
    return this.drawn.filter(({ e, s: src, t: dst }) => {
      if (e.hasClass("hidden")) return false;
      const s = src.position();
      const t = dst.position();
      return !(Math.max(s.x, t.x) < ext.x1 || Math.min(s.x, t.x) > ext.x2 || Math.max(s.y, t.y) < ext.y1 || Math.min(s.y, t.y) > ext.y2);
    });
  }
}
