import { describe, expect, it } from "vitest";
import { buildFrom, ok, REVIEWS_DR, REVIEWS_VS, snapshot, validateAll, vs } from "./fixtures";

const FQDN = "reviews.bookinfo.svc.cluster.local";
const to = (version: string, weight = 100) => ({ version, weight });

describe("request routing builder", () => {
  it("writes ordered rules with header, URI and method matches, each to weighted subsets", () => {
    const input = {
      rules: [
        {
          matches: [
            { headers: [{ name: "end-user", match: { kind: "exact", value: "jason" } }] },
            { uri: { kind: "prefix", value: "/beta" }, method: { kind: "regex", value: "GET|HEAD" } },
          ],
          routes: [to("v2")],
        },
        { routes: [to("v1", 75), to("v3", 25)] },
      ],
    };
    const r = ok(buildFrom("request-routing", snapshot({ virtualServices: [REVIEWS_VS], destinationRules: [REVIEWS_DR] }), input));
    validateAll(r);
    expect(r.changes.map((c) => c.action)).toEqual(["unchanged", "update"]);
    expect((r.changes[1]?.desired as { spec?: unknown }).spec).toEqual({
      hosts: ["reviews"],
      http: [
        {
          match: [{ headers: { "end-user": { exact: "jason" } } }, { uri: { prefix: "/beta" }, method: { regex: "GET|HEAD" } }],
          route: [{ destination: { host: FQDN, subset: "v2" }, weight: 100 }],
        },
        {
          route: [
            { destination: { host: FQDN, subset: "v1" }, weight: 75 },
            { destination: { host: FQDN, subset: "v3" }, weight: 25 },
          ],
        },
      ],
    });
    expect(r.warnings).toEqual([]);
  });

  it("keeps the timeouts of the current catch-all route on every rule", () => {
    const current = vs("reviews", { hosts: [FQDN], http: [{ timeout: "3s", retries: { attempts: 2 }, route: [{ destination: { host: FQDN } }] }] });
    const input = { rules: [{ matches: [{ uri: { kind: "exact", value: "/a" } }], routes: [to("v1")] }, { routes: [to("v2")] }] };
    const r = ok(buildFrom("request-routing", snapshot({ virtualServices: [current] }), input));
    const http = (r.changes[1]?.desired as { spec?: { http?: Array<Record<string, unknown>> } }).spec?.http ?? [];
    expect(http.map((h) => [h["timeout"], h["retries"]])).toEqual([
      ["3s", { attempts: 2 }],
      ["3s", { attempts: 2 }],
    ]);
    expect(r.changes[0]?.action).toBe("create");
  });

  it("warns when no rule catches the remaining requests", () => {
    const r = ok(buildFrom("request-routing", snapshot(), { rules: [{ matches: [{ uri: { kind: "prefix", value: "/" } }], routes: [to("v1")] }] }));
    expect(r.warnings.map((w) => w.code)).toEqual(["no-default-route"]);
  });

  it("refuses invalid regexes, empty matches, repeated headers and unknown versions, naming each field", () => {
    const input = {
      rules: [
        {
          matches: [
            { uri: { kind: "regex", value: "/(?=x)" } },
            {},
            {
              headers: [
                { name: "x-a", match: { kind: "exact", value: "1" } },
                { name: "x-a", match: { kind: "exact", value: "2" } },
              ],
            },
          ],
          routes: [to("v7")],
        },
      ],
    };
    const r = buildFrom("request-routing", snapshot(), input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status).toBe(422);
    expect(r.issues.map((i) => i.path)).toEqual([
      "input.rules.0.matches.0.uri.value",
      "input.rules.0.matches.1",
      "input.rules.0.matches.2.headers.1.name",
      "input.rules.0.routes.0.version",
    ]);
  });

  it("refuses what the schema rejects: a catch-all rule before the last, upper-case header names", () => {
    expect(() => buildFrom("request-routing", snapshot(), { rules: [{ routes: [to("v1")] }, { routes: [to("v2")] }] })).toThrow(/must be the last/);
    expect(() =>
      buildFrom("request-routing", snapshot(), { rules: [{ matches: [{ headers: [{ name: "End-User", match: { kind: "exact", value: "x" } }] }], routes: [to("v1")] }] }),
    ).toThrow(/lowercase/);
  });
});
