/**
 * Field paths as Kubernetes prints them in validation causes: `spec.http[0].route[0].weight`.
 */

/** Joins path segments; numbers become `[n]`. */
export function formatFieldPath(segments: readonly (string | number)[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else out += out ? `.${s}` : s;
  }
  return out;
}

/** Converts an ajv instancePath (`/spec/http/0/route`) to segments. */
export function segmentsOfPointer(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
