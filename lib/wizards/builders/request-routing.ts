/**
 * Request routing: ordered rules matching headers, URI and method, each sending its requests to
 * weighted version subsets.
 */
import { re2Problem } from "@/lib/validation/re2";
import type { RequestRoutingInput, RouteMatch } from "../inputs";
import { invalid, pathOf, plan, success } from "./objects";
import { destinationRuleWithSubsets, type HttpRoute, inheritedRouteSettings, unknownVersions, virtualServiceWith, weightedDestinations } from "./routes";
import { serviceRouting } from "./service-routing";
import { isFailure, requireService } from "./target";
import type { BuildIssue, BuildResult, WizardSnapshot } from "./types";

type HttpMatch = NonNullable<HttpRoute["match"]>[number];
type StringMatch = RouteMatch["uri"];

function stringMatch(m: NonNullable<StringMatch>): { exact: string } | { prefix: string } | { regex: string } {
  switch (m.kind) {
    case "exact":
      return { exact: m.value };
    case "prefix":
      return { prefix: m.value };
    case "regex":
      return { regex: m.value };
  }
}

/** Istio's `HTTPMatchRequest` for one match: headers by name, `uri`, `method`. */
export function toHttpMatch(m: RouteMatch): HttpMatch {
  const out: HttpMatch = {};
  if (m.headers.length > 0) out.headers = Object.fromEntries(m.headers.map((h) => [h.name, stringMatch(h.match)]));
  if (m.uri) out.uri = stringMatch(m.uri);
  if (m.method) out.method = stringMatch(m.method);
  return out;
}

/** What the schema cannot see: empty matches, a header named twice, regexes Envoy's RE2 refuses. */
function matchIssues(m: RouteMatch, path: Array<string | number>): BuildIssue[] {
  const issues: BuildIssue[] = [];
  if (m.headers.length === 0 && !m.uri && !m.method) issues.push({ path: pathOf(...path), message: "set a header, URI or method condition (an empty match catches every request)" });
  const seen = new Set<string>();
  m.headers.forEach((h, i) => {
    if (seen.has(h.name)) issues.push({ path: pathOf(...path, "headers", i, "name"), message: `header ${h.name} is already matched in this condition` });
    seen.add(h.name);
  });
  const regex = (s: StringMatch, p: Array<string | number>) => {
    const problem = s?.kind === "regex" ? re2Problem(s.value) : undefined;
    if (problem) issues.push({ path: pathOf(...p, "value"), message: `not a valid RE2 regex: ${problem}` });
  };
  m.headers.forEach((h, i) => regex(h.match, [...path, "headers", i, "match"]));
  regex(m.uri, [...path, "uri"]);
  regex(m.method, [...path, "method"]);
  return issues;
}

/**
 * Replaces the Service's HTTP routes with the rules, in order (settings of the current catch-all
 * route such as fault injection and timeouts are kept on every rule), and adds the version subsets
 * to its DestinationRule.
 */
export function buildRequestRouting(snap: WizardSnapshot, input: RequestRoutingInput): BuildResult {
  const svc = requireService(snap);
  if (isFailure(svc)) return svc;
  const issues = input.rules.flatMap((rule, i) => [
    ...rule.matches.flatMap((m, j) => matchIssues(m, ["input", "rules", i, "matches", j])),
    ...unknownVersions(rule.routes, snap.versions, ["input", "rules", i, "routes"]),
  ]);
  if (issues.length > 0) return invalid(issues);
  const routing = serviceRouting(snap, svc);
  if (isFailure(routing)) return routing;
  const { vs, dr, warnings } = routing;

  const settings = inheritedRouteSettings(vs);
  const http: HttpRoute[] = input.rules.map((rule) => ({
    ...structuredClone(settings),
    ...(rule.matches.length > 0 ? { match: rule.matches.map(toHttpMatch) } : {}),
    route: weightedDestinations(svc, rule.routes, snap.versions),
  }));
  if ((input.rules[input.rules.length - 1]?.matches.length ?? 0) > 0) {
    warnings.push({ code: "no-default-route", message: "every rule has conditions: requests that match none of them get 404 (NR); add a last rule without conditions" });
  }
  return success([plan(destinationRuleWithSubsets(svc, dr, snap.versions), dr), plan(virtualServiceWith(svc, vs, http), vs)], warnings);
}
