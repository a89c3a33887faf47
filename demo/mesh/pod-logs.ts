/**
 * Container logs of the demo pods: a bounded ring buffer per container, fed by the simulator, read
 * by the demo Kubernetes API for `pods/log` (including `follow=true` through `subscribe`).
 */
import type { KubeObject, LogLine, PodLogSource } from "../contracts";

class Ring {
  private items: LogLine[] = [];
  private head = 0;
  private last: LogLine | undefined;

  constructor(private capacity: number) {}

  /** Changes the bound, dropping the oldest lines if needed. */
  resize(capacity: number): void {
    if (capacity === this.capacity) return;
    this.items = this.toArray().slice(-capacity);
    this.head = 0;
    this.capacity = capacity;
  }

  /** Appends a line; times never go backwards within a container (lines are written in order). */
  push(line: LogLine): LogLine {
    if (this.last && line.time < this.last.time) line = { time: this.last.time, text: line.text };
    this.last = line;
    if (this.items.length < this.capacity) this.items.push(line);
    else {
      this.items[this.head] = line;
      this.head = (this.head + 1) % this.capacity;
    }
    return line;
  }

  toArray(): LogLine[] {
    return this.head === 0 ? [...this.items] : [...this.items.slice(this.head), ...this.items.slice(0, this.head)];
  }
}

export interface PodLogBufferOptions {
  /** Lines kept per container at most (default 1000). */
  maxLinesPerContainer?: number;
  /**
   * Lines kept over all containers (default 100 000, roughly 40 MB): with many pods (scale mode)
   * each container keeps `maxLines / containers` lines, but at least 50.
   */
  maxLines?: number;
}

const key = (ns: string, pod: string, container: string): string => `${ns}\u0000${pod}\u0000${container}`;
const podKey = (ns: string, pod: string): string => `${ns}\u0000${pod}`;

interface PodSpecShape {
  containers?: Array<{ name?: string }>;
  initContainers?: Array<{ name?: string }>;
}

/** A {@link PodLogSource} whose containers are the pods' containers last passed to {@link syncPods}. */
export class PodLogBuffer implements PodLogSource {
  private readonly maxPerContainer: number;
  private readonly maxLines: number;
  private capacity: number;
  /** `ns\0pod` → container → its lines (created on the first line). */
  private readonly pods = new Map<string, Map<string, Ring | undefined>>();
  private readonly subscribers = new Map<string, Set<(line: LogLine) => void>>();

  constructor(opts: PodLogBufferOptions = {}) {
    this.maxPerContainer = Math.max(1, opts.maxLinesPerContainer ?? 1000);
    this.maxLines = Math.max(1, opts.maxLines ?? 100_000);
    this.capacity = this.maxPerContainer;
  }

  /**
   * Makes the given pods' containers known (and forgets pods no longer present).
   * Returns the pods that were not known before, so the caller can log their start-up.
   */
  syncPods(pods: readonly KubeObject[]): KubeObject[] {
    const seen = new Set<string>();
    const added: KubeObject[] = [];
    for (const p of pods) {
      const id = podKey(p.metadata.namespace ?? "default", p.metadata.name);
      seen.add(id);
      const spec = (p.spec ?? {}) as PodSpecShape;
      const names = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c) => c.name ?? "").filter(Boolean);
      const known = this.pods.get(id);
      if (!known) added.push(p);
      const containers = new Map<string, Ring | undefined>();
      for (const n of names) containers.set(n, known?.get(n));
      this.pods.set(id, containers);
    }
    for (const id of this.pods.keys()) if (!seen.has(id)) this.pods.delete(id);
    let containerCount = 0;
    for (const c of this.pods.values()) containerCount += c.size;
    const capacity = Math.min(this.maxPerContainer, Math.max(50, Math.floor(this.maxLines / Math.max(1, containerCount))));
    if (capacity !== this.capacity) {
      this.capacity = capacity;
      for (const c of this.pods.values()) for (const ring of c.values()) ring?.resize(capacity);
    }
    return added;
  }

  /** Appends a line to a known container (lines for unknown containers are dropped). */
  append(namespace: string, pod: string, container: string, line: LogLine): void {
    const containers = this.pods.get(podKey(namespace, pod));
    if (!containers?.has(container)) return;
    let ring = containers.get(container);
    if (!ring) {
      ring = new Ring(this.capacity);
      containers.set(container, ring);
    }
    const stored = ring.push(line);
    if (this.subscribers.size === 0) return;
    const subs = this.subscribers.get(key(namespace, pod, container));
    if (subs) for (const s of [...subs]) s(stored);
  }

  lines(namespace: string, pod: string, container: string): LogLine[] | undefined {
    const containers = this.pods.get(podKey(namespace, pod));
    if (!containers?.has(container)) return undefined;
    return containers.get(container)?.toArray() ?? [];
  }

  subscribe(namespace: string, pod: string, container: string, onLine: (line: LogLine) => void): () => void {
    const k = key(namespace, pod, container);
    let subs = this.subscribers.get(k);
    if (!subs) {
      subs = new Set();
      this.subscribers.set(k, subs);
    }
    subs.add(onLine);
    return () => {
      const s = this.subscribers.get(k);
      s?.delete(onLine);
      if (s && s.size === 0) this.subscribers.delete(k);
    };
  }
}

/** Creates an empty {@link PodLogBuffer}. */
export function createPodLogBuffer(opts: PodLogBufferOptions = {}): PodLogBuffer {
  return new PodLogBuffer(opts);
}
