/**
 * PNG and SVG export of the graph as shown (visible elements, current positions and styles). PNG is
 * Cytoscape's own `cy.png()` with the mTLS padlocks of the overlay drawn on top; SVG comes from our
 * serializer (lib/graph-view/svg-export.ts) fed with Cytoscape's geometry and computed colours.
 */
import type { Core, NodeSingular } from "cytoscape";
import { namespaceBounds, type Box } from "@/lib/graph-view/boxes";
import type { EdgeData, NodeData } from "@/lib/graph-view/elements";
import { sceneToSvg, type SvgScene } from "@/lib/graph-view/svg-export";
import { pointOnEdge } from "@/lib/graph-view/traffic";
import { drawLock, LOCK_COLOURS } from "./overlay";

const px = (v: string | number) => (typeof v === "number" ? v : parseFloat(v) || 0);

/** The visible graph as an SVG scene, in model coordinates. */
export function sceneOf(cy: Core): SvgScene {
  const visible = cy.elements(":visible");
  const bb = visible.boundingBox({});
  const scene: SvgScene = { bounds: { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 }, groups: [], nodes: [], edges: [] };
  visible.nodes().forEach((node: NodeSingular) => {
    if (node.isParent()) {
      const b = node.boundingBox({ includeLabels: false });
      scene.groups.push({ label: String(node.data("label") ?? ""), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 });
      return;
    }
    const d = node.data() as NodeData;
    const p = node.position();
    scene.nodes.push({
      x: p.x,
      y: p.y,
      width: node.width(),
      height: node.height(),
      shape: d.shape,
      label: d.label,
      fill: node.style("background-color"),
      border: node.style("border-color"),
      borderWidth: px(node.style("border-width")),
      dashed: node.style("border-style") === "dashed",
      found: node.hasClass("found"),
    });
  });
  for (const [label, b] of flatBoxes(cy)) {
    scene.groups.push({ label, ...b });
    scene.bounds = { x1: Math.min(scene.bounds.x1, b.x1), y1: Math.min(scene.bounds.y1, b.y1 - 20), x2: Math.max(scene.bounds.x2, b.x2), y2: Math.max(scene.bounds.y2, b.y2) };
  }
  visible.edges().forEach((edge) => {
    const d = edge.data() as EdgeData;
    scene.edges.push({
      start: edge.sourceEndpoint(),
      mid: edge.midpoint(),
      end: edge.targetEndpoint(),
      colour: edge.style("line-color"),
      width: px(edge.style("width")),
      label: d.label,
      dashed: edge.style("line-style") === "dashed",
      mtls: d.mtls,
    });
  });
  return scene;
}

/** Namespace boxes of a graph drawn without compound nodes (none when Cytoscape draws them). */
function flatBoxes(cy: Core): Map<string, Box> {
  if (cy.nodes().some((n) => (n as NodeSingular).isParent())) return new Map();
  const nodes: Array<{ ns: string; x: number; y: number; width: number; height: number }> = [];
  cy.nodes(":visible").forEach((n) => {
    nodes.push({ ns: String(n.data("ns") ?? ""), ...n.position(), width: n.width(), height: n.height() });
  });
  return namespaceBounds(nodes);
}

/** Offers `blob` as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Room around the graph in a PNG, in graph pixels (namespace boxes drawn by the overlay reach past it). */
const PNG_MARGIN = 60;

/** The whole graph as a PNG at twice its size, padlocks (and overlay-drawn namespace boxes) included. */
export async function graphPng(cy: Core): Promise<Blob> {
  const bb = cy.elements().boundingBox({});
  const blob = await cy.png({ full: true, scale: 2, output: "blob-promise" });
  const image = await createImageBitmap(blob);
  // cy.png draws the elements' bounding box scaled: model (x, y) lands at ((x - x1)·k, (y - y1)·k).
  const k = image.width / Math.max(1, Math.ceil(bb.w));
  const m = PNG_MARGIN * k;
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(image.width + 2 * m);
  canvas.height = Math.ceil(image.height + 2 * m);
  const ctx = canvas.getContext("2d");
  if (!ctx) return blob;
  const at = (x: number, y: number) => ({ x: (x - bb.x1) * k + m, y: (y - bb.y1) * k + m });
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const [ns, b] of flatBoxes(cy)) {
    const p = at(b.x1, b.y1);
    ctx.fillStyle = "#f8fafc";
    ctx.strokeStyle = "#94a3b8";
    ctx.lineWidth = k;
    ctx.beginPath();
    ctx.roundRect(p.x, p.y, (b.x2 - b.x1) * k, (b.y2 - b.y1) * k, 8 * k);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = "#334155";
    ctx.font = `bold ${13 * k}px DejaVu Sans, Liberation Sans, Arial, sans-serif`;
    ctx.textAlign = "center";
    ctx.fillText(ns, p.x + ((b.x2 - b.x1) * k) / 2, p.y - 4 * k);
  }
  ctx.drawImage(image, m, m);
  cy.edges(":visible").forEach((edge) => {
    const mtls = (edge.data() as EdgeData).mtls;
    if (mtls === "none") return;
    const q = pointOnEdge(edge.sourceEndpoint(), edge.midpoint(), edge.targetEndpoint(), 0.25);
    const p = at(q.x, q.y);
    drawLock(ctx, p.x, p.y, 12 * k, LOCK_COLOURS[mtls]);
  });
  return await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b ?? blob), "image/png"));
}

/** The visible graph as an SVG document. */
export function graphSvg(cy: Core): Blob {
  return new Blob([sceneToSvg(sceneOf(cy))], { type: "image/svg+xml" });
}
