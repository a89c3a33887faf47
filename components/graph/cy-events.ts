/**
 * The graph canvas's Cytoscape event wiring (tap selects, double-tap focuses, right-click opens a
 * node's menu, pointer cursor over elements) and reading positions back for the force layout.
 */
import type { Core, NodeSingular } from "cytoscape";
import type { Positions } from "@/lib/graph-view/layout-types";

/** What the canvas reports to its owner. */
export interface CanvasCallbacks {
  onSelect: (id: string | null) => void;
  onFocus: (id: string) => void;
  /** A right-click on a node, at a point in the graph area's coordinates. */
  onContextMenu?: (id: string, at: { x: number; y: number }) => void;
}

/** Node positions now (leaves only), as a layout's starting point. */
export function currentPositions(cy: Core): Positions {
  const out: Positions = new Map();
  cy.nodes().forEach((n) => {
    if (!n.isParent()) out.set(n.id(), { ...n.position() });
  });
  return out;
}

/** Binds the canvas's events; `callbacks.current` is read at event time, so it may change. */
export function bindEvents(cy: Core, callbacks: { current: CanvasCallbacks }): void {
  cy.on("tap", (e) => {
    const t = e.target as Core | { id(): string; isNode(): boolean; isParent?: () => boolean };
    if (t === cy || !("id" in t)) callbacks.current.onSelect(null);
    else if (t.isNode() && t.isParent?.()) callbacks.current.onSelect(null);
    else callbacks.current.onSelect(t.id());
  });
  cy.on("dbltap", "node", (e) => {
    const n = e.target as { id(): string; isParent(): boolean };
    if (!n.isParent()) callbacks.current.onFocus(n.id());
  });
  cy.on("cxttap", "node", (e) => {
    const n = e.target as NodeSingular;
    if (!n.isParent()) callbacks.current.onContextMenu?.(n.id(), { ...e.renderedPosition });
  });
  cy.on("mouseover", "node, edge", (e) => {
    const c = cy.container();
    const t = e.target as { isParent?: () => boolean };
    if (c && !t.isParent?.()) c.style.cursor = "pointer";
  });
  cy.on("mouseout", "node, edge", () => {
    const c = cy.container();
    if (c) c.style.cursor = "";
  });
}
