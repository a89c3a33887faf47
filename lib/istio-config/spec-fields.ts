/**
 * Unknown fields in an object's `spec`. The API server prunes fields a CRD's structural schema does
 * not declare (and `kubectl --validate=strict` refuses them), so a typo such as `weigth` would be
 * dropped without a word; the console names them instead. The field trees come from Istio's CRDs
 * (`spec-fields.gen.ts`, checked against `demo/kube-api/crds/crd-all.gen.yaml` by its test).
 */
import type { PathSegment } from "@/lib/validation/path";
import type { IstioKey } from "./kinds";
import { SPEC_FIELDS } from "./spec-fields.gen";

/** A schema's fields: `0` a scalar, `1` an object taking any keys, `"*"` any key with that subtree. */
export type FieldTree = { [key: string]: FieldTree | 0 | 1 };

/** The path (segments) of every field under `spec` that the kind's schema does not declare. */
export function unknownSpecFields(key: IstioKey, spec: unknown): PathSegment[][] {
  const out: PathSegment[][] = [];
  walk(SPEC_FIELDS[key], spec, ["spec"], out);
  return out;
}

function walk(tree: FieldTree | 0 | 1, value: unknown, path: PathSegment[], out: PathSegment[][]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(tree, v, [...path, i], out));
    return;
  }
  if (typeof tree !== "object" || !value || typeof value !== "object") return;
  for (const [k, v] of Object.entries(value)) {
    const child = Object.hasOwn(tree, k) ? tree[k] : tree["*"];
    if (child === undefined) out.push([...path, k]);
    else walk(child, v, [...path, k], out);
  }
}
