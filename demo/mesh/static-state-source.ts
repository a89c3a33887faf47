/**
 * A {@link MeshStateSource} over a state held in memory, for unit tests: `update` replaces the state
 * and notifies listeners, as a watch event would.
 */
import type { MeshState, MeshStateSource } from "../contracts";

export interface StaticMeshStateSource extends MeshStateSource {
  /** Replaces the state (or derives a new one from the current) and notifies listeners. */
  update(next: MeshState | ((current: MeshState) => MeshState)): void;
}

/** Creates a state source that serves `state` until {@link StaticMeshStateSource.update}. */
export function createStaticMeshStateSource(state: MeshState): StaticMeshStateSource {
  let current = state;
  const listeners = new Set<() => void>();
  return {
    current: () => current,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready: () => Promise.resolve(),
    stop: () => listeners.clear(),
    update(next) {
      current = typeof next === "function" ? next(current) : next;
      for (const l of [...listeners]) l();
    },
  };
}
