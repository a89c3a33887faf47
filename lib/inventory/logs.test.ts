import { describe, expect, it } from "vitest";
import { lineFilter, logsQuery, splitLines } from "./logs";

describe("logs parameters", () => {
  it("defaults to the last 200 timestamped lines, not following", () => {
    expect(logsQuery.parse({ namespace: "bookinfo", pod: "reviews-v1-abc", container: "reviews" })).toEqual({
      namespace: "bookinfo",
      pod: "reviews-v1-abc",
      container: "reviews",
      tailLines: 200,
      follow: false,
      previous: false,
      timestamps: true,
    });
  });

  it("refuses tails outside 1–5000, bad containers and long filters", () => {
    const base = { namespace: "bookinfo", pod: "p", container: "c" };
    expect(logsQuery.safeParse({ ...base, tailLines: "0" }).success).toBe(false);
    expect(logsQuery.safeParse({ ...base, tailLines: "5001" }).success).toBe(false);
    expect(logsQuery.safeParse({ ...base, tailLines: "12abc" }).success).toBe(false);
    expect(logsQuery.safeParse({ ...base, container: "Bad_Name" }).success).toBe(false);
    expect(logsQuery.safeParse({ ...base, filter: "x".repeat(201) }).success).toBe(false);
    expect(logsQuery.parse({ ...base, follow: "true", tailLines: "50" })).toMatchObject({ follow: true, tailLines: 50 });
  });
});

describe("log text", () => {
  it("splits lines and keeps an unterminated end apart, dropping CRs", () => {
    expect(splitLines("a\r\nb\nc")).toEqual({ lines: ["a", "b"], rest: "c" });
    expect(splitLines("a\n")).toEqual({ lines: ["a"], rest: "" });
  });

  it("filters case-insensitively; an empty filter keeps everything", () => {
    const keep = lineFilter(" Error ");
    expect(["GET 200", "upstream ERROR 503"].filter(keep)).toEqual(["upstream ERROR 503"]);
    expect(["a", "b"].filter(lineFilter(""))).toEqual(["a", "b"]);
  });
});
