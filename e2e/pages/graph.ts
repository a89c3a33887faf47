import type { Page } from "playwright-core";

interface CyLike {
  getElementById(id: string): {
    empty(): boolean;
    renderedPosition(): { x: number; y: number };
    position(): { x: number; y: number };
    hasClass(c: string): boolean;
    visible(): boolean;
    style(p: string): string;
  };
  nodes(): { filter(f: (n: { isParent(): boolean }) => boolean): { length: number; map<T>(f: (n: { id(): string }) => T): T[] } };
  edges(): {
    length: number;
    filter(f: (e: { source(): { id(): string }; target(): { id(): string } }) => boolean): { map<T>(f: (e: { id(): string; hasClass(c: string): boolean }) => T): T[] };
  };
  elements(selector: string): { map<T>(f: (e: { id(): string }) => T): T[] };
  zoom(opts: { level: number; position: { x: number; y: number } }): void;
}

/**
 * Locators and readers of the graph page. The drawn graph is read through the Cytoscape instance that
 * Cytoscape registers on its container element (`_cyreg.cy`); the table view is read from its rows.
 */
export function graphPage(page: Page) {
  const canvas = () => page.getByTestId("graph-canvas");
  return {
    canvas,
    /** The canvas once a layout has been applied. */
    ready: () => page.locator('[data-testid="graph-canvas"][data-ready="true"]'),
    nodeRows: () => page.getByTestId("graph-node-row"),
    nodeRow: (id: string) => page.locator(`[data-testid="graph-node-row"][data-id="${id}"]`),
    edgeRows: () => page.getByTestId("graph-edge-row"),
    edgeRow: (source: string, target: string) => page.locator(`[data-testid="graph-edge-row"][data-source="${source}"][data-target="${target}"]`),
    foundNodeRows: () => page.locator('[data-testid="graph-node-row"][data-found="true"]'),
    find: () => page.getByRole("textbox", { name: "Find expression" }),
    hide: () => page.getByRole("textbox", { name: "Hide expression" }),
    graphType: () => page.getByRole("combobox", { name: "Graph type" }),
    edgeLabels: () => page.getByRole("combobox", { name: "Edge labels" }),
    sidePanel: () => page.getByTestId("graph-side-panel"),
    /** A fact of the side panel by its label (`Inbound`, `mTLS`, …). */
    fact: (label: string) => page.getByTestId("graph-side-panel").locator(`[data-fact="${label}"]`),
    charts: () => page.getByTestId("graph-side-panel").getByTestId("spark-chart"),
    legend: () => page.getByRole("region", { name: "Legend" }),
    error: () => page.getByTestId("graph-error"),
    empty: () => page.getByTestId("graph-empty"),
    refresh: () => page.getByRole("button", { name: "Refresh now" }),

    /** Node ids and `source -> target` pairs as the table view lists them. */
    async tableGraph(): Promise<{ nodes: string[]; edges: string[] }> {
      const nodes = await page.getByTestId("graph-node-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id") ?? ""));
      const edges = await page
        .getByTestId("graph-edge-row")
        .evaluateAll((rows) => rows.map((r) => `${r.getAttribute("data-source")} -> ${r.getAttribute("data-target")}`));
      return { nodes: nodes.sort(), edges: edges.sort() };
    },
    /** Counts of leaf nodes and edges drawn by Cytoscape. */
    drawnCounts: () =>
      canvas().evaluate((el) => {
        const cy = (el as unknown as { _cyreg: { cy: CyLike } })._cyreg.cy;
        return { nodes: cy.nodes().filter((n) => !n.isParent()).length, edges: cy.edges().length };
      }),
    /** A node's model position (to compare layouts), or null when it is not drawn. */
    modelPosition: (id: string) =>
      canvas().evaluate((el, nodeId) => {
        const n = (el as unknown as { _cyreg: { cy: CyLike } })._cyreg.cy.getElementById(nodeId);
        return n.empty() ? null : { ...n.position() };
      }, id),
    hasClass: (id: string, cls: string) =>
      canvas().evaluate((el, [nodeId, c]) => (el as unknown as { _cyreg: { cy: CyLike } })._cyreg.cy.getElementById(nodeId).hasClass(c), [id, cls] as const),
    /**
     * A fingerprint of the overlay canvas (padlocks, traffic dots; `graph-underlay`: namespace boxes of
     * big graphs): changes when anything moves.
     */
    overlayFingerprint: (testId: "graph-overlay" | "graph-underlay" = "graph-overlay") =>
      page.getByTestId(testId).evaluate((el) => {
        const c = el as HTMLCanvasElement;
        const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        let h = 0;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) {
          if (data[i] === 0) continue;
          painted++;
          h = (h * 31 + i) % 1_000_000_007;
        }
        return { painted, hash: h };
      }),
    /** The label Cytoscape draws for a node now ("" when the level of detail leaves it out). */
    label: (id: string) => canvas().evaluate((el, nodeId) => (el as unknown as { _cyreg: { cy: CyLike } })._cyreg.cy.getElementById(nodeId).style("label"), id),
    /** Zooms to `level` around a node. */
    zoomOn: (id: string, level: number) =>
      canvas().evaluate(
        (el, [nodeId, z]) => {
          const cy = (el as unknown as { _cyreg: { cy: CyLike } })._cyreg.cy;
          cy.zoom({ level: z as number, position: cy.getElementById(nodeId as string).position() });
        },
        [id, level] as const,
      ),
    /** Ids of the namespace boxes Cytoscape draws as compound nodes. */
    compoundIds: () => canvas().evaluate((el) => (el as unknown as { _cyreg: { cy: CyLike } })._cyreg.cy.nodes().filter((n) => n.isParent()).map((n) => n.id()).sort()),
    /** Ids of the elements with a class (`trace-path`, `trace-dim`, `lod-label`, …). */
    withClass: (cls: string) => canvas().evaluate((el, c) => (el as unknown as { _cyreg: { cy: CyLike } })._cyreg.cy.elements(`.${c}`).map((e) => e.id()).sort(), cls),
    /** Whether every edge from `source` to `target` has a class (false when there is none). */
    edgeHasClass: (source: string, target: string, cls: string) =>
      canvas().evaluate(
        (el, [s, t, c]) => {
          const edges = (el as unknown as { _cyreg: { cy: CyLike } })._cyreg.cy
            .edges()
            .filter((e) => e.source().id() === s && e.target().id() === t)
            .map((e) => e.hasClass(c as string));
          return edges.length > 0 && edges.every(Boolean);
        },
        [source, target, cls] as const,
      ),
    /** The node context menu, the trace banner. */
    nodeMenu: () => page.getByTestId("graph-node-menu"),
    traceBanner: () => page.getByTestId("trace-banner"),
    changeTraffic: () => page.getByTestId("graph-side-panel").getByTestId("graph-change-traffic"),
    /** Where a node is on the page, for clicking it. */
    async nodePoint(id: string): Promise<{ x: number; y: number }> {
      const box = await canvas().boundingBox();
      if (!box) throw new Error("graph canvas not visible");
      const p = await canvas().evaluate((el, nodeId) => ({ ...(el as unknown as { _cyreg: { cy: CyLike } })._cyreg.cy.getElementById(nodeId).renderedPosition() }), id);
      return { x: box.x + p.x, y: box.y + p.y };
    },
  };
}
