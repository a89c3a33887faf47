/**
 * Parsers that reproduce the Go standard library functions Jaeger's query service uses on query
 * parameters (`time.ParseDuration`, `strconv.ParseInt/ParseUint/ParseBool`, `time.Parse(RFC3339Nano)`),
 * including their error texts, so that the demo answers bad input with the messages Jaeger sends.
 */

/** A parameter Jaeger would reject; `message` is the text Jaeger puts in its error envelope. */
export class GoParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GoParseError";
  }
}

/** Go's `strconv.Quote` for the printable strings that reach us (JSON escaping is the same there). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

const NS_PER_UNIT: Record<string, number> = {
  ns: 1,
  us: 1e3,
  "\u00b5s": 1e3, // U+00B5 micro sign
  "\u03bcs": 1e3, // U+03BC Greek small letter mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/**
 * Go's `time.ParseDuration`: a signed sequence of decimal numbers with a unit suffix each, such as
 * `300ms`, `-1.5h` or `2h45m`. Returns nanoseconds.
 * @throws GoParseError with Go's message, e.g. `time: invalid duration "abc"`.
 */
export function parseGoDuration(input: string): number {
  const invalid = () => new GoParseError(`time: invalid duration ${goQuote(input)}`);
  let s = input;
  let negative = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    negative = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0;
  if (s === "") throw invalid();
  let total = 0;
  while (s !== "") {
    const number = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = number?.[1] ?? "";
    const fraction = number?.[2];
    if (whole === "" && (fraction === undefined || fraction === "")) throw invalid();
    s = s.slice(number?.[0].length ?? 0);
    const unitMatch = /^[^0-9.]*/.exec(s);
    const unit = unitMatch?.[0] ?? "";
    if (unit === "") throw new GoParseError(`time: missing unit in duration ${goQuote(input)}`);
    const scale = NS_PER_UNIT[unit];
    if (scale === undefined) {
      throw new GoParseError(`time: unknown unit ${goQuote(unit)} in duration ${goQuote(input)}`);
    }
    s = s.slice(unit.length);
    total += Number(`${whole || "0"}.${fraction ?? "0"}`) * scale;
  }
  if (total > 2 ** 63) throw invalid();
  return negative ? -Math.round(total) : Math.round(total);
}

function syntaxError(fn: string, s: string): GoParseError {
  return new GoParseError(`strconv.${fn}: parsing ${goQuote(s)}: invalid syntax`);
}

function rangeError(fn: string, s: string): GoParseError {
  return new GoParseError(`strconv.${fn}: parsing ${goQuote(s)}: value out of range`);
}

/** Go's `strconv.ParseInt(s, 10, bits)`. */
export function parseGoInt(s: string, bits: 32 | 64): number {
  if (!/^[+-]?\d+$/.test(s)) throw syntaxError("ParseInt", s);
  const value = BigInt(s);
  const limit = 1n << BigInt(bits - 1);
  if (value >= limit || value < -limit) throw rangeError("ParseInt", s);
  return Number(value);
}

/** Go's `strconv.ParseUint(s, base, bits)` for base 10 or 16, returned as a bigint. */
export function parseGoUint(s: string, base: 10 | 16, bits: 32 | 64): bigint {
  const digits = base === 10 ? /^\d+$/ : /^[0-9a-fA-F]+$/;
  if (!digits.test(s)) throw syntaxError("ParseUint", s);
  const value = BigInt(base === 10 ? s : `0x${s}`);
  if (value >= 1n << BigInt(bits)) throw rangeError("ParseUint", s);
  return value;
}

const TRUE_WORDS = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const FALSE_WORDS = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/** Go's `strconv.ParseBool`. */
export function parseGoBool(s: string): boolean {
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  throw syntaxError("ParseBool", s);
}

const RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00";
const RFC3339_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** A parsed instant: whole microseconds since the epoch plus the nanoseconds below them (0–999). */
export interface MicrosInstant {
  us: number;
  extraNs: number;
}

/**
 * Go's `time.Parse(time.RFC3339Nano, s)`, e.g. `2024-05-01T12:00:00.123456789+02:00`.
 * @throws GoParseError in Go's format (exact for input that is not a timestamp at all).
 */
export function parseRfc3339Nano(s: string): MicrosInstant {
  const m = RFC3339_RE.exec(s);
  if (!m) {
    throw new GoParseError(`parsing time ${goQuote(s)} as ${goQuote(RFC3339_NANO)}: cannot parse ${goQuote(s)} as "2006"`);
  }
  const [, y, mo, d, h, mi, sec, frac = "", zone = "Z"] = m;
  const offsetMin = zone === "Z" ? 0 : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec)) - offsetMin * 60_000;
  const check = new Date(ms + offsetMin * 60_000);
  if (Number.isNaN(ms) || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) {
    throw new GoParseError(`parsing time ${goQuote(s)}: day, hour, minute or second out of range`);
  }
  const nanos = Number(frac.padEnd(9, "0"));
  return { us: ms * 1000 + Math.floor(nanos / 1000), extraNs: nanos % 1000 };
}
