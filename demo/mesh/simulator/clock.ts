/**
 * Time and timers behind an interface, so tests drive the simulator with a fake clock.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Wall-clock time and Node timers (unref'd, so they never keep the process alive). */
export const systemClock: Clock = {
  now: () => Date.now(),
  setInterval: (fn, ms) => {
    const t = setInterval(fn, ms);
    t.unref?.();
    return t;
  },
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

/** A manually advanced clock: `advance(ms)` runs due interval callbacks in order. */
export class FakeClock implements Clock {
  private time: number;
  private timers = new Map<number, { fn: () => void; every: number; next: number }>();
  private nextId = 1;

  constructor(start = Date.UTC(2025, 0, 1, 12, 0, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setInterval(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { fn, every: Math.max(1, ms), next: this.time + Math.max(1, ms) });
    return id;
  }

  clearInterval(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let due: { fn: () => void; every: number; next: number } | undefined;
      for (const t of this.timers.values()) if (t.next <= end && (!due || t.next < due.next)) due = t;
      if (!due) break;
      this.time = due.next;
      due.next += due.every;
      due.fn();
    }
    this.time = end;
  }

  get activeTimers(): number {
    return this.timers.size;
  }
}
