import "server-only";
import { KubernetesObjectApi, makeInformer, type Informer, type KubernetesObject, type ObjectCache } from "@kubernetes/client-node";
import { ALL_RESOURCE_KINDS, clusterListPath, type ResourceKey, type ResourceKind } from "@/lib/kube/resource-kinds";
import { toKubeError } from "./gateway";
import { consoleKubeConfig } from "./kube-config";

/** The state of one kind's informer, as `/api/readyz` and pages report it. */
export interface KindStatus {
  key: ResourceKey;
  synced: boolean;
  /** The kind is not served by this cluster (e.g. Istio's CRDs are not installed). */
  notInstalled: boolean;
  /** The console's credentials may not list the kind (RBAC): readers are refused with 403. */
  forbidden: boolean;
  count: number;
  lastError?: string;
}

interface Entry {
  kind: ResourceKind;
  informer: Informer<KubernetesObject> & ObjectCache<KubernetesObject>;
  synced: boolean;
  notInstalled: boolean;
  forbidden: boolean;
  lastError?: string;
  retry?: NodeJS.Timeout;
  /** Bumped on every error, so a start() that saw one does not count as a sync. */
  errors: number;
  firstSync: Promise<void>;
  resolveFirstSync: () => void;
}

const RETRY_MS = 5_000;

/** One change the cache saw on a watch (or on a relist after a watch broke). */
export interface CacheChange {
  kind: ResourceKey;
  type: "add" | "update" | "delete";
  namespace?: string;
  name: string;
}

export type CacheChangeListener = (change: CacheChange) => void;

/**
 * A watch-fed cache of the kinds pages read (namespaces, pods, services, deployments, replicasets,
 * service accounts and Istio's kinds), kept current by @kubernetes/client-node informers with the
 * console's own credentials. Pages read from it instead of listing the cluster on every request.
 * Informers that fail (API server down, kind not installed, RBAC forbids it) retry every few seconds;
 * their error is kept for status pages.
 */
export class KubeCache {
  private readonly entries = new Map<ResourceKey, Entry>();
  private readonly listeners = new Set<CacheChangeListener>();
  private stopped = false;

  constructor(kinds: ResourceKind[] = ALL_RESOURCE_KINDS) {
    const kc = consoleKubeConfig();
    const objects = KubernetesObjectApi.makeApiClient(kc);
    for (const kind of kinds) {
      const informer = makeInformer(kc, clusterListPath(kind), () => objects.list(kind.apiVersion, kind.kind));
      let resolveFirstSync = () => {};
      const firstSync = new Promise<void>((r) => (resolveFirstSync = r));
      const entry: Entry = { kind, informer, synced: false, notInstalled: false, forbidden: false, errors: 0, firstSync, resolveFirstSync };
      informer.on("error", (err: unknown) => this.handleError(entry, err));
      for (const type of ["add", "update", "delete"] as const) {
        informer.on(type, (o: KubernetesObject) => this.emit({ kind: kind.key, type, namespace: o.metadata?.namespace, name: o.metadata?.name ?? "" }));
      }
      this.entries.set(kind.key, entry);
    }
  }

  /**
   * Calls `listener` with every change the informers see, until the returned function is called. The
   * first list of each kind arrives as `add`s. Listeners must be quick: they run on the watch's turn.
   */
  onChange(listener: CacheChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(change: CacheChange): void {
    for (const l of this.listeners) {
      try {
        l(change);
      } catch (err) {
        console.error("[meshscope] cache change listener failed", err);
      }
    }
  }

  /** Starts every informer; failures are retried in the background, never thrown. */
  start(): void {
    for (const entry of this.entries.values()) this.startEntry(entry);
  }

  private startEntry(entry: Entry): void {
    if (this.stopped) return;
    const errorsBefore = entry.errors;
    // start() resolves once the list is in and the watch is open; failures arrive on the error callback.
    entry.informer.start().then(
      () => {
        if (entry.errors !== errorsBefore || this.stopped) return;
        entry.synced = true;
        entry.notInstalled = false;
        entry.forbidden = false;
        entry.lastError = undefined;
        entry.resolveFirstSync();
      },
      (err: unknown) => this.handleError(entry, err),
    );
  }

  private handleError(entry: Entry, err: unknown): void {
    if (this.stopped) return;
    entry.errors++;
    const mapped = toKubeError(err, 0);
    const code = "code" in mapped ? mapped.code : undefined;
    entry.synced = false;
    entry.notInstalled = code === 404 && entry.kind.istio;
    entry.forbidden = code === 403;
    entry.lastError = mapped.message;
    // An uninstalled or forbidden kind will not sync soon (it is retried): don't make callers wait for it.
    if (entry.notInstalled || entry.forbidden) entry.resolveFirstSync();
    clearTimeout(entry.retry);
    entry.retry = setTimeout(() => this.startEntry(entry), RETRY_MS);
  }

  /** Waits until every kind has been listed once (or failed), at most `timeoutMs`. */
  async waitForSync(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([...this.entries.values()].map((e) => e.firstSync)),
      new Promise<void>((r) => (timer = setTimeout(r, timeoutMs))),
    ]);
    clearTimeout(timer);
  }

  /** The cached objects of a kind, optionally only those in `namespaces`. */
  list<T extends KubernetesObject = KubernetesObject>(key: ResourceKey, namespaces?: readonly string[]): T[] {
    const entry = this.entries.get(key);
    if (!entry) return [];
    if (!namespaces) return entry.informer.list() as T[];
    return namespaces.flatMap((ns) => entry.informer.list(ns) as T[]);
  }

  status(key: ResourceKey): KindStatus | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    return { key, synced: e.synced, notInstalled: e.notInstalled, forbidden: e.forbidden, count: e.informer.list().length, lastError: e.lastError };
  }

  statuses(): KindStatus[] {
    return [...this.entries.keys()].flatMap((k) => this.status(k) ?? []);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(
      [...this.entries.values()].map(async (e) => {
        clearTimeout(e.retry);
        await e.informer.stop().catch(() => undefined);
      }),
    );
  }
}

const holder = globalThis as typeof globalThis & { __meshscopeKubeCache?: KubeCache };

/** The process-wide cache, started on first use (kept on globalThis across dev-mode module reloads). */
export function kubeCache(): KubeCache {
  if (!holder.__meshscopeKubeCache) {
    const cache = new KubeCache();
    cache.start();
    holder.__meshscopeKubeCache = cache;
  }
  return holder.__meshscopeKubeCache;
}
