import { z } from "zod";
import { GoParseError } from "./go-parse";

const stringMap = z.record(z.string(), z.string());

function goJsonKind(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  if (typeof value === "object") return "object";
  return typeof value === "boolean" ? "bool" : typeof value;
}

/**
 * Decodes a JSON object of strings the way Go's `json.Unmarshal` into `map[string]string` does
 * (`null` is an empty map), for Jaeger's `tags` and `query.attributes` parameters.
 * @throws GoParseError with a Go-style message (syntax errors carry V8's wording instead of Go's).
 */
export function parseJsonStringMap(text: string): Record<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new GoParseError(text.trim() === "" ? "unexpected end of JSON input" : (e as Error).message);
  }
  if (raw === null) return {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new GoParseError(`json: cannot unmarshal ${goJsonKind(raw)} into Go value of type map[string]string`);
  }
  const parsed = stringMap.safeParse(raw);
  if (parsed.success) return parsed.data;
  const bad = Object.entries(raw).find(([, v]) => typeof v !== "string");
  throw new GoParseError(`json: cannot unmarshal ${goJsonKind(bad?.[1])} into Go value of type string`);
}
