/**
 * Lenient zod building blocks. Validation must read half-written objects from an editor as well as
 * objects from the cluster, so a malformed field reads as absent instead of failing the whole
 * object, and a malformed list item reads as empty instead of being dropped (which would shift the
 * indices that finding paths point at).
 */
import { z } from "zod";

/** An optional field: absent, or absent when malformed. */
export function opt<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** A list whose malformed items read as `fallback`; absent when not a list. */
export function list<T extends z.ZodType>(item: T, fallback: z.output<T>) {
  return z
    .array(z.unknown())
    .transform((items) => items.map((i) => {
      const r = item.safeParse(i);
      return r.success ? (r.data as z.output<T>) : fallback;
    }))
    .optional()
    .catch(undefined);
}

/** A list of strings; items that are not strings read as "" (rules skip empty strings). */
export const strings = list(z.string(), "");

/** Label maps: values YAML reads as numbers or booleans (`version: 1`) are taken as their text. */
export const labelMap = opt(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)));

/** `{ matchLabels }`, as PeerAuthentication, AuthorizationPolicy and RequestAuthentication select. */
export const workloadSelector = opt(z.object({ matchLabels: labelMap }));

export const metadata = z
  .object({
    name: opt(z.string()),
    namespace: opt(z.string()),
    creationTimestamp: opt(z.union([z.string(), z.date()])),
  })
  .catch({});

/** Milliseconds since the epoch of a creation timestamp; an object without one (not yet applied) counts as newest. */
export function createdAt(ts: string | Date | undefined): number {
  const t = ts === undefined ? NaN : new Date(ts).getTime();
  return Number.isFinite(t) ? t : Number.MAX_SAFE_INTEGER;
}
