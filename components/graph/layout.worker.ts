/**
 * Runs graph layouts off the main thread, so that a 5,000-node layout never freezes the page.
 * Loaded with `new Worker(new URL("./layout.worker.ts", import.meta.url))` (see layout-runner.ts).
 */
import { computeLayout, type LayoutRequest } from "@/lib/graph-view/layout-run";

const scope = self as unknown as { onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null; postMessage(message: unknown, transfer: Transferable[]): void };

scope.onmessage = (e) => {
  const res = computeLayout(e.data);
  scope.postMessage(res, [res.xy.buffer]);
};
