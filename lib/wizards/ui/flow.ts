import type { ExpectedVersion, PreviewResponse, WizardChange, WizardTarget } from "../api";

/**
 * The rules of a wizard's preview → apply flow that do not need React: when Apply may be pressed,
 * what to send back as `expected`, which object a 409 is about, how to colour a diff line.
 */

/** A stable key of what would be sent (target + input), to tell whether a preview is still current. */
export function requestKey(target: WizardTarget, input: unknown): string {
  return JSON.stringify({ t: [target.namespace, target.service ?? null, target.workload ?? null], i: input });
}

/** The versions the user saw, to send back with the apply: the server refuses if any moved since. */
export function expectedFrom(preview: Pick<PreviewResponse, "changes">): ExpectedVersion[] {
  return preview.changes.map((c) => ({ kind: c.kind, namespace: c.namespace, name: c.name, resourceVersion: c.resourceVersion }));
}

/** `Kind/name` of a change, as the UI names objects. */
export const objectLabel = (c: Pick<WizardChange, "kind" | "name">): string => `${c.kind}/${c.name}`;

/**
 * Why Apply cannot be pressed now, or null when it can: the form has errors, there is no preview,
 * the form changed since the preview, a dry run was refused, or there is nothing to change.
 */
export function applyBlocker(args: { valid: boolean; preview: PreviewResponse | undefined; previewKey: string | undefined; currentKey: string }): string | null {
  if (!args.valid) return "Fix the fields marked in red first.";
  if (!args.preview) return "Preview the changes first.";
  if (args.previewKey !== args.currentKey) return "The form changed since the preview: preview again.";
  const refused = args.preview.changes.filter((c) => !c.dryRun.ok);
  if (refused.length > 0) return `The API server refused the dry run of ${refused.map(objectLabel).join(", ")}.`;
  if (args.preview.changes.every((c) => c.action === "unchanged")) return "Nothing to change: the cluster already has this.";
  return null;
}

/**
 * The object a 409 is about: named by an `expected.N` issue, or by `Kind/name` or its name in the
 * message, or the only object written; null when it cannot be told.
 */
export function conflictSubject(err: { message: string; issues?: ReadonlyArray<{ path: string; message: string }> }, expected: readonly ExpectedVersion[]): ExpectedVersion | null {
  for (const i of err.issues ?? []) {
    const m = /^expected\.(\d+)/.exec(i.path);
    const hit = m ? expected[Number(m[1])] : undefined;
    if (hit) return hit;
  }
  const text = [err.message, ...(err.issues ?? []).map((i) => i.message)].join("\n");
  // "VirtualService/reviews changed…" (the console's check) or `virtualservices.networking.istio.io "reviews"` (the API server's).
  const byLabel = expected.find((e) => text.includes(`${e.kind}/${e.name}`) || new RegExp(`${e.kind.toLowerCase()}s(\\.[a-z0-9.-]+)? "${escapeRegex(e.name)}"`).test(text.toLowerCase()));
  if (byLabel) return byLabel;
  const byName = expected.filter((e) => new RegExp(`(^|[^a-z0-9.-])${escapeRegex(e.name)}([^a-z0-9-]|$)`).test(text));
  if (byName.length === 1) return byName[0] ?? null;
  return expected.length === 1 ? (expected[0] ?? null) : null;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export type DiffLineKind = "add" | "remove" | "hunk" | "header" | "context";

/** How to show one line of a unified diff. */
export function diffLineKind(line: string): DiffLineKind {
  if (line.startsWith("+++") || line.startsWith("---") || line.startsWith("diff ") || line.startsWith("index ")) return "header";
  if (line.startsWith("@@")) return "hunk";
  if (line.startsWith("+")) return "add";
  if (line.startsWith("-")) return "remove";
  return "context";
}

/** Counts of added and removed lines of a unified diff (headers excluded). */
export function diffStat(diff: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of diff.split("\n")) {
    const k = diffLineKind(line);
    if (k === "add") added++;
    else if (k === "remove") removed++;
  }
  return { added, removed };
}

/** Where "back" goes after an apply: the service's or workload's page, else the namespace's graph. */
export function targetHomeHref(target: WizardTarget): { href: string; label: string } {
  const ns = encodeURIComponent(target.namespace);
  if (target.service) return { href: `/services/${ns}/${encodeURIComponent(target.service)}`, label: `Back to service ${target.service}` };
  if (target.workload) return { href: `/workloads/${ns}/${encodeURIComponent(target.workload)}`, label: `Back to workload ${target.workload}` };
  return { href: `/graph?namespaces=${ns}`, label: `Graph of ${target.namespace}` };
}
