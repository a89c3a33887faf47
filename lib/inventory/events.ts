/**
 * Cluster change events as `GET /api/events` streams them, and the batching behind it: the watch-fed
 * cache reports every object change; the browser only needs to know which kinds changed where, a few
 * times a second at most, to refetch what it shows.
 */
import { z } from "zod";

export const changeType = z.enum(["add", "update", "delete"]);

export const clusterChange = z.object({
  kind: z.string(),
  type: changeType,
  namespace: z.string().optional(),
  name: z.string(),
});
export type ClusterChange = z.infer<typeof clusterChange>;

/** The data of one `event: change`. */
export const changeBatch = z.object({
  /** The changes (the latest per object), at most {@link MAX_BATCH}. */
  changes: z.array(clusterChange),
  /** Kinds and namespaces changed, also those of changes left out. */
  kinds: z.array(z.string()),
  namespaces: z.array(z.string()),
  /** More changes than {@link MAX_BATCH} happened: some are not listed. */
  truncated: z.boolean(),
});
export type ChangeBatch = z.infer<typeof changeBatch>;

export const MAX_BATCH = 200;

/** Collects changes between flushes: only those in `namespaces` (all when undefined; cluster-scoped kinds always). */
export class ChangeBatcher {
  private readonly byObject = new Map<string, ClusterChange>();
  private readonly kinds = new Set<string>();
  private readonly namespaces = new Set<string>();
  private dropped = false;
  private readonly selected?: ReadonlySet<string>;

  constructor(namespaces?: readonly string[]) {
    this.selected = namespaces ? new Set(namespaces) : undefined;
  }

  /** Adds a change; returns false when it is outside the selection. */
  add(c: ClusterChange): boolean {
    if (c.namespace && this.selected && !this.selected.has(c.namespace)) return false;
    this.kinds.add(c.kind);
    if (c.namespace) this.namespaces.add(c.namespace);
    const key = `${c.kind}/${c.namespace ?? ""}/${c.name}`;
    if (this.byObject.has(key) || this.byObject.size < MAX_BATCH) {
      this.byObject.delete(key);
      this.byObject.set(key, c);
    } else this.dropped = true;
    return true;
  }

  /** The batch so far (undefined when empty), and a fresh start. */
  flush(): ChangeBatch | undefined {
    if (this.kinds.size === 0) return undefined;
    const batch: ChangeBatch = {
      changes: [...this.byObject.values()],
      kinds: [...this.kinds].sort(),
      namespaces: [...this.namespaces].sort(),
      truncated: this.dropped,
    };
    this.byObject.clear();
    this.kinds.clear();
    this.namespaces.clear();
    this.dropped = false;
    return batch;
  }
}
