/**
 * Planned changes as the API shows them (YAML, diff, the version to send back) and the check an
 * apply makes against the versions the user saw in the preview.
 */
import type { ExpectedVersion, WizardChange } from "./api";
import type { PlannedChange, WizardObject } from "./builders/types";
import { toReviewYaml, unifiedDiff } from "./yaml-diff";

/** The object a change is about (the desired one, or for a delete the current one). */
export function changeObject(c: PlannedChange): WizardObject {
  return c.desired ?? c.current;
}

/** A change's identity: `Kind/namespace/name`. */
export function changeKey(c: { kind: string; namespace: string; name: string }): string {
  return `${c.kind}/${c.namespace}/${c.name}`;
}

/** A planned change as the preview shows it, without the dry run's answer. */
export function describeChange(c: PlannedChange): Omit<WizardChange, "dryRun"> {
  const obj = changeObject(c);
  const currentYaml = c.current ? toReviewYaml(c.current) : null;
  const desiredYaml = c.desired ? toReviewYaml(c.desired) : null;
  const name = obj.metadata?.name ?? "";
  const namespace = obj.metadata?.namespace ?? "";
  return {
    action: c.action,
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    namespace,
    name,
    resourceVersion: c.current?.metadata?.resourceVersion ?? null,
    currentYaml,
    desiredYaml,
    diff: c.action === "unchanged" ? "" : unifiedDiff(`${obj.kind}/${namespace}/${name}`, currentYaml, desiredYaml),
  };
}

/** A change the preview did not see as it is now: the message, and which `expected` entry it contradicts. */
export interface StaleChange {
  message: string;
  /** Index in `expected` (`null`: the preview did not list the object). */
  expectedIndex: number | null;
}

/**
 * Why the apply must not go on: for each change it would write, the version the preview saw
 * (`expected`) against the one in the cluster now. `undefined` when they all agree. A change the
 * preview did not list counts as changed: the user has not seen it.
 */
export function staleChange(changes: readonly PlannedChange[], expected: readonly ExpectedVersion[]): StaleChange | undefined {
  const version = (rv: string | null) => (rv === null ? "absent" : `resourceVersion ${rv}`);
  for (const c of changes) {
    if (c.action === "unchanged") continue;
    const obj = changeObject(c);
    const d = { kind: obj.kind, namespace: obj.metadata?.namespace ?? "", name: obj.metadata?.name ?? "" };
    const now = c.current?.metadata?.resourceVersion ?? null;
    const index = expected.findIndex((e) => changeKey(e) === changeKey(d));
    if (index < 0) return { message: `${d.kind}/${d.name} was not in the preview (now ${version(now)}): reload`, expectedIndex: null };
    const then = expected[index]?.resourceVersion ?? null;
    if (then !== now) {
      return { message: `${d.kind}/${d.name} changed since the preview (${version(then)}, now ${now ?? "absent"}): reload`, expectedIndex: index };
    }
  }
  return undefined;
}
