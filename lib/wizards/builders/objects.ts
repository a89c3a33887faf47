/**
 * Shared pieces of the builders: the metadata every written object carries, deciding create / update /
 * unchanged, ages, and the failure values.
 */
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "../api";
import { sameObject, stripServerFields } from "../yaml-diff";
import type { BuildFailure, BuildIssue, BuildSuccess, PlannedChange, WizardObject } from "./types";

/** The Kubernetes cluster domain service hosts are completed with. */
export const CLUSTER_DOMAIN = "cluster.local";

type Metadata = NonNullable<WizardObject["metadata"]>;

/** The fully qualified host of a Service: `<name>.<namespace>.svc.cluster.local`. */
export function serviceFqdn(svc: { name: string; namespace: string }): string {
  return `${svc.name}.${svc.namespace}.svc.${CLUSTER_DOMAIN}`;
}

/**
 * Metadata for an object a wizard writes: the current object's metadata (labels, annotations and
 * anything else a user put there are kept) minus server-owned fields, plus the managed-by label and
 * `annotations` (set, or removed when `null`).
 */
export function managedMetadata(current: Metadata | undefined, name: string, namespace: string, annotations: Record<string, string | null> = {}): Metadata {
  const base: Metadata = current ? (stripServerFields({ metadata: current }).metadata ?? {}) : {};
  const merged: Record<string, string> = { ...base.annotations };
  for (const [k, v] of Object.entries(annotations)) {
    if (v === null) delete merged[k];
    else merged[k] = v;
  }
  const out: Metadata = { ...base, name, namespace, labels: { ...base.labels, [MANAGED_BY_LABEL]: MANAGED_BY_VALUE } };
  if (Object.keys(merged).length > 0) out.annotations = merged;
  else delete out.annotations;
  return out;
}

/** True when Meshscope's wizards wrote the object (it carries the managed-by label). */
export function isManaged(obj: { metadata?: { labels?: Record<string, string> } }): boolean {
  return obj.metadata?.labels?.[MANAGED_BY_LABEL] === MANAGED_BY_VALUE;
}

function withoutManagedLabel<T extends WizardObject>(obj: T): T {
  const copy = structuredClone(obj);
  const labels = copy.metadata?.labels;
  if (labels && copy.metadata) {
    delete labels[MANAGED_BY_LABEL];
    if (Object.keys(labels).length === 0) delete copy.metadata.labels;
  }
  return copy;
}

/**
 * The change that turns `current` into `desired`. An object that would only gain the managed-by label
 * is `unchanged`: the wizard does not write (and so does not claim) what it would not change.
 */
export function plan(desired: WizardObject, current: WizardObject | undefined): PlannedChange {
  if (!current) return { action: "create", desired, current: null };
  if (sameObject(withoutManagedLabel(current), withoutManagedLabel(desired))) return { action: "unchanged", desired: current, current };
  return { action: "update", desired, current };
}

/** Creation time in ms; objects not created yet (no timestamp) count as the newest. */
export function createdAt(obj: { metadata?: { creationTimestamp?: unknown } }): number {
  const t = obj.metadata?.creationTimestamp;
  const ms = t instanceof Date ? t.getTime() : typeof t === "string" ? Date.parse(t) : Number.NaN;
  return Number.isFinite(ms) ? ms : Number.POSITIVE_INFINITY;
}

/** Oldest first, then by name: the order in which Istio lets the oldest of several policies win. */
export function byAge(a: WizardObject, b: WizardObject): number {
  return createdAt(a) - createdAt(b) || (a.metadata?.name ?? "").localeCompare(b.metadata?.name ?? "");
}

/** `kind/namespace/name`, for messages. */
export function refOf(obj: WizardObject): string {
  return `${obj.kind} ${obj.metadata?.namespace ?? ""}/${obj.metadata?.name ?? ""}`;
}

/** A path from the request root, joined with dots (`input.weights.0.version`). */
export function pathOf(...segments: Array<string | number>): string {
  return segments.join(".");
}

/** 422: input the cluster's state makes impossible (unknown versions, bad regexes, …). */
export function invalid(issues: BuildIssue[]): BuildFailure {
  return { ok: false, status: 422, message: `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues };
}

/** A failure with a status: 404 (target not found), 409 (an object in the way). */
export function failure(status: 404 | 409 | 422, message: string, issues: BuildIssue[] = []): BuildFailure {
  return { ok: false, status, message, issues };
}

/** A successful build: the changes in write order, with warnings (and for mtls the modes before/after). */
export function success(changes: PlannedChange[], warnings: BuildSuccess["warnings"] = [], mtls?: BuildSuccess["mtls"]): BuildSuccess {
  return mtls ? { ok: true, changes, warnings, mtls } : { ok: true, changes, warnings };
}
