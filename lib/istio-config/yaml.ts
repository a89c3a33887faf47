/**
 * YAML for the editor: objects shown as YAML without the fields nobody edits, and YAML parsed back
 * into an object with the position of every problem, so the editor can mark the line at fault.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, stringify, type Document, type Node } from "yaml";
import type { PathSegment } from "@/lib/validation/path";

/** A problem located in the text: offsets `from`–`to` (0-based, `to` exclusive). */
export interface TextProblem {
  from: number;
  to: number;
  message: string;
}

/**
 * The object without `metadata.managedFields` (noise) and `status` (written by controllers, not
 * people), with `apiVersion`, `kind`, `metadata` and `spec` first, as people write them.
 */
export function editableObject(obj: Record<string, unknown>): Record<string, unknown> {
  const { status: _status, apiVersion, kind, metadata, spec, ...rest } = obj;
  const head = { apiVersion, kind };
  const meta = metadata && typeof metadata === "object" ? (({ managedFields: _m, ...m }) => m)(metadata as Record<string, unknown>) : metadata;
  return Object.fromEntries(Object.entries({ ...head, metadata: meta, spec, ...rest }).filter(([, v]) => v !== undefined));
}

/** The object as YAML for the editor (see {@link editableObject}); long strings are not folded. */
export function toEditorYaml(obj: Record<string, unknown>): string {
  return stringify(editableObject(obj), { lineWidth: 0 });
}

/** A parsed editor text: the object and the document (for positions), or the problems. */
export type ParsedYaml =
  | { ok: true; object: Record<string, unknown>; doc: Document.Parsed }
  | { ok: false; problems: TextProblem[] };

/**
 * Parses the editor's text: exactly one YAML document holding a mapping. Syntax errors (and
 * duplicate keys) come with their position.
 */
export function parseObjectYaml(text: string): ParsedYaml {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return { ok: false, problems: [{ from: 0, to: Math.min(text.length, 1), message: "Empty document: write one object" }] };
  const problems: TextProblem[] = docs.flatMap((d) => d.errors.map((e) => ({ from: e.pos[0], to: Math.max(e.pos[1], e.pos[0] + 1), message: e.message.split("\n")[0] ?? e.message })));
  if (problems.length > 0) return { ok: false, problems: clamp(problems, text.length) };
  const nonEmpty = docs.filter((d) => d.contents !== null);
  const second = nonEmpty[1];
  if (second) {
    const at = second.range[0];
    return { ok: false, problems: clamp([{ from: at, to: at + 1, message: "One object per editor: remove the second YAML document" }], text.length) };
  }
  const doc = nonEmpty[0];
  if (!doc || !isMap(doc.contents)) {
    const from = doc?.range[0] ?? 0;
    return { ok: false, problems: clamp([{ from, to: from + 1, message: "The object must be a YAML mapping (apiVersion, kind, metadata, spec)" }], text.length) };
  }
  const object = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  return { ok: true, object, doc };
}

function clamp(problems: TextProblem[], length: number): TextProblem[] {
  return problems.map((p) => {
    const from = Math.max(0, Math.min(p.from, length));
    return { ...p, from, to: Math.max(from, Math.min(p.to, length)) };
  });
}

/**
 * Where a path (e.g. of a finding, `spec.http[0].route`) is in the text: the key of the deepest
 * mapping entry or list item on the path that exists, cut to its first line. A path into a missing
 * field points at its closest existing parent; an empty path at the first line.
 */
export function rangeOfPath(doc: Document.Parsed, text: string, path: readonly PathSegment[]): { from: number; to: number } {
  let node: unknown = doc.contents;
  let mark: [number, number] | undefined;
  for (const seg of path) {
    if (typeof seg === "string" && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      const key = pair.key as Node;
      if (key.range) mark = [key.range[0], key.range[1]];
      node = pair.value;
    } else if (typeof seg === "number" && isSeq(node)) {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      if (item.range) mark = [item.range[0], item.range[1]];
      node = item;
    } else {
      break;
    }
  }
  const [from, to] = mark ?? [doc.range[0], doc.range[0]];
  const lineEnd = text.indexOf("\n", from);
  const end = Math.min(to, lineEnd < 0 ? text.length : lineEnd);
  return end > from ? { from, to: end } : { from, to: Math.min(text.length, from + 1) };
}
