/**
 * VS008: a `regex` of an HTTP match (uri, scheme, method, authority, headers, query parameters,
 * withoutHeaders) or of a CORS allowed origin that is not valid RE2. Istio's webhook only partly
 * checks them; Envoy rejects the route configuration it is in. See ../re2 for how RE2 is approximated.
 */
import type { PathSegment } from "../path";
import { re2Problem } from "../re2";
import { defineRule } from "../rule";
import type { Report } from "../rule";

type StringMatch = { regex?: string | undefined };

function checkMatch(m: StringMatch | undefined, path: PathSegment[], report: Report): void {
  if (m?.regex === undefined) return;
  const problem = re2Problem(m.regex);
  if (problem) report([...path, "regex"], `Invalid RE2 regular expression ${JSON.stringify(m.regex)}: ${problem}`);
}

export const vsInvalidRegex = defineRule({
  code: "VS008",
  kind: "VirtualService",
  needs: [],
  check(vs, _ctx, report) {
    (vs.spec.http ?? []).forEach((route, i) => {
      (route.match ?? []).forEach((m, j) => {
        const base: PathSegment[] = ["spec", "http", i, "match", j];
        for (const field of ["uri", "scheme", "method", "authority"] as const) checkMatch(m[field], [...base, field], report);
        for (const field of ["headers", "queryParams", "withoutHeaders"] as const) {
          for (const [name, sm] of Object.entries(m[field] ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
            checkMatch(sm, [...base, field, name], report);
          }
        }
      });
      (route.corsPolicy?.allowOrigins ?? []).forEach((o, k) => checkMatch(o, ["spec", "http", i, "corsPolicy", "allowOrigins", k], report));
    });
  },
});
