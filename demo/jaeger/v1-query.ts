import type { TraceQuery } from "../tracing/span-store";
import { GoParseError, parseGoDuration, parseGoInt } from "./go-parse";
import { parseJsonStringMap } from "./json-string-map";
import { parseTraceIdHex, traceIdToHex32 } from "./trace-id";

/** Jaeger's `defaultQueryLimit`. */
export const V1_DEFAULT_LIMIT = 100;
/** Jaeger's `defaultTraceQueryLookbackDuration` (2 days), used when `start` is absent. */
const DEFAULT_LOOKBACK_US = 2 * 24 * 3600 * 1e6;

/** A parsed `GET /api/traces`: either a search or a list of trace IDs (32 hex digits each). */
export type V1SearchRequest = { kind: "search"; query: TraceQuery } | { kind: "ids"; traceIds: string[] };

/** `start`/`end`: integer microseconds since the epoch (Jaeger's `parseTime`). */
export function parseMicrosParam(q: URLSearchParams, name: string, fallbackUs: number): number {
  const value = q.get(name) ?? "";
  if (value === "") return fallbackUs;
  try {
    return parseGoInt(value, 64);
  } catch (e) {
    throw new GoParseError(`unable to parse param '${name}': ${(e as Error).message}`);
  }
}

/** `minDuration`/`maxDuration` as Go durations, in nanoseconds; 0 when absent. */
function parseDurationParam(q: URLSearchParams, name: string): number {
  const value = q.get(name) ?? "";
  if (value === "") return 0;
  try {
    return parseGoDuration(value);
  } catch (e) {
    throw new GoParseError(`unable to parse param '${name}': ${(e as Error).message}`);
  }
}

/** Repeated `tag=key:value` and `tags={json}` (Jaeger's `parseTags`). */
function parseTags(q: URLSearchParams): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const tag of q.getAll("tag")) {
    const [key = "", ...rest] = tag.split(":");
    if (rest.length === 0) throw new GoParseError(`malformed 'tag' parameter, expecting key:value, received: ${tag}`);
    tags[key] = rest.join(":");
  }
  for (const json of q.getAll("tags")) {
    try {
      Object.assign(tags, parseJsonStringMap(json));
    } catch (e) {
      throw new GoParseError(`malformed 'tags' parameter, cannot unmarshal JSON: ${(e as Error).message}`);
    }
  }
  return tags;
}

/**
 * Parses the query string of `GET /api/traces` with the rules and messages of Jaeger's
 * `parseTraceQueryParams`. `lookback` is accepted and ignored, as in Jaeger (the UI turns it into
 * `start`/`end` itself).
 * @throws GoParseError for anything Jaeger answers with 400.
 */
export function parseV1Search(q: URLSearchParams, nowUs: number): V1SearchRequest {
  const service = q.get("service") ?? "";
  const operation = q.get("operation") ?? "";
  const startUs = parseMicrosParam(q, "start", nowUs - DEFAULT_LOOKBACK_US);
  const endUs = parseMicrosParam(q, "end", nowUs);
  const tags = parseTags(q);
  const limitText = q.get("limit") ?? "";
  const limit = limitText === "" ? V1_DEFAULT_LIMIT : parseGoInt(limitText, 32);
  const minNs = parseDurationParam(q, "minDuration");
  const maxNs = parseDurationParam(q, "maxDuration");
  const traceIds = q.getAll("traceID").map((id) => {
    try {
      return traceIdToHex32(parseTraceIdHex(id));
    } catch (e) {
      throw new GoParseError(`cannot parse traceID param: ${(e as Error).message}`);
    }
  });
  if (traceIds.length === 0 && service === "") throw new GoParseError("parameter 'service' is required");
  if (minNs !== 0 && maxNs !== 0 && maxNs < minNs) {
    throw new GoParseError("'maxDuration' should be greater than 'minDuration'");
  }
  if (traceIds.length > 0) return { kind: "ids", traceIds };
  const query: TraceQuery = { serviceName: service, startTimeMinUs: startUs, startTimeMaxUs: endUs, limit };
  if (operation !== "") query.operationName = operation;
  if (Object.keys(tags).length > 0) query.tags = tags;
  // Span durations are whole microseconds: round the bounds inwards.
  if (minNs !== 0) query.durationMinUs = Math.ceil(minNs / 1000);
  if (maxNs !== 0) query.durationMaxUs = Math.floor(maxNs / 1000);
  return { kind: "search", query };
}
