/**
 * Everything wrong with the editor's text, in one list the editor marks inline and lists below it:
 * YAML syntax, the kind's schema, the object's identity against the page, validation findings, and
 * the API server's refusal of the last save. Each problem carries where it is in the text.
 */
import type { Document } from "yaml";
import type { Finding } from "@/lib/validation";
import { parsePath, type PathSegment } from "@/lib/validation/path";
import type { IstioKey } from "./kinds";
import type { FieldIssue } from "./write-input";
import { writeInput } from "./write-input";
import { rangeOfPath, type TextProblem } from "./yaml";

export type ProblemSource = "yaml" | "schema" | "object" | "validation" | "server";

/** One problem, located in the text when it can be (`from`/`to` offsets, 1-based `line`). */
export interface EditorProblem {
  source: ProblemSource;
  severity: "error" | "warning" | "info";
  message: string;
  /** The finding's code (`VS004`) for validation problems. */
  code?: string;
  /** The field at fault (`spec.http[0].route`). */
  path?: string;
  from?: number;
  to?: number;
  line?: number;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function located(text: string, range: { from: number; to: number }) {
  return { from: range.from, to: range.to, line: lineAt(text, range.from) };
}

/** YAML syntax problems. */
export function yamlProblems(text: string, problems: readonly TextProblem[]): EditorProblem[] {
  return problems.map((p) => ({ source: "yaml", severity: "error", message: p.message, ...located(text, p) }));
}

/** Problems at paths of the object (schema issues, server issues): placed at the path's node. */
export function pathProblems(
  source: ProblemSource,
  issues: ReadonlyArray<FieldIssue & { segments?: PathSegment[] }>,
  doc: Document.Parsed | undefined,
  text: string,
): EditorProblem[] {
  return issues.map((i) => {
    const segments = i.segments ?? parsePath(i.path) ?? [];
    const where = doc ? located(text, rangeOfPath(doc, text, segments)) : {};
    return { source, severity: "error", message: i.message, path: i.path, ...where };
  });
}

/** Validation findings, at their paths, with their own severity and code. */
export function findingProblems(findings: readonly Finding[], doc: Document.Parsed | undefined, text: string): EditorProblem[] {
  return findings.map((f) => {
    const where = doc ? located(text, rangeOfPath(doc, text, parsePath(f.path) ?? [])) : {};
    return { source: "validation", severity: f.severity, code: f.code, message: f.message, path: f.path, ...where };
  });
}

/**
 * The object's identity against the page it is edited on: kind, apiVersion, name and namespace
 * must be the page's (the same checks the API answers a write with). `name` is undefined when
 * creating.
 */
export function identityProblems(
  object: Record<string, unknown>,
  target: { key: IstioKey; namespace: string; name?: string },
  doc: Document.Parsed,
  text: string,
): EditorProblem[] {
  const input = writeInput({ object }, target);
  if (input.ok) return [];
  const identity = input.issues.filter((i) => ["kind", "apiVersion", "metadata", "metadata.name", "metadata.namespace", "metadata.resourceVersion"].includes(i.path));
  return pathProblems("object", identity, doc, text);
}

const ORDER: Record<EditorProblem["severity"], number> = { error: 0, warning: 1, info: 2 };

/** Problems in text order (unlocated last), errors before warnings on the same spot. */
export function sortProblems(problems: readonly EditorProblem[]): EditorProblem[] {
  return [...problems].sort((a, b) => (a.from ?? Infinity) - (b.from ?? Infinity) || ORDER[a.severity] - ORDER[b.severity]);
}
