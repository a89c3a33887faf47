/**
 * Structural comparison of JSON documents for the wire-format tests: infer the shape of a real
 * Jaeger answer (which keys each object has, which JSON types each path holds) and list where
 * another document departs from it.
 */

export type JsonType = "null" | "boolean" | "number" | "string" | "array" | "object";

export interface ShapeOptions {
  /** Paths of objects used as maps (e.g. `$.processes`): their keys are data, written `*`. */
  mapPaths?: string[];
  /**
   * Keys that may be present or absent at a path beyond what the fixture shows (proto3/omitempty
   * zero values), with the JSON type they must have when present.
   */
  optionalKeys?: Record<string, Record<string, JsonType>>;
  /** Paths to check against another fixture path, e.g. process tags against span tags when the fixture's processes have none. */
  sameAs?: Record<string, string>;
  /** Extra JSON types allowed at a path (e.g. `null` for an empty Go slice). */
  extraTypes?: Record<string, JsonType[]>;
  /** Subtrees the fixture has no example of (checked by other tests); not compared. */
  unchecked?: string[];
}

export interface Shape {
  types: Map<string, Set<JsonType>>;
  keys: Map<string, { all: Set<string>; always: Set<string> }>;
  options: ShapeOptions;
}

function typeOf(v: unknown): JsonType {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  const t = typeof v;
  if (t === "boolean" || t === "number" || t === "string") return t;
  return "object";
}

function walk(value: unknown, path: string, opts: ShapeOptions, visit: (path: string, value: unknown) => void): void {
  visit(path, value);
  if (Array.isArray(value)) {
    for (const item of value) walk(item, `${path}[]`, opts, visit);
  } else if (value !== null && typeof value === "object") {
    const isMap = opts.mapPaths?.includes(path) ?? false;
    for (const [k, v] of Object.entries(value)) walk(v, `${path}.${isMap ? "*" : k}`, opts, visit);
  }
}

/** Learns the shape of a reference document (a fixture from a real Jaeger). */
export function inferShape(fixture: unknown, options: ShapeOptions = {}): Shape {
  const shape: Shape = { types: new Map(), keys: new Map(), options };
  walk(fixture, "$", options, (path, value) => {
    const types = shape.types.get(path) ?? new Set<JsonType>();
    types.add(typeOf(value));
    shape.types.set(path, types);
    if (typeOf(value) !== "object" || options.mapPaths?.includes(path)) return;
    const keys = Object.keys(value as object);
    const seen = shape.keys.get(path);
    if (!seen) shape.keys.set(path, { all: new Set(keys), always: new Set(keys) });
    else {
      for (const k of keys) seen.all.add(k);
      for (const k of seen.always) if (!keys.includes(k)) seen.always.delete(k);
    }
  });
  return shape;
}

/**
 * Lists how `actual` departs from `shape`: paths the fixture never has, JSON types it never
 * shows at a path, objects missing a key the fixture always has, or carrying one it never has.
 * An empty list means the document has the fixture's structure.
 */
export function shapeMismatches(actual: unknown, shape: Shape): string[] {
  const problems: string[] = [];
  const { optionalKeys = {}, extraTypes = {}, unchecked = [], sameAs = {} } = shape.options;
  const under = (path: string, root: string) => path === root || path.startsWith(`${root}[]`) || path.startsWith(`${root}.`);
  const rewrite = (path: string) => {
    const from = Object.keys(sameAs).find((p) => under(path, p));
    return from === undefined ? path : `${sameAs[from]}${path.slice(from.length)}`;
  };
  walk(actual, "$", shape.options, (actualPath, value) => {
    const path = rewrite(actualPath);
    if (unchecked.some((u) => under(path, u))) return;
    const t = typeOf(value);
    const dot = path.lastIndexOf(".");
    const declared = dot > 0 ? optionalKeys[path.slice(0, dot)]?.[path.slice(dot + 1)] : undefined;
    const allowed = shape.types.get(path) ?? (declared ? new Set([declared]) : undefined);
    if (!allowed) {
      problems.push(`${path}: not in the fixture`);
      return;
    }
    if (!allowed.has(t) && !(extraTypes[path] ?? []).includes(t)) {
      problems.push(`${path}: ${t}, fixture has ${[...allowed].join("|")}`);
    }
    const keys = shape.keys.get(path);
    if (t !== "object" || !keys) return;
    const optional = new Set(Object.keys(optionalKeys[path] ?? {}));
    const present = new Set(Object.keys(value as object));
    for (const k of keys.always) if (!present.has(k) && !optional.has(k)) problems.push(`${path}: missing key ${k}`);
    for (const k of present) if (!keys.all.has(k) && !optional.has(k)) problems.push(`${path}: extra key ${k}`);
  });
  return problems;
}

/** Every path of `shape` that `actual` never reaches (to show a comparison covered the fixture). */
export function uncoveredPaths(actual: unknown, shape: Shape): string[] {
  const reached = new Set<string>();
  walk(actual, "$", shape.options, (path) => reached.add(path));
  return [...shape.types.keys()].filter((p) => !reached.has(p));
}
