/**
 * A small SVG serializer for the graph as laid out on screen: namespace boxes, nodes (by shape),
 * edges (quadratic curves with arrowheads), labels and mTLS padlocks. The view collects the geometry
 * and computed colours from Cytoscape; this module only writes markup, so it is pure and testable.
 * (The `cytoscape-svg` extension draws through a canvas-to-SVG shim and was last released in 2024;
 * writing ~150 lines keeps the export exact, small and ours.)
 */
import type { NodeShapeKey } from "./elements";
import type { Point } from "./layout-types";
import { pointOnEdge } from "./traffic";

export interface SvgGroup {
  label: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface SvgNode {
  x: number;
  y: number;
  width: number;
  height: number;
  shape: NodeShapeKey;
  label: string;
  fill: string;
  border: string;
  borderWidth: number;
  dashed: boolean;
  /** Highlighted by the find expression. */
  found?: boolean;
}

export interface SvgEdge {
  start: Point;
  mid: Point;
  end: Point;
  colour: string;
  width: number;
  label: string;
  dashed: boolean;
  mtls: "full" | "partial" | "none";
}

export interface SvgScene {
  bounds: { x1: number; y1: number; x2: number; y2: number };
  groups: SvgGroup[];
  nodes: SvgNode[];
  edges: SvgEdge[];
}

const FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";
const LOCK = { full: "#1f6f43", partial: "#b45309" } as const;

/** Escapes text for XML content and attribute values. */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

const n = (v: number) => (Math.round(v * 10) / 10).toString();

/** Polygon corners of a shape, as fractions of half width/height around the centre. */
const POLYGONS: Partial<Record<NodeShapeKey, Array<[number, number]>>> = {
  service: [
    [0, -1],
    [1, 1],
    [-1, 1],
  ],
  unknown: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  root: [
    [-0.5, -1],
    [0.5, -1],
    [1, 0],
    [0.5, 1],
    [-0.5, 1],
    [-1, 0],
  ],
  serviceEntry: [
    [-1, -1],
    [0.5, -1],
    [1, 0],
    [0.5, 1],
    [-1, 1],
  ],
};
POLYGONS.external = POLYGONS.serviceEntry;

function nodeShape(v: SvgNode): string {
  const stroke = `fill="${xmlEscape(v.fill)}" stroke="${xmlEscape(v.border)}" stroke-width="${n(v.borderWidth)}"${v.dashed ? ' stroke-dasharray="5 3"' : ""}`;
  const hw = v.width / 2;
  const hh = v.height / 2;
  const poly = POLYGONS[v.shape];
  if (poly) return `<polygon points="${poly.map(([px, py]) => `${n(v.x + px * hw)},${n(v.y + py * hh)}`).join(" ")}" stroke-linejoin="round" ${stroke}/>`;
  if (v.shape === "workload") return `<ellipse cx="${n(v.x)}" cy="${n(v.y)}" rx="${n(hw)}" ry="${n(hh)}" ${stroke}/>`;
  return `<rect x="${n(v.x - hw)}" y="${n(v.y - hh)}" width="${n(v.width)}" height="${n(v.height)}" rx="7" ${stroke}/>`;
}

function text(x: number, y: number, label: string, size: number, extra = ""): string {
  const lines = label.split("\n");
  const spans = lines.map((l, i) => `<tspan x="${n(x)}" dy="${i === 0 ? 0 : size * 1.2}">${xmlEscape(l)}</tspan>`).join("");
  return `<text x="${n(x)}" y="${n(y)}" font-size="${size}" text-anchor="middle" font-family="${FONT}"${extra}>${spans}</text>`;
}

function arrowHead(e: SvgEdge): string {
  // The tangent at the end of a quadratic curve points from its control point to its end.
  const cx = 2 * e.mid.x - (e.start.x + e.end.x) / 2;
  const cy = 2 * e.mid.y - (e.start.y + e.end.y) / 2;
  const len = Math.hypot(e.end.x - cx, e.end.y - cy) || 1;
  const ux = (e.end.x - cx) / len;
  const uy = (e.end.y - cy) / len;
  const size = 6 + e.width * 1.5;
  const bx = e.end.x - ux * size;
  const by = e.end.y - uy * size;
  const pts = [
    [e.end.x, e.end.y],
    [bx - uy * size * 0.5, by + ux * size * 0.5],
    [bx + uy * size * 0.5, by - ux * size * 0.5],
  ];
  return `<polygon points="${pts.map(([x, y]) => `${n(x!)},${n(y!)}`).join(" ")}" fill="${xmlEscape(e.colour)}"/>`;
}

function lock(p: Point, colour: string): string {
  const x = p.x - 4.8;
  const y = p.y - 6;
  return (
    `<g><circle cx="${n(p.x)}" cy="${n(p.y)}" r="7.5" fill="#ffffff"/>` +
    `<path d="M${n(x + 1.4)},${n(y + 5.4)} v-1.6 a3.4,3.4 0 0 1 6.8,0 v1.6" fill="none" stroke="${colour}" stroke-width="1.6"/>` +
    `<rect x="${n(x)}" y="${n(y + 5.4)}" width="9.6" height="6.6" fill="${colour}"/></g>`
  );
}

/** The scene as a standalone SVG document. */
export function sceneToSvg(scene: SvgScene, title = "Meshscope service graph"): string {
  const pad = 20;
  const { x1, y1, x2, y2 } = scene.bounds;
  const w = x2 - x1 + 2 * pad;
  const h = y2 - y1 + 2 * pad;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(x1 - pad)} ${n(y1 - pad)} ${n(w)} ${n(h)}" width="${n(w)}" height="${n(h)}">`,
    `<title>${xmlEscape(title)}</title>`,
    `<rect x="${n(x1 - pad)}" y="${n(y1 - pad)}" width="${n(w)}" height="${n(h)}" fill="#ffffff"/>`,
  ];
  for (const g of scene.groups) {
    out.push(`<rect x="${n(g.x1)}" y="${n(g.y1)}" width="${n(g.x2 - g.x1)}" height="${n(g.y2 - g.y1)}" rx="8" fill="#f8fafc" stroke="#94a3b8"/>`);
    out.push(text((g.x1 + g.x2) / 2, g.y1 - 6, g.label, 13, ' font-weight="bold" fill="#334155"'));
  }
  for (const e of scene.edges) {
    const cx = 2 * e.mid.x - (e.start.x + e.end.x) / 2;
    const cy = 2 * e.mid.y - (e.start.y + e.end.y) / 2;
    out.push(
      `<path d="M${n(e.start.x)},${n(e.start.y)} Q${n(cx)},${n(cy)} ${n(e.end.x)},${n(e.end.y)}" fill="none" stroke="${xmlEscape(e.colour)}" stroke-width="${n(e.width)}"${e.dashed ? ' stroke-dasharray="6 4"' : ""}/>`,
    );
    out.push(arrowHead(e));
    if (e.mtls !== "none") out.push(lock(pointOnEdge(e.start, e.mid, e.end, 0.25), LOCK[e.mtls]));
    if (e.label) {
      const width = e.label.length * 6 + 6;
      out.push(`<rect x="${n(e.mid.x - width / 2)}" y="${n(e.mid.y - 8)}" width="${n(width)}" height="14" rx="3" fill="#ffffff" fill-opacity="0.9"/>`);
      out.push(text(e.mid.x, e.mid.y + 3.5, e.label, 10, ' fill="#1f2937"'));
    }
  }
  for (const v of scene.nodes) {
    if (v.found) out.push(`<circle cx="${n(v.x)}" cy="${n(v.y)}" r="${n(Math.max(v.width, v.height) / 2 + 8)}" fill="#7b2ff7" fill-opacity="0.35"/>`);
    out.push(nodeShape(v));
    out.push(text(v.x, v.y + v.height / 2 + 15, v.label, 11, ' fill="#1f2937"'));
  }
  out.push("</svg>");
  return out.join("\n");
}
