/**
 * Runs one layout per message: the product's layered layout (as the graph page's worker does), or
 * Cytoscape's built-in `breadthfirst` / `grid` on a headless instance of the same graph (the baseline).
 */
import cytoscape, { type ElementDefinition } from "cytoscape";
import { layeredLayout } from "@/lib/graph-view/layered-layout";
import type { LayoutDone, LayoutJob } from "./protocol";

const scope = self as unknown as { onmessage: ((e: MessageEvent<LayoutJob>) => void) | null; postMessage(message: unknown, transfer?: Transferable[]): void };

function run(job: LayoutJob): LayoutDone {
  if (job.kind === "layered") {
    const started = performance.now();
    const positions = layeredLayout(job.input);
    const ms = performance.now() - started;
    const ids = [...positions.keys()];
    const xy = new Float64Array(ids.length * 2);
    ids.forEach((id, i) => {
      const p = positions.get(id)!;
      xy[2 * i] = p.x;
      xy[2 * i + 1] = p.y;
    });
    return { kind: job.kind, ms, ids, xy };
  }
  const elements: ElementDefinition[] = [
    ...job.input.nodes.map((n): ElementDefinition => ({ group: "nodes", data: { id: n.id, ...(n.parent ? { parent: n.parent } : {}) } })),
    ...job.input.edges.map((e, i): ElementDefinition => ({ group: "edges", data: { id: `e${i}`, source: e.source, target: e.target } })),
  ];
  const cy = cytoscape({ headless: true, styleEnabled: true, elements, style: [{ selector: "node", style: { width: 40, height: 40 } }] });
  const layout =
    job.kind === "breadthfirst"
      ? cy.layout({ name: "breadthfirst", directed: true, animate: false, fit: false, spacingFactor: 1 })
      : cy.layout({ name: "grid", animate: false, fit: false });
  const started = performance.now();
  layout.run();
  const ms = performance.now() - started;
  cy.destroy();
  return { kind: job.kind, ms };
}

scope.onmessage = (e) => {
  try {
    const done = run(e.data);
    scope.postMessage(done, done.xy ? [done.xy.buffer] : []);
  } catch (err) {
    scope.postMessage({ kind: e.data.kind, ms: NaN, error: err instanceof Error ? err.message : String(err) } satisfies LayoutDone);
  }
};
