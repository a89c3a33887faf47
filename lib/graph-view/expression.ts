/**
 * The find/hide expression language of the graph page, e.g. `rps > 10`, `error > 1%`,
 * `ns = bookinfo and !healthy`, `version = v2 or name = rev*`, `not (protocol = tcp)`.
 *
 * Grammar (keywords and field names are case-insensitive):
 *   expr       := and ( ("or" | "||") and )*
 *   and        := unary ( ("and" | "&&") unary )*
 *   unary      := ("!" | "not") unary | "(" expr ")" | field op value | flag
 *   op         := "=" | "==" | "!=" | ">" | ">=" | "<" | "<="
 * Strings compare case-insensitively and `*` is a wildcard; numbers may carry a unit that fits the
 * field (`1%`, `200ms`, `1.5s`, `10k`, `2kb`).
 *
 * A field that does not apply to an element (a node's `latency`, an edge's `version`) makes its
 * comparison unknown rather than false, with three-valued logic: `!healthy` finds unhealthy nodes, not
 * every edge. Only elements for which the whole expression is true match.
 */

export type FieldKind = "number" | "string" | "flag";
export type ElementKind = "node" | "edge";

export interface FieldSpec {
  name: string;
  aliases: readonly string[];
  kind: FieldKind;
  appliesTo: readonly ElementKind[];
  help: string;
  /** Units a value may carry, and what they multiply it by (to the field's own unit). */
  units?: Readonly<Record<string, number>>;
}

const PERCENT = { "%": 1 } as const;
const MS = { ms: 1, s: 1000 } as const;
const COUNT = { k: 1e3, m: 1e6 } as const;
const BYTES = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9 } as const;
const BOTH = ["node", "edge"] as const;
const NODE = ["node"] as const;
const EDGE = ["edge"] as const;

/** Every field the language knows, in the order the inline help lists them. */
export const FIELDS: readonly FieldSpec[] = [
  { name: "rps", aliases: ["rate"], kind: "number", appliesTo: BOTH, units: COUNT, help: "requests/s (edge; node: inbound, or outbound for roots)" },
  { name: "error", aliases: ["errors", "err"], kind: "number", appliesTo: BOTH, units: PERCENT, help: "error % (edge; node: worst of in and out)" },
  { name: "latency", aliases: ["rt", "p95"], kind: "number", appliesTo: EDGE, units: MS, help: "p95 response time, ms (edge)" },
  { name: "tcp", aliases: ["bytes"], kind: "number", appliesTo: BOTH, units: BYTES, help: "TCP bytes/s" },
  { name: "mtls", aliases: [], kind: "number", appliesTo: EDGE, units: PERCENT, help: "% of traffic with mutual TLS (edge); as a flag: ≥ 99%" },
  { name: "protocol", aliases: ["proto"], kind: "string", appliesTo: EDGE, help: "http, grpc or tcp (edge)" },
  { name: "name", aliases: [], kind: "string", appliesTo: NODE, help: "app, workload, service or host name" },
  { name: "ns", aliases: ["namespace"], kind: "string", appliesTo: NODE, help: "namespace" },
  { name: "app", aliases: [], kind: "string", appliesTo: NODE, help: "app label" },
  { name: "version", aliases: ["v"], kind: "string", appliesTo: NODE, help: "version label" },
  { name: "workload", aliases: ["wl"], kind: "string", appliesTo: NODE, help: "workload name" },
  { name: "service", aliases: ["svc"], kind: "string", appliesTo: NODE, help: "service name or host" },
  { name: "type", aliases: ["kind"], kind: "string", appliesTo: NODE, help: "app, workload, service, serviceEntry, external, unknown" },
  { name: "healthy", aliases: [], kind: "flag", appliesTo: NODE, help: "no error ratio over its thresholds (nodes with traffic)" },
  { name: "degraded", aliases: [], kind: "flag", appliesTo: NODE, help: "an error ratio over its degraded threshold" },
  { name: "failure", aliases: ["failing", "unhealthy"], kind: "flag", appliesTo: NODE, help: "an error ratio over its failure threshold" },
  { name: "idle", aliases: [], kind: "flag", appliesTo: BOTH, help: "no traffic in the window" },
  { name: "root", aliases: [], kind: "flag", appliesTo: NODE, help: "traffic enters here (no callers)" },
  { name: "outside", aliases: [], kind: "flag", appliesTo: NODE, help: "namespace not selected" },
  { name: "sidecar", aliases: [], kind: "flag", appliesTo: NODE, help: "has the istio-proxy sidecar" },
  { name: "gateway", aliases: [], kind: "flag", appliesTo: NODE, help: "an Istio ingress or egress gateway" },
];

