/**
 * Paths of findings inside an object: `spec.http[0].route[1].weight`. Keys that are not plain
 * identifiers are quoted, `spec.selector.matchLabels["app.kubernetes.io/name"]`, so a path can
 * always be split back into segments (e.g. to find the YAML node an editor should mark).
 */

/** A key or a list index. */
export type PathSegment = string | number;

const IDENT = /^[A-Za-z_$][\w$-]*$/;

/** Joins segments into a path string. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (IDENT.test(s)) out += out === "" ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Splits a path made by {@link formatPath} into its segments; `undefined` when it is malformed. */
export function parsePath(path: string): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  const re = /(?:^|\.)([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let i = 0;
  while (i < path.length) {
    re.lastIndex = i;
    const m = re.exec(path);
    if (!m) return undefined;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(m[3]) as string);
    i = re.lastIndex;
  }
  return out;
}

/** Orders paths segment by segment, indices numerically (`[2]` before `[10]`). */
export function comparePaths(a: string, b: string): number {
  const pa = parsePath(a);
  const pb = parsePath(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as PathSegment;
    const y = pb[i] as PathSegment;
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return -1;
    if (typeof y === "number") return 1;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
