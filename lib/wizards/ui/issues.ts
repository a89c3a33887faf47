import type { z } from "zod";

/**
 * Errors of a wizard's form keyed by the field's path inside the input (`weights.0.weight`,
 * `delay.percentage`; `""` for the form as a whole), whether they come from the input schema as the
 * user types or from the server's 422 (`issues[].path` like `input.weights.0.weight`).
 */
export type FieldErrors = Record<string, string[]>;

export interface Issue {
  path: string;
  message: string;
}

function add(out: FieldErrors, key: string, message: string): void {
  const list = (out[key] ??= []);
  if (!list.includes(message)) list.push(message);
}

/**
 * The server's 422 issues as field errors. Paths under `input` lose that prefix (the form's fields are
 * the input's); anything else (`target.service`, `expected.0`, a path the form has no field for) is
 * kept whole, to be shown with the form's own errors by {@link otherErrors}.
 */
export function serverFieldErrors(issues: readonly Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const p = i.path.replace(/\[(\d+)\]/g, ".$1").replace(/^\./, "");
    const key = p === "input" ? "" : p.startsWith("input.") ? p.slice("input.".length) : p;
    add(out, key, i.message);
  }
  return out;
}

/** The schema's complaints about `input`, keyed like {@link serverFieldErrors}; `{}` when it is valid. */
export function schemaFieldErrors(schema: z.ZodType, input: unknown): FieldErrors {
  const r = schema.safeParse(input);
  const out: FieldErrors = {};
  if (r.success) return out;
  for (const i of r.error.issues) add(out, i.path.map(String).join("."), plainMessage(i.message));
  return out;
}

/** zod's generic wording for a number field left blank or mistyped (the form sends NaN), in the inputs' voice. */
function plainMessage(message: string): string {
  return /expected number, received NaN/i.test(message) ? "must be a number" : message;
}

/** Both sets together (client first); duplicates dropped. */
export function mergeErrors(...sets: readonly FieldErrors[]): FieldErrors {
  const out: FieldErrors = {};
  for (const s of sets) for (const [k, ms] of Object.entries(s)) for (const m of ms) add(out, k, m);
  return out;
}

/** True when there is no error at all. */
export function isValid(errors: FieldErrors): boolean {
  return Object.values(errors).every((ms) => ms.length === 0);
}

/**
 * The first message of one field (undefined when it has none): one reason at a time, as the first is
 * the one that matters (a malformed duration also fails "must be longer than 0").
 */
export function errorAt(errors: FieldErrors, key: string): string | undefined {
  return errors[key]?.[0];
}

/** The first message of each path at or under a field (`principals` takes `principals.2`), joined. */
export function errorUnder(errors: FieldErrors, key: string): string | undefined {
  const ms = Object.entries(errors)
    .filter(([k, m]) => (k === key || k.startsWith(`${key}.`)) && m.length > 0)
    .map(([, m]) => m[0] as string);
  return ms.length > 0 ? [...new Set(ms)].join("; ") : undefined;
}

/**
 * The errors no field shows: the form's own (`""`) and those whose path is not among `shown` (exact
 * keys) nor under one of `shownTrees`; written `path: message` so the user still knows where.
 */
export function otherErrors(errors: FieldErrors, shown: readonly string[], shownTrees: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const [k, ms] of Object.entries(errors)) {
    if (shown.includes(k) || shownTrees.some((t) => k === t || k.startsWith(`${t}.`))) continue;
    for (const m of ms) out.push(k === "" ? m : `${k}: ${m}`);
  }
  return out;
}
