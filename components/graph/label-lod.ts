/**
 * Level of detail on big graphs: when the stylesheet draws labels only on `lod-label` elements and
 * arrows only on `lod-detail` edges (lib/graph-view/styles.ts), this gives those classes to the nodes
 * in view and their edges once the user has zoomed in far enough for few enough nodes to be in view
 * (`lodInView` in lib/graph-view/scale.ts), and takes them away when zoomed out. It runs when a pan or
 * zoom has settled, so that gestures never restyle anything.
 */
import type { Collection, Core, NodeSingular } from "cytoscape";
import { lodInView, type PlacedNode } from "@/lib/graph-view/scale";

const SETTLE_MS = 120;

export interface LabelLod {
  /** Picks the elements again soon (after the label mode or the hidden elements changed). */
  refresh(): void;
  detach(): void;
}

/** Gives `cls` to exactly `wanted` among the elements that have it now; returns the elements changed. */
function setClass(cy: Core, cls: string, wanted: Collection): Collection {
  const current = cy.elements(`.${cls}`);
  const off = current.difference(wanted);
  const on = wanted.difference(current);
  off.removeClass(cls);
  on.addClass(cls);
  return off.union(on);
}

/**
 * Keeps `lod-label` on the elements to label while `cy.data("labels")` is `in-view`, and `lod-detail`
 * on the edges to draw with arrows while `cy.data("edges")` is `lod`; `onRestyled` gets the elements
 * whose classes changed.
 */
export function attachLabelLod(cy: Core, onRestyled?: (changed: Collection) => void): LabelLod {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = () => {
    timer = undefined;
    if (cy.destroyed()) return;
    const labels = cy.data("labels") === "in-view";
    const detail = cy.data("edges") === "lod";
    let picked = { detail: new Set<string>(), labels: new Set<string>() };
    if (labels || detail) {
      const placed: PlacedNode[] = [];
      cy.nodes().forEach((n: NodeSingular) => {
        if (!n.isParent() && !n.hasClass("hidden")) placed.push({ id: n.id(), ...n.position() });
      });
      picked = lodInView(placed, cy.extent(), cy.zoom());
    }
    const detailNodes = cy.nodes().filter((n) => picked.detail.has(n.id()));
    const labelNodes = detailNodes.filter((n) => picked.labels.has(n.id()));
    let changed: Collection = cy.collection();
    cy.batch(() => {
      changed = setClass(cy, "lod-label", labels ? labelNodes.union(labelNodes.connectedEdges()) : cy.collection());
      changed = changed.union(setClass(cy, "lod-detail", detail ? cy.collection().union(detailNodes.connectedEdges()) : cy.collection()));
    });
    if (changed.nonempty()) onRestyled?.(changed);
  };
  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(apply, SETTLE_MS);
  };
  cy.on("viewport add remove", schedule);
  schedule();
  return {
    refresh: schedule,
    detach: () => {
      if (timer !== undefined) clearTimeout(timer);
      if (!cy.destroyed()) cy.removeListener("viewport add remove", schedule);
    },
  };
}