const BY_NAME = new Map<string, FieldSpec>();
for (const f of FIELDS) for (const n of [f.name, ...f.aliases]) BY_NAME.set(n, f);

/** What an expression is evaluated against: one element's facts by canonical field name. */
export interface ElementFacts {
  kind: ElementKind;
  values: Partial<Record<string, string | number | boolean>>;
}

type CompareOp = "=" | "!=" | ">" | ">=" | "<" | "<=";

export type Expr =
  | { op: "and" | "or"; left: Expr; right: Expr }
  | { op: "not"; expr: Expr }
  | { op: "flag"; field: FieldSpec }
  | { op: "compare"; field: FieldSpec; cmp: CompareOp; value: number | string };

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: string; position: number };

interface Token {
  type: "word" | "op" | "(" | ")" | "not" | "and" | "or" | "end";
  text: string;
  pos: number;
}

class ExprError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const OPS = ["==", "!=", ">=", "<=", "&&", "||", "=", ">", "<", "!"];
const WORD = /[^\s()=!<>&|"']/;

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "(" || ch === ")") {
      tokens.push({ type: ch, text: ch, pos: i });
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = src.indexOf(ch, i + 1);
      if (end < 0) throw new ExprError(`Unclosed quote ${ch} at ${i + 1}`, i);
      tokens.push({ type: "word", text: src.slice(i + 1, end), pos: i });
      i = end + 1;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) {
      const type = op === "&&" ? "and" : op === "||" ? "or" : op === "!" ? "not" : "op";
      tokens.push({ type, text: op === "==" ? "=" : op, pos: i });
      i += op.length;
      continue;
    }
    if (!WORD.test(ch)) throw new ExprError(`Unexpected "${ch}" at ${i + 1}`, i);
    let j = i;
    while (j < src.length && WORD.test(src[j]!)) j++;
    const text = src.slice(i, j);
    const lower = text.toLowerCase();
    const type = lower === "and" || lower === "or" || lower === "not" ? lower : "word";
    tokens.push({ type, text, pos: i });
    i = j;
  }
  tokens.push({ type: "end", text: "", pos: src.length });
  return tokens;
}

const fieldNames = () => FIELDS.map((f) => f.name).join(", ");

