import "server-only";
import type { PromSample, PromSeries } from "@/lib/promql/types";

/**
 * Readers of Prometheus's result arrays (https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats).
 *
 * The envelope is parsed with zod (query.ts); the samples are checked here in plain loops, because zod
 * validating each of 100k+ samples (an all-namespace health or graph query) cost more than a second,
 * as much as Prometheus took to answer. The checks are as strict as the schemas they replace: every
 * label value a string, every value a `[number, string]` pair, anything else is refused with the path
 * of the first bad element. Label objects are used as parsed, not copied.
 */

/** An answer that is not what Prometheus's API promises; `path` (from the result) names the first bad element. */
export class ResultShapeError extends Error {
  constructor(
    readonly path: Array<string | number>,
    readonly detail: string,
  ) {
    super(`unexpected result shape at ${["result", ...path].join(".")}: ${detail}`);
    this.name = "ResultShapeError";
  }
}

/**
 * Prometheus's sample value: a string, because JSON has no NaN or infinities.
 */
export function parseSampleValue(v: string): number {
  switch (v) {
    case "NaN":
      return NaN;
    case "+Inf":
    case "Inf":
      return Infinity;
    case "-Inf":
      return -Infinity;
    default:
      return Number(v);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// The checks take the element's position and build a path only when they fail.
type Path = Array<string | number>;

/** The `metric` of the i-th element. */
function labels(v: unknown, i: number): Record<string, string> {
  if (!isObject(v)) throw new ResultShapeError([i, "metric"], "expected an object of labels");
  for (const k in v) {
    if (typeof v[k] !== "string") throw new ResultShapeError([i, "metric", k], "expected a string label value");
  }
  return v as Record<string, string>;
}

/** A `[unix seconds, "value"]` pair, checked. */
function isPoint(v: unknown): v is [number, string] {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === "number" && typeof v[1] === "string";
}

function badPoint(v: unknown, at: Path): ResultShapeError {
  if (!Array.isArray(v) || v.length !== 2) return new ResultShapeError(at, "expected a [time, value] pair");
  if (typeof v[0] !== "number") return new ResultShapeError([...at, 0], "expected a number");
  return new ResultShapeError([...at, 1], "expected a string");
}

function list(v: unknown, at: Path): unknown[] {
  if (!Array.isArray(v)) throw new ResultShapeError(at, "expected an array");
  return v;
}

function element(v: unknown, i: number): Record<string, unknown> {
  if (!isObject(v)) throw new ResultShapeError([i], "expected an object");
  return v;
}

/** A `vector` result as samples. */
export function readVector(result: unknown): PromSample[] {
  const rows = list(result, []);
  const out = new Array<PromSample>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = element(rows[i], i);
    const p = r.value;
    if (!isPoint(p)) throw badPoint(p, [i, "value"]);
    out[i] = { metric: labels(r.metric, i), value: parseSampleValue(p[1]) };
  }
  return out;
}

/** A `scalar` result as one sample without labels. */
export function readScalar(result: unknown): PromSample[] {
  if (!isPoint(result)) throw badPoint(result, []);
  return [{ metric: {}, value: parseSampleValue(result[1]) }];
}

/** A `matrix` result as series of points. */
export function readMatrix(result: unknown): PromSeries[] {
  const rows = list(result, []);
  const out = new Array<PromSeries>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = element(rows[i], i);
    const values = list(r.values, [i, "values"]);
    const points = new Array<[number, number]>(values.length);
    for (let j = 0; j < values.length; j++) {
      const p = values[j];
      if (!isPoint(p)) throw badPoint(p, [i, "values", j]);
      points[j] = [p[0], parseSampleValue(p[1])];
    }
    out[i] = { metric: labels(r.metric, i), points };
  }
  return out;
}
