/**
 * Whether a pattern is a valid RE2 expression (what Envoy compiles Istio's `regex` matches with),
 * approximated in JavaScript: RE2-only features JavaScript refuses are rewritten into equivalents
 * (named groups `(?P<n>…)`, flag groups `(?i)`, `\A`, `\z`, `\Q…\E`, POSIX classes, `\pL`), features
 * RE2 lacks but JavaScript accepts are refused (lookaround, backreferences, unknown escapes such as
 * `\Z` or `\u0041`, repetition counts above 1000), and the rest is left to `new RegExp`. Only validity
 * is judged, not what the expression matches. https://github.com/google/re2/wiki/Syntax
 */

const RE2_LETTER_ESCAPES = new Set([..."aftnrvdDsSwWbB"]);
const POSIX_CLASS = /^\[:\^?[a-z]+:\]/;
const MAX_REPEAT = 1000;

/** Why `pattern` is not valid RE2, or `undefined` when it is (as far as this approximation can tell). */
export function re2Problem(pattern: string): string | undefined {
  let out = "";
  let inClass = false;
  let i = 0;
  const at = (k: number) => pattern[k] ?? "";
  while (i < pattern.length) {
    const c = at(i);
    if (c === "\\") {
      const e = at(i + 1);
      if (e === "") return "trailing backslash";
      if (e === "Q") {
        const end = pattern.indexOf("\\E", i + 2);
        const literal = pattern.slice(i + 2, end < 0 ? undefined : end);
        out += literal.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
        i = end < 0 ? pattern.length : end + 2;
        continue;
      }
      if (e === "p" || e === "P") {
        const m = /^\{[A-Za-z_]+\}|^[A-Za-z]/.exec(pattern.slice(i + 2));
        if (!m) return `invalid Unicode class at \\${e}`;
        out += "a";
        i += 2 + m[0].length;
        continue;
      }
      if (e === "A" || e === "z") {
        if (inClass) return `invalid escape \\${e} in a character class`;
        out += e === "A" ? "^" : "$";
        i += 2;
        continue;
      }
      if (e === "C") {
        out += ".";
        i += 2;
        continue;
      }
      if (e === "x") {
        const m = /^\{[0-9A-Fa-f]+\}|^[0-9A-Fa-f]{2}/.exec(pattern.slice(i + 2));
        if (!m) return "invalid hexadecimal escape \\x";
        out += "a";
        i += 2 + m[0].length;
        continue;
      }
      if (/[0-9]/.test(e)) {
        const oct = /^[0-7]{1,3}/.exec(pattern.slice(i + 1))?.[0] ?? "";
        if (e !== "0" && oct.length < 2) return `backreference \\${e}: RE2 does not support backreferences`;
        out += "a";
        i += 1 + oct.length;
        continue;
      }
      if (/[A-Za-z]/.test(e) && !RE2_LETTER_ESCAPES.has(e)) return `invalid escape \\${e}: RE2 does not support it`;
      out += c + e;
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === "[" && POSIX_CLASS.test(pattern.slice(i))) {
        const m = POSIX_CLASS.exec(pattern.slice(i)) as RegExpExecArray;
        out += "a";
        i += m[0].length;
        continue;
      }
      if (c === "]") inClass = false;
      out += c;
      i++;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      i++;
      // A `]` right after `[` or `[^` is a literal in RE2.
      if (at(i) === "^") out += at(i++);
      if (at(i) === "]") {
        out += "\\]";
        i++;
      }
      continue;
    }
    if (c === "(" && at(i + 1) === "?") {
      const rest = pattern.slice(i + 2);
      if (/^[=!]/.test(rest) || /^<[=!]/.test(rest)) return "lookaround (?=, (?!, (?<=, (?<!): RE2 does not support it";
      if (rest.startsWith(">")) return "atomic group (?>: RE2 does not support it";
      const named = /^P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
      if (named) {
        out += `(?<${named[1]}>`;
        i += 2 + named[0].length;
        continue;
      }
      const flags = /^([imsU]*(?:-[imsU]*)?)([:)])/.exec(rest);
      if (!flags || flags[1] === "" || flags[1] === "-") {
        if (rest.startsWith(":")) {
          out += "(?:";
          i += 3;
          continue;
        }
        return `invalid group (?${rest.slice(0, 3)}`;
      }
      out += flags[2] === ":" ? "(?:" : "";
      i += 2 + (flags[1]?.length ?? 0) + 1;
      continue;
    }
    if (c === "{") {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(pattern.slice(i));
      if (m && (Number(m[1]) > MAX_REPEAT || (m[2] ? Number(m[2]) > MAX_REPEAT : false))) return `repetition count above ${MAX_REPEAT} in ${m[0]}`;
    }
    out += c;
    i++;
  }
  try {
    new RegExp(out);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "") : String(e);
  }
}
