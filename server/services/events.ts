import "server-only";
import { ChangeBatcher } from "@/lib/inventory/events";
import { SSE_PING, sseMessage } from "@/lib/inventory/sse";
import type { CacheChangeListener } from "../kube/cache";

/** Where changes come from: the watch-fed cache (`KubeCache.onChange`); tests pass their own. */
export interface ChangeSource {
  onChange(listener: CacheChangeListener): () => void;
}

export interface EventStreamOptions {
  /** Only changes in these namespaces (and of cluster-scoped kinds); every change when absent. */
  namespaces?: readonly string[];
  /** How long changes are collected before one `change` event carries them (default 500 ms). */
  batchMs?: number;
  pingMs?: number;
}

/**
 * Server-sent events of cluster changes, fed by the watch-fed cache: `event: ready` once listening,
 * then `event: change` (a `ChangeBatch`) at most every `batchMs`, and a comment every `pingMs` so
 * idle connections stay open. Stops listening when `signal` aborts or the reader cancels.
 */
export function changeEventStream(source: ChangeSource, signal: AbortSignal, opts: EventStreamOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batcher = new ChangeBatcher(opts.namespaces);
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = source.onChange((c) => batcher.add(c));
      const flusher = setInterval(() => {
        const batch = batcher.flush();
        if (batch) send(sseMessage("change", batch));
      }, opts.batchMs ?? 500);
      const pinger = setInterval(() => send(SSE_PING), opts.pingMs ?? 15_000);
      cleanup = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(flusher);
        clearInterval(pinger);
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      if (signal.aborted) cleanup();
      else signal.addEventListener("abort", () => cleanup(), { once: true });
      // `retry`: how long the browser waits before reconnecting after the stream ends.
      send(`retry: 3000\n${sseMessage("ready", { namespaces: opts.namespaces ?? null })}`);
    },
    cancel() {
      cleanup();
    },
  });
}