function parseNumber(field: FieldSpec, raw: string, pos: number): number {
  const m = /^(-?\d+(?:\.\d+)?|-?\.\d+)([a-z%]*)$/i.exec(raw);
  if (!m) throw new ExprError(`"${raw}" at ${pos + 1} is not a number (${field.name} is numeric, e.g. ${field.name} > 10)`, pos);
  const unit = m[2]!.toLowerCase();
  const value = Number(m[1]);
  if (!unit) return value;
  const factor = field.units?.[unit];
  if (factor === undefined) {
    const allowed = Object.keys(field.units ?? {});
    throw new ExprError(`Unit "${m[2]}" does not fit ${field.name}${allowed.length ? ` (use ${allowed.join(", ")})` : ""}`, pos);
  }
  return value * factor;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    return this.tokens[this.i++]!;
  }

  parse(): Expr {
    if (this.peek().type === "end") throw new ExprError("Empty expression", 0);
    const e = this.or();
    const t = this.peek();
    if (t.type !== "end") throw new ExprError(`Unexpected "${t.text}" at ${t.pos + 1}: join conditions with "and" or "or"`, t.pos);
    return e;
  }

  private or(): Expr {
    let left = this.and();
    while (this.peek().type === "or") {
      this.next();
      left = { op: "or", left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.unary();
    while (this.peek().type === "and") {
      this.next();
      left = { op: "and", left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.next();
    if (t.type === "not") return { op: "not", expr: this.unary() };
    if (t.type === "(") {
      const e = this.or();
      const close = this.next();
      if (close.type !== ")") throw new ExprError(`Missing ")" for the "(" at ${t.pos + 1}`, close.pos);
      return e;
    }
    if (t.type !== "word") {
      const what = t.type === "end" ? "the end" : `"${t.text}"`;
      throw new ExprError(`Expected a field at ${t.type === "end" ? "the end" : t.pos + 1}, found ${what}`, t.pos);
    }
    const field = BY_NAME.get(t.text.toLowerCase());
    if (!field) throw new ExprError(`Unknown field "${t.text}" at ${t.pos + 1}; fields: ${fieldNames()}`, t.pos);
    const op = this.peek();
    if (op.type !== "op") {
      if (field.kind === "flag" || field.name === "mtls") return { op: "flag", field };
      throw new ExprError(`"${field.name}" needs a comparison, e.g. ${field.name} ${field.kind === "number" ? "> 10" : "= value"}`, t.pos);
    }
    this.next();
    const v = this.next();
    if (v.type !== "word") throw new ExprError(`Expected a value after "${op.text}" at ${op.pos + 1}`, v.pos);
    const cmp = op.text as CompareOp;
    if (field.kind === "flag") throw new ExprError(`"${field.name}" is a flag: write ${field.name} or !${field.name}`, t.pos);
    if (field.kind === "string") {
      if (cmp !== "=" && cmp !== "!=") throw new ExprError(`"${field.name}" is text: use = or != (with * as a wildcard)`, op.pos);
      return { op: "compare", field, cmp, value: v.text.toLowerCase() };
    }
    return { op: "compare", field, cmp, value: parseNumber(field, v.text, v.pos) };
  }
}

/** Parses an expression; errors name what is wrong and where (1-based character position). */
export function parseExpression(src: string): ParseResult {
  try {
    return { ok: true, expr: new Parser(tokenize(src)).parse() };
  } catch (err) {
    if (err instanceof ExprError) return { ok: false, error: err.message, position: err.position };
    throw err;
  }
}

function globMatch(pattern: string, value: string): boolean {
  if (!pattern.includes("*")) return pattern === value;
  const re = new RegExp(`^${pattern.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return re.test(value);
}

/** Kleene logic: true, false, or undefined (the expression does not apply to this element). */
type Tri = boolean | undefined;

function evaluate(e: Expr, facts: ElementFacts): Tri {
  switch (e.op) {
    case "and": {
      const l = evaluate(e.left, facts);
      if (l === false) return false;
      const r = evaluate(e.right, facts);
      if (r === false) return false;
      return l === true && r === true ? true : undefined;
    }
    case "or": {
      const l = evaluate(e.left, facts);
      if (l === true) return true;
      const r = evaluate(e.right, facts);
      if (r === true) return true;
      return l === false && r === false ? false : undefined;
    }
    case "not": {
      const v = evaluate(e.expr, facts);
      return v === undefined ? undefined : !v;
    }
    case "flag": {
      if (!e.field.appliesTo.includes(facts.kind)) return undefined;
      const v = facts.values[e.field.name];
      if (v === undefined) return undefined;
      return typeof v === "number" ? v >= 99 : Boolean(v);
    }
    case "compare": {
      if (!e.field.appliesTo.includes(facts.kind)) return undefined;
      const v = facts.values[e.field.name];
      if (v === undefined) return undefined;
      if (typeof e.value === "string") {
        const m = globMatch(e.value, String(v).toLowerCase());
        return e.cmp === "=" ? m : !m;
      }
      if (typeof v !== "number") return undefined;
      switch (e.cmp) {
        case "=":
          return v === e.value;
        case "!=":
          return v !== e.value;
        case ">":
          return v > e.value;
        case ">=":
          return v >= e.value;
        case "<":
          return v < e.value;
        case "<=":
          return v <= e.value;
      }
    }
  }
}

/** True when the expression holds for the element (unknown counts as no match). */
export function matches(e: Expr, facts: ElementFacts): boolean {
  return evaluate(e, facts) === true;
}
