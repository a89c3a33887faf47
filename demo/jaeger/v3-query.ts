import type { TraceQuery } from "../tracing/span-store";
import { GoParseError, parseGoBool, parseGoDuration, parseGoUint, parseRfc3339Nano } from "./go-parse";
import { parseJsonStringMap } from "./json-string-map";

/** Number of traces a v3 search returns when `query.searchDepth` is absent. */
export const V3_DEFAULT_SEARCH_DEPTH = 100;

/**
 * A v3 request Jaeger refuses after parsing: `status` is 400 for a malformed query, 501 for one the
 * storage cannot serve (a search without a service name).
 */
export class V3QueryError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "V3QueryError";
  }
}

/**
 * Jaeger's `getQueryParam`: the canonical camelCase name first, then the deprecated snake_case
 * aliases. Returns the value and the name it was read under (used in error messages).
 */
export function getV3Param(q: URLSearchParams, ...names: [string, ...string[]]): [value: string, name: string] {
  for (const name of names) {
    const v = q.get(name) ?? "";
    if (v !== "") return [v, name];
  }
  return ["", names[names.length - 1] ?? names[0]];
}

function malformed(name: string, e: unknown): V3QueryError {
  return new V3QueryError(400, `malformed parameter ${name}: ${(e as Error).message}`);
}

/** Runs a Go-style parser, reporting failures as `malformed parameter <name>: …`. */
export function parseV3Param<T>(value: string, name: string, parse: (s: string) => T): T {
  try {
    return parse(value);
  } catch (e) {
    if (e instanceof GoParseError) throw malformed(name, e);
    throw e;
  }
}

/**
 * Parses the query string of `GET /api/v3/traces` and `/api/v3/trace-summaries` with the names,
 * aliases and messages of Jaeger's `parseFindTracesQuery` and the query service's checks.
 * `query.filter` and pagination are not supported and are ignored.
 * @throws V3QueryError
 */
export function parseV3FindTraces(q: URLSearchParams): TraceQuery {
  const [serviceName] = getV3Param(q, "query.serviceName", "query.service_name");
  const [operationName] = getV3Param(q, "query.operationName", "query.operation_name");
  const attributesText = q.get("query.attributes") ?? "";
  const attributes = attributesText === "" ? {} : parseV3Param(attributesText, "query.attributes", parseJsonStringMap);
  const [minText, minName] = getV3Param(q, "query.startTimeMin", "query.start_time_min");
  const [maxText, maxName] = getV3Param(q, "query.startTimeMax", "query.start_time_max");
  const min = minText === "" ? undefined : parseV3Param(minText, minName, parseRfc3339Nano);
  const max = maxText === "" ? undefined : parseV3Param(maxText, maxName, parseRfc3339Nano);
  const [depthText, depthName] = getV3Param(q, "query.searchDepth", "query.search_depth", "query.num_traces");
  const depth = depthText === "" ? 0 : Number(parseV3Param(depthText, depthName, (s) => parseGoUint(s, 10, 32)));
  const [dMinText, dMinName] = getV3Param(q, "query.durationMin", "query.duration_min");
  const [dMaxText, dMaxName] = getV3Param(q, "query.durationMax", "query.duration_max");
  const durationMinNs = dMinText === "" ? 0 : parseV3Param(dMinText, dMinName, parseGoDuration);
  const durationMaxNs = dMaxText === "" ? 0 : parseV3Param(dMaxText, dMaxName, parseGoDuration);
  const [rawText, rawName] = getV3Param(q, "query.rawTraces", "query.raw_traces");
  if (rawText !== "") parseV3Param(rawText, rawName, parseGoBool);

  if (!min || !max) throw new V3QueryError(400, "min and max start time are required");
  if (serviceName === "") throw new V3QueryError(501, "this trace storage requires a service name to search for traces");

  const query: TraceQuery = {
    serviceName,
    // Span start times are whole microseconds: round the bounds inwards.
    startTimeMinUs: min.us + (min.extraNs > 0 ? 1 : 0),
    startTimeMaxUs: max.us,
    limit: depth > 0 ? depth : V3_DEFAULT_SEARCH_DEPTH,
  };
  if (operationName !== "") query.operationName = operationName;
  if (Object.keys(attributes).length > 0) query.tags = attributes;
  if (durationMinNs !== 0) query.durationMinUs = Math.ceil(durationMinNs / 1000);
  if (durationMaxNs !== 0) query.durationMaxUs = Math.floor(durationMaxNs / 1000);
  return query;
}
