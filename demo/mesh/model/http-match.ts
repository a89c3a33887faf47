/**
 * VirtualService `HTTPMatchRequest` conditions, compiled once per state so that matching a request
 * is a few string comparisons.
 */

/** The parts of a request a route can match on. */
export interface RequestAttributes {
  method: string;
  /** Path without the query string. */
  path: string;
  /** `:authority` without the port. */
  authority: string;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>;
  /** Service port the request was sent to. */
  port: number;
  sourceLabels: Readonly<Record<string, string>>;
  sourceNamespace: string;
  /** `<ns>/<name>` of the gateway handling the request, or `mesh` for sidecars. */
  gateway: string;
}

type StringMatcher = (value: string | undefined) => boolean;

/** Compiles an Istio `StringMatch` (`exact`, `prefix`, `regex`; RE2 regexes match the whole value). */
export function compileStringMatch(spec: unknown, ignoreCase = false): StringMatcher | undefined {
  if (!spec || typeof spec !== "object") return undefined;
  const m = spec as { exact?: unknown; prefix?: unknown; regex?: unknown };
  const norm = (v: string): string => (ignoreCase ? v.toLowerCase() : v);
  if (typeof m.exact === "string") {
    const exact = norm(m.exact);
    return (v) => v !== undefined && norm(v) === exact;
  }
  if (typeof m.prefix === "string") {
    const prefix = norm(m.prefix);
    return (v) => v !== undefined && norm(v).startsWith(prefix);
  }
  if (typeof m.regex === "string") {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${m.regex})$`, ignoreCase ? "i" : "");
    } catch {
      return () => false;
    }
    return (v) => v !== undefined && re.test(v);
  }
  // `{}` in a header match means "present".
  return (v) => v !== undefined;
}

export type CompiledMatch = (req: RequestAttributes) => boolean;

interface MatchSpec {
  uri?: unknown;
  method?: unknown;
  authority?: unknown;
  headers?: Record<string, unknown>;
  withoutHeaders?: Record<string, unknown>;
  port?: number;
  sourceLabels?: Record<string, string>;
  sourceNamespace?: string;
  gateways?: string[];
  ignoreUriCase?: boolean;
}

/**
 * Compiles one `HTTPMatchRequest`. Query parameters and other conditions the simulated requests do
 * not carry never match. `resolveGateway` turns a gateway name into `<ns>/<name>`.
 */
export function compileMatch(raw: unknown, resolveGateway: (name: string) => string): CompiledMatch {
  const spec = (raw ?? {}) as MatchSpec & { queryParams?: unknown };
  const checks: CompiledMatch[] = [];
  const uri = compileStringMatch(spec.uri, spec.ignoreUriCase === true);
  if (uri) checks.push((r) => uri(r.path));
  const method = compileStringMatch(spec.method);
  if (method) checks.push((r) => method(r.method));
  const authority = compileStringMatch(spec.authority);
  if (authority) checks.push((r) => authority(r.authority));
  for (const [name, m] of Object.entries(spec.headers ?? {})) {
    const matcher = compileStringMatch(m) ?? ((v: string | undefined) => v !== undefined);
    const key = name.toLowerCase();
    checks.push((r) => matcher(r.headers[key]));
  }
  for (const [name, m] of Object.entries(spec.withoutHeaders ?? {})) {
    const matcher = compileStringMatch(m) ?? ((v: string | undefined) => v !== undefined);
    const key = name.toLowerCase();
    checks.push((r) => !matcher(r.headers[key]));
  }
  if (typeof spec.port === "number") {
    const port = spec.port;
    checks.push((r) => r.port === port);
  }
  if (spec.sourceLabels) {
    const labels = spec.sourceLabels;
    checks.push((r) => Object.entries(labels).every(([k, v]) => r.sourceLabels[k] === v));
  }
  if (typeof spec.sourceNamespace === "string") {
    const ns = spec.sourceNamespace;
    checks.push((r) => r.sourceNamespace === ns);
  }
  if (Array.isArray(spec.gateways) && spec.gateways.length > 0) {
    const gws = new Set(spec.gateways.map((g) => (g === "mesh" ? "mesh" : resolveGateway(g))));
    checks.push((r) => gws.has(r.gateway));
  }
  if (spec.queryParams && Object.keys(spec.queryParams).length > 0) checks.push(() => false);
  return (r) => checks.every((c) => c(r));
}
