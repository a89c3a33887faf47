/**
 * Keeping a Cytoscape instance in step with the graph model without laying it out again: element data
 * is updated in place, removed elements are removed, and new nodes are placed next to their neighbours.
 */
import type { CollectionReturnValue, Core, ElementDefinition } from "cytoscape";
import type { GraphModel } from "@/lib/graph-view/elements";
import { matches, type Expr } from "@/lib/graph-view/expression";
import type { Positions } from "@/lib/graph-view/layout-types";
import { placeNewNodes } from "@/lib/graph-view/placement";
import { trafficParams } from "@/lib/graph-view/traffic";
import type { OverlayEdge } from "./overlay";

/**
 * Cytoscape element definitions of a model: namespace boxes (when `compound`, see `drawingPlan` in
 * lib/graph-view/scale.ts), then nodes, then edges.
 */
export function toDefinitions(model: GraphModel, compound = true): ElementDefinition[] {
  return [
    ...(compound ? model.groups.map((g): ElementDefinition => ({ group: "nodes", data: { ...g }, selectable: false })) : []),
    ...model.nodeData.map((n): ElementDefinition => ({ group: "nodes", data: compound ? { ...n } : { ...n, parent: undefined } })),
    ...model.edgeData.map((e): ElementDefinition => ({ group: "edges", data: { ...e } })),
  ];
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const k of Object.keys(b)) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * Updates `cy` to hold exactly `defs`. New nodes go to `positions` when given, else next to their
 * neighbours already on screen; existing nodes keep their positions.
 */
export function syncElements(cy: Core, defs: ElementDefinition[], positions?: Positions): void {
  const wanted = new Map(defs.map((d) => [d.data.id!, d]));
  cy.batch(() => {
    const gone = cy.elements().filter((e) => !wanted.has(e.id()));
    cy.remove(gone);
    const known: Positions = new Map();
    cy.nodes().forEach((n) => {
      if (!n.isParent()) known.set(n.id(), { ...n.position() });
    });
    const added: ElementDefinition[] = [];
    for (const d of defs) {
      const ele = cy.getElementById(d.data.id!);
      if (ele.empty()) {
        added.push(d);
        continue;
      }
      const current = ele.data() as Record<string, unknown>;
      if (!sameData(current, d.data as Record<string, unknown>)) {
        const { parent: _parent, source: _source, target: _target, ...rest } = d.data as Record<string, unknown>;
        ele.data(rest);
      }
    }
    if (added.length === 0) return;
    const newNodes = added.filter((d) => d.group === "nodes" && !("group" in d.data && d.data.group === true)).map((d) => d.data.id!);
    const placed =
      positions ??
      placeNewNodes(
        newNodes,
        defs.filter((d) => d.group === "edges").map((d) => ({ source: d.data.source as string, target: d.data.target as string })),
        known,
      );
    cy.add(added.map((d) => (d.group === "nodes" && placed.has(d.data.id!) ? { ...d, position: { ...placed.get(d.data.id!)! } } : d)));
  });
}

/**
 * Sets the `found`, `hidden` and `focus` classes from the expressions; returns the ids found and hidden.
 * Edges of hidden nodes are hidden with them (Cytoscape does not draw an edge without both ends).
 */
export function applyClasses(cy: Core, model: GraphModel, find: Expr | null, hide: Expr | null, focus: string | null): { found: Set<string>; hidden: Set<string> } {
  const found = new Set<string>();
  const hidden = new Set<string>();
  for (const [id, facts] of model.facts) {
    if (hide && matches(hide, facts)) hidden.add(id);
    else if (find && matches(find, facts)) found.add(id);
  }
  for (const e of model.edgeData) if (hidden.has(e.source) || hidden.has(e.target)) hidden.add(e.id);
  for (const id of hidden) found.delete(id);
  cy.batch(() => {
    // Whole-collection class changes: per-element toggles cost a collection each on big graphs.
    const all = cy.elements();
    setClass(all, "found", found);
    setClass(all, "hidden", hidden);
    setClass(all, "focus", new Set(focus ? [focus] : []));
    // A namespace box whose nodes are all hidden goes too.
    const emptyGroups = new Set<string>();
    cy.nodes().forEach((n) => {
      if (n.isParent() && n.children().every((c) => hidden.has((c as { id(): string }).id()))) emptyGroups.add(n.id());
    });
    setClass(cy.nodes().filter((n) => n.isParent()), "hidden", emptyGroups);
  });
  return { found, hidden };
}

/** Elements to highlight (a trace's path); the others are dimmed. */
export interface Highlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/** Sets `trace-path` on the highlighted elements and `trace-dim` on the rest (namespace boxes aside); clears both for null. */
export function applyHighlight(cy: Core, highlight: Highlight | null): void {
  if (!highlight && cy.$(".trace-path, .trace-dim").empty()) return;
  cy.batch(() => {
    const all = cy.elements().filter((e) => !(e.isNode() && e.isParent()));
    const on = new Set(highlight ? [...highlight.nodes, ...highlight.edges] : []);
    setClass(all, "trace-path", on);
    setClass(all, "trace-dim", highlight ? new Set(all.filter((e) => !on.has(e.id())).map((e) => e.id())) : new Set());
  });
}

/** Gives `cls` to exactly the elements of `eles` whose id is in `ids`. */
function setClass(eles: CollectionReturnValue, cls: string, ids: Set<string>): void {
  const current = eles.filter(`.${cls}`);
  const wanted = ids.size === 0 ? eles.filter(() => false) : eles.filter((e) => ids.has(e.id()));
  current.difference(wanted).removeClass(cls);
  wanted.difference(current).addClass(cls);
}

/** Node ids by namespace, for the namespace boxes the overlay draws when there are no compound nodes. */
export function namespaceBoxes(model: GraphModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of model.nodeData) {
    if (!n.ns) continue;
    const list = out.get(n.ns);
    if (list) list.push(n.id);
    else out.set(n.ns, [n.id]);
  }
  return out;
}

/** What the overlay draws per edge: traffic dots from its rate, a padlock from its mTLS share. */
export function overlayEdges(model: GraphModel): Map<string, OverlayEdge> {
  const out = new Map<string, OverlayEdge>();
  for (const d of model.edgeData) {
    const e = model.edges.get(d.id);
    if (!e) continue;
    out.set(d.id, { params: e.idle ? trafficParams(0, null, e.protocol) : trafficParams(e.rate, e.errorRatio, e.protocol), mtls: d.mtls });
  }
  return out;
}
