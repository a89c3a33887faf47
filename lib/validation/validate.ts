/**
 * The entry points: `validateMesh` judges a whole snapshot, `validateObject` one object (as an editor
 * holds it, applied or not) against the snapshot. Both take a raw snapshot or one prepared once with
 * `prepareMesh` (then judging a draft only parses the draft and runs the rules of its kind).
 */
import { type Config, parseConfig } from "./config";
import { type Context, withObject } from "./context";
import { isKnown, type MeshConfigInput } from "./input";
import { contextOf, type PreparedMesh } from "./prepared";
import { comparePaths, formatPath } from "./path";
import { ruleInfo } from "./registry";
import type { AnyRule, Rule } from "./rule";
import { RULES } from "./rules";
import { cmp, compareRefs, configKind, type ConfigKind, type Finding, type ObjectRef } from "./types";

/** Orders findings by object, path (indices numerically), code and message. */
export function compareFindings(a: Finding, b: Finding): number {
  return compareRefs(a.object, b.object) || comparePaths(a.path, b.path) || cmp(a.code, b.code) || cmp(a.message, b.message);
}

/** Sorted, without duplicates. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const unique = new Map<string, Finding>();
  for (const f of findings) {
    const key = JSON.stringify([f.code, f.object, f.path, f.message]);
    if (!unique.has(key)) unique.set(key, f);
  }
  return [...unique.values()].sort(compareFindings);
}

function runRule<K extends ConfigKind>(rule: Rule<K>, objects: readonly Config<K>[], ctx: Context, out: Finding[]): void {
  if (!rule.needs.every((n) => isKnown(ctx.input, n))) return;
  const info = ruleInfo(rule.code);
  if (!info) return;
  for (const obj of objects) {
    rule.check(obj, ctx, (path, message, related) => {
      const f: Finding = { code: rule.code, severity: info.severity, message, path: formatPath(path), object: { ...obj.ref } };
      if (related && related.length > 0) f.related = [...related].sort(compareRefs).map((r) => ({ ...r }));
      out.push(f);
    });
  }
}

function runAll(rules: readonly AnyRule[], ctx: Context, only?: Config): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    if (only) {
      if (rule.kind === only.ref.kind) runRule(rule as Rule, [only], ctx, out);
    } else {
      runRule(rule as Rule, ctx.config[rule.kind] as Config[], ctx, out);
    }
  }
  return sortFindings(out);
}

/** Every finding of the snapshot, sorted (see {@link compareFindings}). */
export function validateMesh(snapshot: MeshConfigInput | PreparedMesh): Finding[] {
  return runAll(RULES, contextOf(snapshot));
}

/** How `validateObject` places the object in the snapshot. */
export interface ValidateObjectOptions {
  /** Namespace of an object whose metadata has none (the namespace the editor is in). Default `default`. */
  namespace?: string;
  /** The object being edited, when its name or namespace changed in the editor: left out of the snapshot. */
  replaces?: ObjectRef;
}

/**
 * The findings of one object — an object of the snapshot, or one not applied yet — judged as if it
 * were applied (it replaces its own older version). `[]` for kinds validation has no rules for.
 */
export function validateObject(obj: unknown, snapshot: MeshConfigInput | PreparedMesh, options: ValidateObjectOptions = {}): Finding[] {
  const kind = configKind.safeParse(obj && typeof obj === "object" ? (obj as { kind?: unknown }).kind : undefined);
  if (!kind.success) return [];
  const parsed = parseConfig(kind.data, obj, options.namespace);
  const ctx = withObject(contextOf(snapshot), parsed, options.replaces);
  return runAll(RULES, ctx, parsed);
}
