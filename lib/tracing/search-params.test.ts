import { describe, expect, it } from "vitest";
import { parseDurationUs, parseTagsParam, readTraceSearchForm, toTraceQuery, traceSearchParams, traceSearchQueryString, writeTraceSearchForm } from "./search-params";

const issues = (input: Record<string, string>) => {
  const r = traceSearchParams.safeParse(input);
  expect(r.success).toBe(false);
  return r.error!.issues.map((i) => i.path.join("."));
};

describe("durations and tags", () => {
  it("parses durations with units into microseconds", () => {
    expect(parseDurationUs("500us")).toBe(500);
    expect(parseDurationUs("500µs")).toBe(500);
    expect(parseDurationUs("1.5ms")).toBe(1_500);
    expect(parseDurationUs("2s")).toBe(2_000_000);
    expect(parseDurationUs(" 1m ")).toBe(60_000_000);
    for (const bad of ["", "5", "ms", "-1ms", "1.ms", "1e3ms", "1d"]) expect(parseDurationUs(bad), bad).toBeUndefined();
  });

  it("parses k=v,k2=v2 tags, splitting at the first =", () => {
    expect(parseTagsParam("http.status_code=503, error=true,x=a=b")).toEqual({ tags: { "http.status_code": "503", error: "true", x: "a=b" } });
    expect(parseTagsParam("")).toEqual({ tags: {} });
    expect(parseTagsParam("a=1,oops")).toEqual({ error: '"oops" is not key=value (write tags as k=v,k2=v2)' });
    expect("error" in parseTagsParam("=v")).toBe(true);
  });
});

describe("traceSearchParams", () => {
  it("applies defaults", () => {
    expect(traceSearchParams.parse({ service: "productpage.bookinfo" })).toEqual({ service: "productpage.bookinfo", tags: {}, limit: 20, window: "1h" });
  });

  it("parses every field", () => {
    expect(
      traceSearchParams.parse({ service: " reviews.bookinfo ", operation: "GET", tags: "error=true", minDuration: "1ms", maxDuration: "2s", limit: "50", window: "30m" }),
    ).toEqual({ service: "reviews.bookinfo", operation: "GET", tags: { error: "true" }, minDurationUs: 1_000, maxDurationUs: 2_000_000, limit: 50, window: "30m" });
  });

  it("treats empty values as absent", () => {
    expect(traceSearchParams.parse({ service: "a", operation: "", tags: " ", minDuration: "", limit: "", window: "" })).toEqual({ service: "a", tags: {}, limit: 20, window: "1h" });
  });

  it.each([
    ["service", {}],
    ["service", { service: "  " }],
    ["tags", { service: "a", tags: "novalue" }],
    ["minDuration", { service: "a", minDuration: "5" }],
    ["maxDuration", { service: "a", maxDuration: "fast" }],
    ["maxDuration", { service: "a", minDuration: "2s", maxDuration: "1s" }],
    ["limit", { service: "a", limit: "0" }],
    ["limit", { service: "a", limit: "1001" }],
    ["limit", { service: "a", limit: "ten" }],
    ["window", { service: "a", window: "2d" }],
  ])("names %s when it is invalid", (field, input) => {
    expect(issues(input as Record<string, string>)).toEqual([field]);
  });

  it("turns the window into start and end microseconds", () => {
    const q = toTraceQuery(traceSearchParams.parse({ service: "a", window: "5m" }), 1_700_000_000_000);
    expect(q).toEqual({ service: "a", tags: {}, limit: 20, startUs: 1_699_999_700_000_000, endUs: 1_700_000_000_000_000 });
  });
});

describe("search form in the URL", () => {
  it("round-trips the form and keeps the shell's parameters", () => {
    const params = new URLSearchParams("namespaces=bookinfo&window=1h&limit=5");
    const next = writeTraceSearchForm(params, { service: "productpage.bookinfo", operation: "", tags: "error=true", minDuration: "", maxDuration: "1s", limit: "" });
    expect(next.toString()).toBe("namespaces=bookinfo&window=1h&service=productpage.bookinfo&tags=error%3Dtrue&maxDuration=1s");
    expect(readTraceSearchForm(next)).toEqual({ service: "productpage.bookinfo", operation: "", tags: "error=true", minDuration: "", maxDuration: "1s", limit: "" });
  });

  it("builds the API query string with the window", () => {
    expect(traceSearchQueryString({ service: "a", operation: " ", limit: "5" }, "5m")).toBe("service=a&limit=5&window=5m");
  });
});
