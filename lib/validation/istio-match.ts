/**
 * Istio's string matching for AuthorizationPolicy values (namespaces, principals): exact, `*`
 * (anything), `prefix*` or `*suffix` — a `*` only at one end.
 * https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source
 */

/** True when `value` satisfies the AuthorizationPolicy match `pattern`. */
export function istioMatch(pattern: string, value: string): boolean {
  if (pattern === "*") return true;
  if (pattern.endsWith("*")) return value.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith("*")) return value.endsWith(pattern.slice(1));
  return pattern === value;
}
