import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VALIDATION_RULES } from "./registry";
import { RULES } from "./rules";

describe("the registry", () => {
  it("has unique codes, each with exactly one rule of the same kind", () => {
    const codes = VALIDATION_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(RULES.map((r) => r.code).sort()).toEqual([...codes].sort());
    for (const rule of RULES) expect(VALIDATION_RULES.find((r) => r.code === rule.code)?.kind).toBe(rule.kind);
  });

  it("names codes <kind prefix><3 digits>", () => {
    for (const r of VALIDATION_RULES) expect(r.code).toMatch(/^(VS|DR|GW|SC|AP|PA|RA|SVC)\d{3}$/);
  });

  it("is documented: docs/validations.md has a section per code with its severity", () => {
    const docs = readFileSync(new URL("../../docs/validations.md", import.meta.url), "utf8");
    for (const r of VALIDATION_RULES) {
      expect(docs, r.code).toContain(`### ${r.code} `);
      const section = docs.slice(docs.indexOf(`### ${r.code} `)).split("\n### ")[0] ?? "";
      expect(section, r.code).toContain(`Severity: **${r.severity}**`);
    }
  });
});
