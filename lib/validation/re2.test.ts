import { describe, expect, it } from "vitest";
import { re2Problem } from "./re2";

describe("RE2 validity (approximated)", () => {
  it.each([
    "^/api/v[0-9]+/.*",
    "(?i)^/reviews",
    "(?i:abc)def",
    "(?P<id>\\d+)",
    "(?<id>\\d+)",
    "[[:alpha:]][[:digit:]]+",
    "\\Qa.b*c\\E",
    "\\pL+\\p{Greek}",
    "\\Afoo\\z",
    "\\x{41}\\x41",
    "[]a]",
    "\\012",
    "a{2,1000}",
    "a{,3}",
  ])("accepts %s", (pattern) => {
    expect(re2Problem(pattern)).toBeUndefined();
  });

  it.each([
    ["a(?=b)", "lookaround"],
    ["a(?!b)", "lookaround"],
    ["(?<=a)b", "lookaround"],
    ["(?<!a)b", "lookaround"],
    ["(a)\\1", "backreference"],
    ["(?>a)", "atomic group"],
    ["\\Z", "invalid escape \\Z"],
    ["\\u0041", "invalid escape \\u"],
    ["a{1001}", "repetition count above 1000"],
    ["(", "Unterminated group"],
    ["[z-a]", "Range out of order"],
    ["*a", "Nothing to repeat"],
    ["a\\", "trailing backslash"],
    ["(?x)a", "invalid group"],
  ])("refuses %s (%s)", (pattern, why) => {
    expect(re2Problem(pattern)).toContain(why);
  });
});
