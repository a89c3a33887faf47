/**
 * An in-memory {@link PodLogSource}: bounded buffers per container and live subscribers. For tests
 * and tools that want `kubectl logs -f` to show lines they append.
 */
import type { LogLine, PodLogSource } from "../contracts";

/** Container logs kept in memory. */
export class MemoryLogSource implements PodLogSource {
  private readonly buffers = new Map<string, LogLine[]>();
  private readonly listeners = new Map<string, Set<(line: LogLine) => void>>();

  /** @param maxLines lines kept per container */
  constructor(private readonly maxLines = 1000) {}

  private static key(namespace: string, pod: string, container: string): string {
    return `${namespace}/${pod}/${container}`;
  }

  /** Appends a line (now, unless `time` is given) and hands it to followers. */
  append(namespace: string, pod: string, container: string, text: string, time: Date = new Date()): void {
    const key = MemoryLogSource.key(namespace, pod, container);
    const line = { time, text };
    const buffer = this.buffers.get(key) ?? [];
    buffer.push(line);
    if (buffer.length > this.maxLines) buffer.splice(0, buffer.length - this.maxLines);
    this.buffers.set(key, buffer);
    for (const listener of this.listeners.get(key) ?? []) listener(line);
  }

  lines(namespace: string, pod: string, container: string): LogLine[] | undefined {
    const buffer = this.buffers.get(MemoryLogSource.key(namespace, pod, container));
    return buffer ? [...buffer] : undefined;
  }

  subscribe(namespace: string, pod: string, container: string, onLine: (line: LogLine) => void): () => void {
    const key = MemoryLogSource.key(namespace, pod, container);
    const set = this.listeners.get(key) ?? new Set();
    set.add(onLine);
    this.listeners.set(key, set);
    return () => set.delete(onLine);
  }

  /** How many followers a container has (for tests that check streams are released). */
  followers(namespace: string, pod: string, container: string): number {
    return this.listeners.get(MemoryLogSource.key(namespace, pod, container))?.size ?? 0;
  }
}
