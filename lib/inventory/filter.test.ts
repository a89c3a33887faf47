import { describe, expect, it } from "vitest";
import { rowFilter, type Filterable } from "./filter";

const row = (name: string, labels: Record<string, string>, status: Filterable["health"]["status"] = "healthy"): Filterable => ({ name, labels, health: { status } });
const rows = [row("reviews-v1", { app: "reviews", version: "v1" }), row("reviews-v2", { app: "reviews", version: "v2" }, "failure"), row("ratings-v1", { app: "ratings", version: "v1" }, "degraded")];
const names = (f: Parameters<typeof rowFilter>[0]) => rows.filter(rowFilter(f)).map((r) => r.name);

describe("rowFilter", () => {
  it("matches names by part, case-insensitively", () => {
    expect(names({ text: "REV", health: [] })).toEqual(["reviews-v1", "reviews-v2"]);
  });

  it("matches labels as key=value, key= or =value, every word required", () => {
    expect(names({ text: "version=v1", health: [] })).toEqual(["reviews-v1", "ratings-v1"]);
    expect(names({ text: "app=reviews version=v2", health: [] })).toEqual(["reviews-v2"]);
    expect(names({ text: "=ratings", health: [] })).toEqual(["ratings-v1"]);
    expect(names({ text: "version=", health: [] })).toHaveLength(3);
    expect(names({ text: "app=review", health: [] })).toEqual([]);
  });

  it("keeps only the chosen statuses", () => {
    expect(names({ text: "", health: ["failure", "degraded"] })).toEqual(["reviews-v2", "ratings-v1"]);
    expect(names({ text: "v1", health: ["degraded"] })).toEqual(["ratings-v1"]);
  });
});
