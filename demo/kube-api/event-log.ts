/**
 * The bounded history of changes that watches resume from, like etcd's before compaction: a watch
 * from a resourceVersion older than what the log still holds gets 410 Gone ("Expired").
 */
import type { KubeObject } from "../contracts";

/** The watch event types a change produces. */
export type ChangeType = "ADDED" | "MODIFIED" | "DELETED";

/** One change in the store. */
export interface StoreEvent {
  type: ChangeType;
  /** Storage key of the resource (`apps/deployments`). */
  storageKey: string;
  /** The object after the change (for DELETED: the last state, with the deletion's resourceVersion). */
  object: KubeObject;
  /** The object before the change (MODIFIED and DELETED). */
  previous?: KubeObject;
  /** Global revision of the change. */
  revision: number;
}

/** A ring buffer of the latest {@link StoreEvent}s. */
export class EventLog {
  private readonly events: StoreEvent[] = [];

  /**
   * @param capacity how many events are kept
   * @param compacted revision up to which history is gone (events after it are replayable)
   */
  constructor(
    private readonly capacity: number,
    private compacted: number,
  ) {}

  /** Adds an event, forgetting the oldest one past capacity. */
  append(event: StoreEvent): void {
    this.events.push(event);
    if (this.events.length > this.capacity) {
      const dropped = this.events.shift();
      if (dropped) this.compacted = dropped.revision;
    }
  }

  /** The last revision whose history has been dropped. */
  compactedRevision(): number {
    return this.compacted;
  }

  /** Events after `revision`, or undefined when that revision is older than the kept history. */
  since(revision: number): StoreEvent[] | undefined {
    if (revision < this.compacted) return undefined;
    const start = this.events.findIndex((e) => e.revision > revision);
    return start < 0 ? [] : this.events.slice(start);
  }
}
