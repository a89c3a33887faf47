import { describe, expect, it } from "vitest";
import { checkDuration, escapeLabelValue, escapeRegex, labelEquals, labelMatchesAny, labelMatchesNone, quote, selector } from "./escape";

/** Reads a PromQL double-quoted string literal back (the escapes PromQL's lexer accepts). */
function unquote(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  const body = literal.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    // An unescaped quote inside the literal would end it early: the injection we guard against.
    expect(ch).not.toBe('"');
    expect(ch).not.toBe("\n");
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === "n") out += "\n";
    else if (next === "r") out += "\r";
    else if (next === "t") out += "\t";
    else if (next === "x") {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else out += next;
  }
  return out;
}

const HOSTILE = [
  'a"b',
  "back\\slash",
  "new\nline",
  'x"} or up{y="',
  "tab\tand\rcr",
  "nul\u0000bell\u0007",
  "\\\"",
  "ünïcødé-名前",
  "trailing\\",
];

describe("escapeLabelValue", () => {
  it("escapes backslash, double quote and newline", () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
  });

  it("leaves ordinary values alone", () => {
    expect(escapeLabelValue("bookinfo")).toBe("bookinfo");
    expect(escapeLabelValue("reviews.bookinfo.svc.cluster.local")).toBe("reviews.bookinfo.svc.cluster.local");
  });

  it.each(HOSTILE)("round-trips the hostile value %j through a literal that cannot be broken out of", (v) => {
    expect(unquote(quote(v))).toBe(v);
  });

  it("escapes other control characters as \\xNN", () => {
    expect(escapeLabelValue("a\u0001b")).toBe("a\\x01b");
    expect(escapeLabelValue("\u007f")).toBe("\\x7f");
  });
});

describe("escapeRegex", () => {
  it("escapes every RE2 metacharacter", () => {
    expect(escapeRegex(".+*?()|[]{}^$\\")).toBe("\\.\\+\\*\\?\\(\\)\\|\\[\\]\\{\\}\\^\\$\\\\");
  });

  it.each(["a.b", "x|y", "(.*)", "[a-z]+", "^start$", "back\\slash", "a{2}", 'q"uote'])(
    "makes %j match only itself (anchored, as Prometheus anchors matchers)",
    (v) => {
      const re = new RegExp(`^(?:${escapeRegex(v)})$`);
      expect(re.test(v)).toBe(true);
      expect(re.test(`${v}x`)).toBe(false);
      expect(re.test("axb")).toBe(false);
    },
  );
});

describe("matchers", () => {
  it("builds an equality matcher with an escaped value", () => {
    expect(labelEquals("destination_workload", 'a"b')).toBe('destination_workload="a\\"b"');
  });

  it("builds one regex alternation over several namespaces", () => {
    expect(labelMatchesAny("destination_workload_namespace", ["ns1", "ns2", "ns1"])).toBe('destination_workload_namespace=~"ns1|ns2"');
  });

  it("regex-escapes then string-escapes each alternative", () => {
    const m = labelMatchesAny("ns", ["a.b", 'c"d\\e', "f|g"]);
    expect(m).toBe('ns=~"a\\\\.b|c\\"d\\\\\\\\e|f\\\\|g"');
    // What Prometheus sees after reading the string literal is a regex matching exactly the values.
    const pattern = unquote(m.slice("ns=~".length));
    const re = new RegExp(`^(?:${pattern})$`);
    for (const v of ["a.b", 'c"d\\e', "f|g"]) expect(re.test(v)).toBe(true);
    for (const v of ["axb", "f", "g", 'c"d']) expect(re.test(v)).toBe(false);
  });

  it.each(HOSTILE)("keeps the hostile value %j inside a single matcher", (v) => {
    const m = labelMatchesAny("ns", [v, "other"]);
    const pattern = unquote(m.slice("ns=~".length));
    expect(new RegExp(`^(?:${pattern})$`).test(v)).toBe(true);
  });

  it("builds the negated alternation with the same escaping", () => {
    expect(labelMatchesNone("ns", ["a.b", "a.b", "c"])).toBe('ns!~"a\\\\.b|c"');
    expect(labelMatchesNone("ns", ["x|y"]).slice(4)).toBe(labelMatchesAny("ns", ["x|y"]).slice(4));
    expect(() => labelMatchesNone("ns", [])).toThrow(/at least one/);
  });

  it("refuses an empty list, which would match series without the label", () => {
    expect(() => labelMatchesAny("ns", [])).toThrow(/at least one/);
  });

  it("refuses invalid label and metric names", () => {
    expect(() => labelEquals('a"b', "x")).toThrow(/label name/);
    expect(() => selector("up{}", [])).toThrow(/metric name/);
  });

  it("accepts only simple durations", () => {
    expect(checkDuration("5m")).toBe("5m");
    expect(checkDuration("1d")).toBe("1d");
    for (const bad of ["", "5", "0m", "5m]", "1h30m", "-1m", "5m) or up"]) expect(() => checkDuration(bad)).toThrow(/duration/);
  });
});
