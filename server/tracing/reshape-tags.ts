import "server-only";
import type { SpanKind, SpanTag } from "@/lib/tracing/model";
import type { V1KeyValue } from "./v1-schema";

const INT = /^-?[0-9]+$/;
const FLOAT_WORDS = new Set(["NaN", "Infinity", "-Infinity"]);

/**
 * One v1 tag in the domain form. `int64` values become exact decimal strings: Jaeger already writes
 * those beyond 2^53 as strings; a JSON number past 2^53 has lost digits before it reaches us, which is
 * said in `warnings`.
 */
export function reshapeV1Tag(kv: V1KeyValue, warnings: string[]): SpanTag {
  const { key, value } = kv;
  switch (kv.type) {
    case "bool":
      return { key, type: "bool", value: value === true || value === "true" };
    case "int64":
      if (typeof value === "number" && Number.isInteger(value)) {
        if (!Number.isSafeInteger(value)) warnings.push(`tag ${key}: int64 sent as a JSON number beyond 2^53, digits may be lost`);
        return { key, type: "int64", value: BigInt(value).toString() };
      }
      if (typeof value === "string" && INT.test(value)) return { key, type: "int64", value: BigInt(value).toString() };
      break;
    case "float64":
      if (typeof value === "number") return { key, type: "float64", value };
      if (typeof value === "string" && FLOAT_WORDS.has(value)) return { key, type: "float64", value: value as "NaN" | "Infinity" | "-Infinity" };
      if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return { key, type: "float64", value: Number(value) };
      break;
    case "binary":
      if (typeof value === "string") return { key, type: "binary", value };
      break;
    case "string":
      return { key, type: "string", value: value === null ? "" : String(value) };
  }
  warnings.push(`tag ${key}: unexpected ${kv.type} value ${JSON.stringify(value)}, shown as a string`);
  return { key, type: "string", value: value === null ? "" : String(value) };
}

const KINDS: Record<string, SpanKind> = { client: "client", server: "server", producer: "producer", consumer: "consumer", internal: "internal" };

/**
 * Folds the tags that Jaeger's v1 model uses for what OTLP has fields for: `span.kind` into the kind,
 * `error` (`true`/`"true"`, as Jaeger UI reads it) and `otel.status_code=ERROR` into the error flag.
 * A string `error` tag other than true/false is an error message (Zipkin style): kept, and an error.
 */
export function foldV1Tags(tags: SpanTag[]): { tags: SpanTag[]; kind: SpanKind; error: boolean } {
  let kind: SpanKind = "unspecified";
  let error = false;
  const rest: SpanTag[] = [];
  for (const t of tags) {
    if (t.key === "span.kind" && t.type === "string" && KINDS[t.value]) kind = KINDS[t.value]!;
    else if (t.key === "error" && t.type === "bool") error ||= t.value;
    else if (t.key === "error" && t.type === "string" && (t.value === "true" || t.value === "false")) error ||= t.value === "true";
    else if (t.key === "otel.status_code" && t.type === "string") error ||= t.value === "ERROR";
    else {
      if (t.key === "error" && t.type === "string") error = true;
      rest.push(t);
    }
  }
  return { tags: sortTags(rest), kind, error };
}

/** Tags sorted by key (stable), as Jaeger's `SortTagsAndLogFields` adjuster leaves them. */
export function sortTags(tags: SpanTag[]): SpanTag[] {
  return [...tags].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Log fields: `event` first, the rest sorted by key (Jaeger's adjuster does the same). */
export function sortLogFields(fields: SpanTag[]): SpanTag[] {
  const sorted = sortTags(fields);
  const event = sorted.findIndex((f) => f.key === "event");
  if (event > 0) sorted.unshift(...sorted.splice(event, 1));
  return sorted;
}
