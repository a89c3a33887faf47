import { describe, expect, it } from "vitest";
import type { CacheChange, CacheChangeListener } from "../kube/cache";
import { changeEventStream } from "./events";

function source() {
  const listeners = new Set<CacheChangeListener>();
  return {
    listeners,
    onChange(l: CacheChangeListener) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit(c: CacheChange) {
      for (const l of listeners) l(c);
    },
  };
}

async function next(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const r = await reader.read();
  return r.done ? "" : new TextDecoder().decode(r.value);
}

describe("changeEventStream", () => {
  it("says ready, then batches changes of the selected namespaces into one event", async () => {
    const s = source();
    const ac = new AbortController();
    const reader = changeEventStream(s, ac.signal, { namespaces: ["bookinfo"], batchMs: 20 }).getReader();
    expect(await next(reader)).toBe('retry: 3000\nevent: ready\ndata: {"namespaces":["bookinfo"]}\n\n');
    s.emit({ kind: "pods", type: "update", namespace: "shop", name: "x" });
    s.emit({ kind: "pods", type: "update", namespace: "bookinfo", name: "a" });
    s.emit({ kind: "deployments", type: "update", namespace: "bookinfo", name: "d" });
    const text = await next(reader);
    expect(text.startsWith("event: change\n")).toBe(true);
    const batch = JSON.parse(/^data: (.*)$/m.exec(text)?.[1] ?? "{}") as { kinds: string[]; changes: CacheChange[] };
    expect(batch.kinds).toEqual(["deployments", "pods"]);
    expect(batch.changes.map((c) => c.name)).toEqual(["a", "d"]);
    ac.abort();
    expect((await reader.read()).done).toBe(true);
    expect(s.listeners.size).toBe(0);
  });

  it("stops listening when the reader goes away", async () => {
    const s = source();
    const reader = changeEventStream(s, new AbortController().signal).getReader();
    await next(reader);
    expect(s.listeners.size).toBe(1);
    await reader.cancel();
    expect(s.listeners.size).toBe(0);
  });
});
