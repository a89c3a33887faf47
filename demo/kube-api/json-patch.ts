/**
 * JSON patch (RFC 6902, `application/json-patch+json`) with JSON pointers (RFC 6901).
 * Operations: add, remove, replace, move, copy, test.
 */
import { clone, deepEqual, isRecord } from "./json";

/** A patch that cannot be decoded (the server answers 400) or applied (422). */
export class PatchError extends Error {
  constructor(
    message: string,
    readonly malformed = false,
  ) {
    super(message);
    this.name = "PatchError";
  }
}

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
  hasValue: boolean;
}

function decodePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new PatchError(`invalid JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Decodes a JSON patch document; throws a malformed {@link PatchError} when it is not one. */
export function decodeJsonPatch(patch: unknown): Operation[] {
  if (!Array.isArray(patch)) {
    throw new PatchError("json: cannot unmarshal object into Go value of type jsonpatch.Patch", true);
  }
  return patch.map((raw) => {
    if (!isRecord(raw) || typeof raw["op"] !== "string" || typeof raw["path"] !== "string") {
      throw new PatchError(`invalid JSON patch operation: ${JSON.stringify(raw)}`, true);
    }
    const op: Operation = { op: raw["op"], path: raw["path"], hasValue: "value" in raw, value: raw["value"] };
    if (typeof raw["from"] === "string") op.from = raw["from"];
    return op;
  });
}

type Container = Record<string, unknown> | unknown[];

/** Resolves the parent container and last key of a pointer. */
function locate(doc: unknown, pointer: string, opName: string): { parent: Container; key: string } {
  const parts = decodePointer(pointer);
  const key = parts.pop();
  if (key === undefined) throw new PatchError(`${opName} operation does not apply: the root cannot be targeted`);
  let current: unknown = doc;
  for (const part of parts) {
    if (Array.isArray(current)) {
      const i = Number(part);
      if (!/^\d+$/.test(part) || i >= current.length) {
        throw new PatchError(`${opName} operation does not apply: doc is missing path: "${pointer}"`);
      }
      current = current[i];
    } else if (isRecord(current) && part in current) {
      current = current[part];
    } else {
      throw new PatchError(`${opName} operation does not apply: doc is missing path: "${pointer}"`);
    }
  }
  if (!Array.isArray(current) && !isRecord(current)) {
    throw new PatchError(`${opName} operation does not apply: doc is missing path: "${pointer}"`);
  }
  return { parent: current, key };
}

function arrayIndex(arr: unknown[], key: string, pointer: string, opName: string, allowEnd: boolean): number {
  if (key === "-" && allowEnd) return arr.length;
  const i = Number(key);
  if (!/^\d+$/.test(key) || i > arr.length || (!allowEnd && i === arr.length)) {
    throw new PatchError(`${opName} operation does not apply: index out of range: "${pointer}"`);
  }
  return i;
}

function read(doc: unknown, pointer: string, opName: string): unknown {
  if (pointer === "") return doc;
  const { parent, key } = locate(doc, pointer, opName);
  if (Array.isArray(parent)) return parent[arrayIndex(parent, key, pointer, opName, false)];
  if (!(key in parent)) throw new PatchError(`${opName} operation does not apply: doc is missing key: ${pointer}`);
  return parent[key];
}

function add(doc: unknown, pointer: string, value: unknown): unknown {
  if (pointer === "") return value;
  const { parent, key } = locate(doc, pointer, "add");
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, pointer, "add", true), 0, value);
  else parent[key] = value;
  return doc;
}

function remove(doc: unknown, pointer: string, opName = "remove"): unknown {
  const { parent, key } = locate(doc, pointer, opName);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, pointer, opName, false), 1);
  else {
    if (!(key in parent)) throw new PatchError(`${opName} operation does not apply: doc is missing key: ${pointer}`);
    delete parent[key];
  }
  return doc;
}

/** Applies a JSON patch; the input document is not changed. Throws {@link PatchError}. */
export function applyJsonPatch(document: unknown, patch: unknown): unknown {
  let doc = clone(document);
  for (const op of decodeJsonPatch(patch)) {
    switch (op.op) {
      case "add":
        if (!op.hasValue) throw new PatchError("add operation missing value", true);
        doc = add(doc, op.path, clone(op.value));
        break;
      case "remove":
        doc = remove(doc, op.path);
        break;
      case "replace":
        if (!op.hasValue) throw new PatchError("replace operation missing value", true);
        if (op.path === "") doc = clone(op.value);
        else {
          read(doc, op.path, "replace");
          doc = remove(doc, op.path, "replace");
          doc = add(doc, op.path, clone(op.value));
        }
        break;
      case "move": {
        if (op.from === undefined) throw new PatchError("move operation missing from", true);
        const value = read(doc, op.from, "move");
        doc = remove(doc, op.from, "move");
        doc = add(doc, op.path, value);
        break;
      }
      case "copy": {
        if (op.from === undefined) throw new PatchError("copy operation missing from", true);
        doc = add(doc, op.path, clone(read(doc, op.from, "copy")));
        break;
      }
      case "test": {
        const actual = op.path === "" ? doc : read(doc, op.path, "test");
        if (!deepEqual(actual, op.value)) throw new PatchError(`testing value ${op.path} failed: test failed`);
        break;
      }
      default:
        throw new PatchError(`Unexpected kind: ${op.op}`, true);
    }
  }
  return doc;
}
