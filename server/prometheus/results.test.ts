import { describe, expect, it } from "vitest";
import { parseSampleValue, readMatrix, readScalar, readVector, ResultShapeError } from "./results";

/** The ResultShapeError `fn` throws, for its path and detail. */
function shapeError(fn: () => unknown): ResultShapeError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ResultShapeError) return err;
    throw err;
  }
  throw new Error("expected a ResultShapeError");
}

describe("readVector", () => {
  it("reads samples, keeping labels as parsed and values as numbers (NaN and infinities included)", () => {
    const metric = { reporter: "destination", le: "+Inf" };
    const samples = readVector([
      { metric, value: [1700000000.5, "12.5"] },
      { metric: {}, value: [1700000000.5, "NaN"] },
      { metric: {}, value: [1700000000.5, "+Inf"] },
      { metric: {}, value: [1700000000.5, "-Inf"] },
    ]);
    expect(samples.map((s) => s.value)).toEqual([12.5, NaN, Infinity, -Infinity]);
    expect(samples[0]?.metric).toBe(metric);
  });

  it("reads an empty vector", () => {
    expect(readVector([])).toEqual([]);
  });

  it.each([
    ["not an array", { result: 1 }, [], "expected an array"],
    ["an element that is not an object", [null], [0], "expected an object"],
    ["an element that is an array", [[1, "2"]], [0], "expected an object"],
    ["missing labels", [{ value: [1, "2"] }], [0, "metric"], "expected an object of labels"],
    ["a label value that is not a string", [{ metric: { a: "x" }, value: [1, "1"] }, { metric: { code: 200 }, value: [1, "2"] }], [1, "metric", "code"], "expected a string label value"],
    ["a missing value", [{ metric: {} }], [0, "value"], "expected a [time, value] pair"],
    ["a value of three elements", [{ metric: {}, value: [1, "2", 3] }], [0, "value"], "expected a [time, value] pair"],
    ["a time that is not a number", [{ metric: {}, value: ["1", "2"] }], [0, "value", 0], "expected a number"],
    ["a value that is not a string", [{ metric: {}, value: [1, 2] }], [0, "value", 1], "expected a string"],
  ])("refuses %s, naming where", (_what, result, path, detail) => {
    const err = shapeError(() => readVector(result));
    expect(err.path).toEqual(path);
    expect(err.detail).toBe(detail);
    expect(err.message).toContain(["result", ...path].join("."));
  });

  it("reads a large vector, every element checked", () => {
    const result: unknown[] = Array.from({ length: 100_000 }, (_, i) => ({
      metric: { reporter: "source", source_workload: `w${i % 500}`, destination_workload: `d${i % 300}`, response_code: "200" },
      value: [1700000000, String(i)],
    }));
    const samples = readVector(result);
    expect(samples).toHaveLength(100_000);
    expect(samples[99_999]?.value).toBe(99_999);
    result[99_999] = { metric: { reporter: "source" }, value: [1700000000, 5 as unknown as string] };
    expect(shapeError(() => readVector(result)).path).toEqual([99_999, "value", 1]);
  });
});

describe("readScalar", () => {
  it("reads a scalar as one unlabelled sample", () => {
    expect(readScalar([1, "3"])).toEqual([{ metric: {}, value: 3 }]);
  });

  it("refuses anything but a pair", () => {
    expect(shapeError(() => readScalar({ value: 3 })).detail).toBe("expected a [time, value] pair");
  });
});

describe("readMatrix", () => {
  it("reads series of points", () => {
    expect(readMatrix([{ metric: { app: "reviews" }, values: [[100, "1"], [160, "NaN"]] }])).toEqual([{ metric: { app: "reviews" }, points: [[100, 1], [160, NaN]] }]);
  });

  it("refuses a bad point, naming its series and position", () => {
    const err = shapeError(() => readMatrix([{ metric: {}, values: [[1, "1"]] }, { metric: {}, values: [[1, "1"], [2, null]] }]));
    expect(err.path).toEqual([1, "values", 1, 1]);
  });

  it("refuses a series without values or labels", () => {
    expect(shapeError(() => readMatrix([{ metric: {} }])).path).toEqual([0, "values"]);
    expect(shapeError(() => readMatrix([{ values: [] }])).path).toEqual([0, "metric"]);
  });
});

describe("parseSampleValue", () => {
  it("reads Prometheus's number strings", () => {
    expect([parseSampleValue("1e3"), parseSampleValue("-0.5"), parseSampleValue("NaN"), parseSampleValue("Inf")]).toEqual([1000, -0.5, NaN, Infinity]);
  });
});
