/**
 * Escaping for values embedded in PromQL text. Every label value, regex alternative and duration that
 * reaches a query goes through one of these functions: namespace names are validated upstream, but the
 * query must stay well-formed (and unable to grow extra matchers) whatever a value contains.
 */

/** Label names as the Prometheus data model allows them. */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Metric names (label names plus `:` for recording rules). */
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** A PromQL range duration (`30s`, `5m`, `1h`, `1d`, …); compound forms like `1h30m` are not used. */
const DURATION = /^[1-9][0-9]*(ms|s|m|h|d|w|y)$/;

/** Characters with a meaning in RE2 syntax, which Prometheus regex matchers use. */
const REGEX_META = /[\\.+*?()|[\]{}^$]/g;

/**
 * Escapes a value for a double-quoted PromQL string literal: backslash, double quote, and control
 * characters (newline, carriage return, tab, and the rest as `\xNN`), which PromQL's lexer rejects raw.
 */
export function escapeLabelValue(value: string): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out;
}

/** Escapes RE2 metacharacters so that `value` matches only itself inside a regex. */
export function escapeRegex(value: string): string {
  return value.replace(REGEX_META, (m) => `\\${m}`);
}

/** A double-quoted PromQL string literal holding `value`. */
export function quote(value: string): string {
  return `"${escapeLabelValue(value)}"`;
}

/** Throws unless `name` is a valid Prometheus label name. */
export function checkLabelName(name: string): string {
  if (!LABEL_NAME.test(name)) throw new Error(`invalid Prometheus label name: ${JSON.stringify(name)}`);
  return name;
}

/** Throws unless `name` is a valid Prometheus metric name. */
export function checkMetricName(name: string): string {
  if (!METRIC_NAME.test(name)) throw new Error(`invalid Prometheus metric name: ${JSON.stringify(name)}`);
  return name;
}

/** Throws unless `d` is a simple PromQL duration such as `5m`. */
export function checkDuration(d: string): string {
  if (!DURATION.test(d)) throw new Error(`invalid PromQL duration: ${JSON.stringify(d)}`);
  return d;
}

/** `name="value"`, escaped. */
export function labelEquals(name: string, value: string): string {
  return `${checkLabelName(name)}=${quote(value)}`;
}

/** `name!="value"`, escaped. */
export function labelNotEquals(name: string, value: string): string {
  return `${checkLabelName(name)}!=${quote(value)}`;
}

/**
 * A regex matcher that matches exactly the given values: `name=~"a|b|c"`. Each value is regex-escaped,
 * then the whole pattern is string-escaped (so `a.b` becomes `"a\\.b"`). Prometheus anchors regex
 * matchers, so `a|b` cannot match `ab`. Refuses an empty list: `=~""` would match series *without* the
 * label, the opposite of what a caller with nothing selected means.
 */
export function labelMatchesAny(name: string, values: readonly string[]): string {
  if (values.length === 0) throw new Error(`labelMatchesAny(${name}): at least one value is required`);
  const pattern = [...new Set(values)].map(escapeRegex).join("|");
  return `${checkLabelName(name)}=~${quote(pattern)}`;
}

/**
 * `name!~"a|b|c"`: none of the values (escaped as {@link labelMatchesAny}). A series without the label
 * matches, exactly those that `labelMatchesAny` does not.
 */
export function labelMatchesNone(name: string, values: readonly string[]): string {
  if (values.length === 0) throw new Error(`labelMatchesNone(${name}): at least one value is required`);
  const pattern = [...new Set(values)].map(escapeRegex).join("|");
  return `${checkLabelName(name)}!~${quote(pattern)}`;
}

/** `{m1,m2,…}` after a metric name: a vector selector. */
export function selector(metric: string, matchers: readonly string[]): string {
  return `${checkMetricName(metric)}{${matchers.join(",")}}`;
}

/** `by (a, b, c)` with checked label names. */
export function byLabels(labels: readonly string[]): string {
  return `by (${labels.map(checkLabelName).join(", ")})`;
}
