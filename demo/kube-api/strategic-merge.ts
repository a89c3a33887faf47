/**
 * Strategic merge patch (`application/strategic-merge-patch+json`), the built-in kinds' default patch
 * type and what `kubectl apply` sends for them. Lists with a merge key merge element by element, other
 * lists are replaced; supports the directives kubectl emits: `$patch: replace|delete|merge`,
 * `$setElementOrder/<list>`, `$deleteFromPrimitiveList/<list>` and `$retainKeys`.
 * See https://github.com/kubernetes/community/blob/master/contributors/devel/sig-api-machinery/strategic-merge-patch.md
 */
import { PatchError } from "./json-patch";
import { clone, deepEqual, isRecord } from "./json";
import type { PatchMeta } from "./patch-meta";

const SET_ORDER = "$setElementOrder/";
const DELETE_PRIMITIVE = "$deleteFromPrimitiveList/";

/** Removes directive keys from a patch fragment that becomes new content. */
function stripDirectives(value: unknown, meta: PatchMeta | undefined): unknown {
  if (Array.isArray(value)) {
    return value
      .filter((v) => !(isRecord(v) && (v["$patch"] === "replace" || v["$patch"] === "delete")))
      .map((v) => stripDirectives(v, meta));
  }
  if (!isRecord(value)) return value;
  return mergeMap({}, value, meta);
}

function reorder(list: unknown[], order: unknown[], mergeKey: string | undefined): unknown[] {
  const keyOf = (v: unknown): unknown => (mergeKey && isRecord(v) ? v[mergeKey] : v);
  const orderKeys = order.map(keyOf);
  const positioned = orderKeys
    .map((k) => list.find((item) => deepEqual(keyOf(item), k)))
    .filter((item): item is unknown => item !== undefined);
  const rest = list.filter((item) => !orderKeys.some((k) => deepEqual(keyOf(item), k)));
  return [...positioned, ...rest];
}

function mergeList(original: unknown, patch: unknown[], meta: PatchMeta | undefined): unknown[] {
  const current = Array.isArray(original) ? original : [];
  const mergeKey = meta?.mergeKey;
  const strategy = meta?.strategy ?? "";
  if (!strategy.includes("merge")) return stripDirectives(patch, meta) as unknown[];
  if (patch.some((v) => isRecord(v) && v["$patch"] === "replace")) return stripDirectives(patch, meta) as unknown[];
  if (!mergeKey) {
    // A list of primitives with strategy merge is a set: union, keeping the current order.
    const result = [...current];
    for (const v of patch) if (!result.some((c) => deepEqual(c, v))) result.push(v);
    return result;
  }
  const result = current.map((v) => v);
  for (const item of patch) {
    if (!isRecord(item)) throw new PatchError(`unable to find api field in struct for the merge key "${mergeKey}"`);
    if (!(mergeKey in item)) {
      throw new PatchError(`map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`);
    }
    const key = item[mergeKey];
    const index = result.findIndex((v) => isRecord(v) && deepEqual(v[mergeKey], key));
    if (item["$patch"] === "delete") {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    if (index >= 0) result[index] = mergeMap(result[index], item, meta);
    else result.push(mergeMap({}, item, meta));
  }
  return result;
}

/**
 * Merges a patch map into an original map according to `meta` (metadata of that map's fields).
 * Returns undefined when the patch deletes the map (`$patch: delete`).
 */
function mergeMap(original: unknown, patch: Record<string, unknown>, meta: PatchMeta | undefined): Record<string, unknown> {
  const directive = patch["$patch"];
  if (directive === "replace") {
    const { $patch: _ignored, ...rest } = patch;
    return stripDirectives(rest, meta) as Record<string, unknown>;
  }
  if (directive !== undefined && directive !== "merge" && directive !== "delete") {
    throw new PatchError(`Unknown patch type: ${String(directive)} in map: ${JSON.stringify(patch)}`);
  }
  const result: Record<string, unknown> = isRecord(original) ? { ...original } : {};
  const orders: [string, unknown[]][] = [];
  const primitiveDeletes: [string, unknown[]][] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (key === "$patch" || key === "$retainKeys") continue;
    if (key.startsWith(SET_ORDER)) {
      if (Array.isArray(value)) orders.push([key.slice(SET_ORDER.length), value]);
      continue;
    }
    if (key.startsWith(DELETE_PRIMITIVE)) {
      if (Array.isArray(value)) primitiveDeletes.push([key.slice(DELETE_PRIMITIVE.length), value]);
      continue;
    }
    const fieldMeta = meta?.fields?.[key];
    if (value === null) delete result[key];
    else if (isRecord(value)) {
      if (value["$patch"] === "delete") delete result[key];
      else result[key] = mergeMap(result[key], value, fieldMeta);
    } else if (Array.isArray(value)) result[key] = mergeList(result[key], value, fieldMeta);
    else result[key] = value;
  }
  for (const [field, values] of primitiveDeletes) {
    const list = result[field];
    if (Array.isArray(list)) result[field] = list.filter((v) => !values.some((d) => deepEqual(d, v)));
  }
  for (const [field, order] of orders) {
    const list = result[field];
    if (Array.isArray(list)) result[field] = reorder(list, order, meta?.fields?.[field]?.mergeKey);
  }
  const retain = patch["$retainKeys"];
  if (Array.isArray(retain)) {
    for (const key of Object.keys(result)) if (!retain.includes(key)) delete result[key];
  }
  return result;
}

/**
 * Applies a strategic merge patch to an object; inputs are not changed.
 * @param meta the patch metadata of the object's kind (see patch-meta.ts)
 * @throws PatchError when the patch cannot be applied
 */
export function applyStrategicMergePatch(
  original: Record<string, unknown>,
  patch: unknown,
  meta: PatchMeta | undefined,
): Record<string, unknown> {
  if (!isRecord(patch)) throw new PatchError("strategic merge patch must be a JSON object", true);
  return mergeMap(clone(original), patch, meta);
}
