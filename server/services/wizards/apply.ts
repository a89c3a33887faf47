import "server-only";
import type { ApplyResponse, ExpectedVersion, WizardName, WizardTarget } from "@/lib/wizards/api";
import { buildWizard, type BuildFailure } from "@/lib/wizards/builders";
import { failure } from "@/lib/wizards/builders/objects";
import { changeObject, staleChange } from "@/lib/wizards/changes";
import type { WizardInputs } from "@/lib/wizards/inputs";
import { KubeStatusError } from "../../http/errors";
import { kubeFor } from "../../kube/gateway";
import type { Identity } from "../../kube/identity";
import { loadSnapshot } from "./snapshot";
import { dryRunChange, recordRefused, writeChange } from "./writes";

const label = (c: Parameters<typeof changeObject>[0]) => `${changeObject(c).kind}/${changeObject(c).metadata?.name ?? ""}`;

/**
 * Writes what `wizard` builds for `input` (`POST /api/wizards/{wizard}/apply`), on the caller's
 * behalf and only if the cluster is still what the preview showed:
 * 1. rebuild from the cluster's current objects;
 * 2. any object to write whose resourceVersion differs from `expected` → 409, nothing written;
 * 3. dry-run every write, so that one the API server refuses stops the apply before anything is stored;
 * 4. write in order (DestinationRules before the VirtualServices that use their subsets), each update
 *    with the resourceVersion it was built from and each delete with it as a precondition, so a
 *    concurrent change makes the API server answer 409 instead of being overwritten.
 * Writes of several objects are not atomic: a failure after the first write names what was written.
 */
export async function applyWizard<W extends WizardName>(
  identity: Identity,
  wizard: W,
  target: WizardTarget,
  input: WizardInputs[W],
  expected: readonly ExpectedVersion[],
): Promise<ApplyResponse | BuildFailure> {
  const { snapshot } = await loadSnapshot(identity, target, { callers: false });
  const built = buildWizard(wizard, snapshot, input);
  if (!built.ok) return built;
  const gateway = kubeFor(identity);
  const stale = staleChange(built.changes, expected);
  if (stale) {
    recordRefused(gateway, built.changes, "409 Conflict");
    return failure(409, stale.message, stale.expectedIndex === null ? [] : [{ path: `expected.${stale.expectedIndex}`, message: "changed since the preview" }]);
  }
  const toWrite = built.changes.filter((c) => c.action !== "unchanged");
  const dryRuns = await Promise.all(toWrite.map((c) => dryRunChange(gateway, c)));
  dryRuns.forEach((d, i) => {
    if (!d.ok) throw new KubeStatusError(d.status, d.reason ?? "Invalid", `${label(toWrite[i]!)}: ${d.message}`, d.issues);
  });
  const written: string[] = [];
  const applied: ApplyResponse["applied"] = [];
  for (const c of built.changes) {
    let resourceVersion: string | null;
    try {
      resourceVersion = await writeChange(gateway, c);
    } catch (err) {
      if (!(err instanceof KubeStatusError)) throw err;
      const done = written.length > 0 ? ` (already written: ${written.join(", ")})` : "";
      throw new KubeStatusError(err.code, err.reason, `${label(c)}: ${err.message}${done}`, err.causes);
    }
    if (c.action !== "unchanged") written.push(label(c));
    const obj = changeObject(c);
    applied.push({ action: c.action, kind: obj.kind, namespace: obj.metadata?.namespace ?? "", name: obj.metadata?.name ?? "", resourceVersion });
  }
  return { wizard, applied };
}
