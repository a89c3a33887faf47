/**
 * Runs layouts in a Web Worker (created once, on first use), falling back to the main thread when
 * workers are not available or the worker fails to load.
 */
import { computeLayout, packPositions, unpackPositions, type LayoutRequest, type LayoutResponse } from "@/lib/graph-view/layout-run";
import type { LayoutInput, Positions } from "@/lib/graph-view/layout-types";
import type { LayoutName } from "@/lib/graph-view/view-state";

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: LayoutResponse) => void; reject: (e: Error) => void; req: LayoutRequest }>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL("./layout.worker.ts", import.meta.url));
    worker.onmessage = (e: MessageEvent<LayoutResponse>) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      p?.resolve(e.data);
    };
    worker.onerror = (e) => {
      // A worker that cannot load: finish what was asked on the main thread and stop using it.
      console.warn("[meshscope] layout worker failed, laying out on the main thread:", e.message);
      worker?.terminate();
      worker = null;
      for (const [id, p] of pending) {
        pending.delete(id);
        p.resolve(computeLayout(p.req));
      }
    };
  } catch {
    worker = null;
  }
  return worker;
}

export interface LayoutResult {
  positions: Positions;
  ms: number;
  where: "worker" | "main";
}

/** Lays out `input` with the named layout; the force layout starts from `initial` when given. */
export async function runLayout(layout: LayoutName, input: LayoutInput, initial?: Positions): Promise<LayoutResult> {
  const req: LayoutRequest = { id: nextId++, layout, input, initial: initial ? packPositions(initial) : undefined };
  const w = typeof Worker === "undefined" ? null : getWorker();
  if (!w) {
    const res = computeLayout(req);
    return { positions: unpackPositions(res.ids, res.xy), ms: res.ms, where: "main" };
  }
  const res = await new Promise<LayoutResponse>((resolve, reject) => {
    pending.set(req.id, { resolve, reject, req });
    w.postMessage(req);
  });
  return { positions: unpackPositions(res.ids, res.xy), ms: res.ms, where: worker ? "worker" : "main" };
}
