import "server-only";
import { kubeCache } from "../kube/cache";
import type { Identity } from "../kube/identity";
import { kubeReader } from "../kube/reader";
import { readValidationSnapshot, type ValidationSnapshot } from "./validation";

let generation = 0;
let listening = false;
let memo: { generation: number; snapshot: Promise<ValidationSnapshot> } | undefined;

/**
 * The validation snapshot of the console's own identity, shared by every request until the watch-fed
 * cache sees a change: the snapshot is the whole cluster whatever the selection, so lists, counts
 * and editors all judge against one snapshot. It is parsed and indexed once, when read
 * (`ValidationSnapshot.mesh`), so that each draft the editor sends only costs the rules of its kind,
 * and its findings are computed once (`meshFindings`).
 */
function sharedSnapshot(): Promise<ValidationSnapshot> {
  const cache = kubeCache();
  if (!listening) {
    cache.onChange(() => {
      generation++;
    });
    listening = true;
  }
  if (memo && memo.generation === generation) return memo.snapshot;
  const snapshot = readValidationSnapshot(kubeReader({ kind: "console" }), []);
  const entry = { generation, snapshot };
  memo = entry;
  // A failed read is not kept: the next request tries again.
  snapshot.catch(() => {
    if (memo === entry) memo = undefined;
  });
  return snapshot;
}

/**
 * How an identity gets its snapshot: the shared one for the console's identity, `undefined` for a
 * user (read with the user's token on every request, so that their RBAC decides what is judged).
 */
export function snapshotSource(identity: Identity): ((namespaces: readonly string[]) => Promise<ValidationSnapshot>) | undefined {
  return identity.kind === "console" ? () => sharedSnapshot() : undefined;
}
