import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import { dump } from "js-yaml";

/**
 * What a wizard shows before it writes: each object as YAML (as a user would `kubectl apply` it, without
 * what the API server adds) and a unified diff from what is in the cluster to what would be written.
 */

/** Metadata the API server owns: never part of what a user writes or reviews. */
const SERVER_METADATA = ["managedFields", "uid", "creationTimestamp", "resourceVersion", "generation", "selfLink"] as const;

/** Annotations written by tools on every apply: noise in a review. */
const NOISY_ANNOTATIONS = ["kubectl.kubernetes.io/last-applied-configuration"] as const;

/** Keys shown first, in this order, wherever they appear; the rest follow alphabetically. */
const KEY_ORDER = ["apiVersion", "kind", "metadata", "spec", "name", "namespace"];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A copy of `obj` without `status`, server-owned metadata (`managedFields`, `uid`, `creationTimestamp`,
 * `resourceVersion`, `generation`, `selfLink`) and kubectl's last-applied annotation. Pure: `obj` is
 * not modified.
 */
export function stripServerFields<T extends object>(obj: T): T {
  const copy = structuredClone(obj) as T & { status?: unknown; metadata?: Record<string, unknown> };
  delete copy.status;
  const meta = copy.metadata;
  if (meta) {
    for (const k of SERVER_METADATA) delete meta[k];
    const annotations = meta["annotations"] as Record<string, string> | undefined;
    if (annotations) {
      for (const k of NOISY_ANNOTATIONS) delete annotations[k];
      if (Object.keys(annotations).length === 0) delete meta["annotations"];
    }
  }
  return copy;
}

/** Keys sorted for stable output: {@link KEY_ORDER} first, then alphabetically; `undefined` values dropped. */
export function canonical(value: unknown): Json {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === "object") {
    const rank = (k: string) => {
      const i = KEY_ORDER.indexOf(k);
      return i < 0 ? KEY_ORDER.length : i;
    };
    const keys = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(keys.map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean" || value === null) return value;
  return null;
}

/** True when both objects are the same once server fields are stripped and keys ordered. */
export function sameObject(a: object, b: object): boolean {
  return JSON.stringify(canonical(stripServerFields(a))) === JSON.stringify(canonical(stripServerFields(b)));
}

/**
 * The YAML a user would review for `obj`: server fields stripped, keys in a stable order
 * (apiVersion, kind, metadata, spec first), no anchors, no line folding.
 */
export function toReviewYaml(obj: object): string {
  return dump(canonical(stripServerFields(obj)), { noRefs: true, lineWidth: -1, sortKeys: false });
}

/**
 * A unified line diff from `current` to `desired` YAML (`null`: the object is absent on that side),
 * with `---`/`+++` headers naming the object. Empty when both are the same.
 */
export function unifiedDiff(label: string, current: string | null, desired: string | null): string {
  if ((current ?? "") === (desired ?? "")) return "";
  return createTwoFilesPatch(current === null ? "/dev/null" : `a/${label}`, desired === null ? "/dev/null" : `b/${label}`, current ?? "", desired ?? "", undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
