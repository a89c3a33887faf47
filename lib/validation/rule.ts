/**
 * A rule: one check, reported under one code of the registry, on objects of one kind. Rules are pure;
 * the engine gives them the indexed snapshot and a `report` callback that fills in the code, the
 * severity (from the registry) and the object.
 */
import type { Config } from "./config";
import type { Context } from "./context";
import type { InputNeed } from "./input";
import type { PathSegment } from "./path";
import type { ValidationCode } from "./registry";
import type { ConfigKind, ObjectRef } from "./types";

/** Reports a finding at `path` of the object being checked. */
export type Report = (path: readonly PathSegment[], message: string, related?: readonly ObjectRef[]) => void;

/** A rule of kind `K` (see the module comment). */
export interface Rule<K extends ConfigKind = ConfigKind> {
  code: ValidationCode;
  kind: K;
  /** Lists of the snapshot the rule cannot judge without; the rule is skipped when one is unknown. */
  needs: readonly InputNeed[];
  check(obj: Config<K>, ctx: Context, report: Report): void;
}

/** Any rule, whatever its kind. */
export type AnyRule = { [K in ConfigKind]: Rule<K> }[ConfigKind];

/** Declares a rule (the identity, for type inference of its kind). */
export function defineRule<K extends ConfigKind>(rule: Rule<K>): Rule<K> {
  return rule;
}
