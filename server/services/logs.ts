import "server-only";
import { lineFilter, splitLines, type LogsQuery, type LogsResponse } from "@/lib/inventory/logs";
import { SSE_PING, sseMessage } from "@/lib/inventory/sse";
import type { KubeGateway } from "../kube/gateway";

type LogSource = Pick<KubeGateway, "podLogs">;

const logOptions = (q: LogsQuery) => ({
  container: q.container,
  tailLines: q.tailLines,
  sinceSeconds: q.sinceSeconds,
  previous: q.previous,
  timestamps: q.timestamps,
});

/** The last `tailLines` lines of a container's log, filtered. */
export async function readLogs(q: LogsQuery, kube: LogSource): Promise<LogsResponse> {
  const text = await kube.podLogs(q.namespace, q.pod, logOptions(q));
  const { lines, rest } = splitLines(text);
  const all = rest ? [...lines, rest] : lines;
  return { namespace: q.namespace, pod: q.pod, container: q.container, lines: all.filter(lineFilter(q.filter)), total: all.length };
}

/** How often buffered lines are flushed, and how often an idle stream says it is alive. */
const FLUSH_MS = 200;
const PING_MS = 15_000;

/**
 * Follows a container's log as server-sent events: `event: lines` with a JSON array of (filtered)
 * lines, batched every 200 ms; `event: end` when the log ends (pod deleted, server closed). Stops
 * following when `signal` aborts (the browser went away). Errors before the stream starts are thrown.
 */
export async function followLogs(q: LogsQuery, kube: LogSource, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const upstream = new AbortController();
  const abort = () => upstream.abort();
  if (signal.aborted) abort();
  else signal.addEventListener("abort", abort, { once: true });
  const chunks = await kube.podLogs(q.namespace, q.pod, { ...logOptions(q), follow: true, signal: upstream.signal });
  const keep = lineFilter(q.filter);
  const encoder = new TextEncoder();
  let closed = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      let pending: string[] = [];
      let rest = "";
      const flush = () => {
        if (pending.length) send(sseMessage("lines", pending));
        pending = [];
      };
      const flusher = setInterval(flush, FLUSH_MS);
      const pinger = setInterval(() => send(SSE_PING), PING_MS);
      send(sseMessage("open", { namespace: q.namespace, pod: q.pod, container: q.container }));
      try {
        for await (const chunk of chunks) {
          const split = splitLines(rest + String(chunk));
          rest = split.rest;
          pending.push(...split.lines.filter(keep));
        }
        if (rest && keep(rest)) pending.push(rest);
        flush();
        send(sseMessage("end", {}));
      } catch {
        // The follow was aborted: nothing more to say.
      } finally {
        clearInterval(flusher);
        clearInterval(pinger);
        abort();
        if (!closed) {
          closed = true;
          controller.close();
        }
      }
    },
    cancel() {
      closed = true;
      abort();
    },
  });
}
