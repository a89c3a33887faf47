import { describe, expect, it } from "vitest";
import { findingsOf, mesh, virtualService } from "../fixtures";

const matching = (match: object[]) =>
  findingsOf("VS008", mesh({ virtualServices: [virtualService("bookinfo", "vs", { hosts: ["reviews"], http: [{ match, route: [{ destination: { host: "reviews" } }] }] })] }));

describe("VS008 invalid regex", () => {
  it("accepts valid RE2, including RE2-only syntax JavaScript lacks", () => {
    expect(matching([{ uri: { regex: "^/api/v[0-9]+/.*" } }, { uri: { regex: "(?i)^/Reviews/(?P<id>\\d+)$" } }, { authority: { regex: "[[:alpha:]]+\\.example\\.com" } }])).toEqual([]);
  });

  it("reports a regex JavaScript and RE2 both refuse", () => {
    const [f] = matching([{ uri: { regex: "/api/(v1" } }]);
    expect(f).toMatchObject({ severity: "error", path: "spec.http[0].match[0].uri.regex" });
    expect(f?.message).toContain('Invalid RE2 regular expression "/api/(v1"');
  });

  it("reports lookaround and backreferences, which JavaScript accepts but RE2 does not", () => {
    expect(matching([{ uri: { regex: "^/(?!admin).*" } }])[0]?.message).toContain("lookaround");
    expect(matching([{ uri: { regex: "^/(a)\\1" } }])[0]?.message).toContain("backreference");
  });

  it("checks headers, query parameters, withoutHeaders, scheme and method, with quoted keys in the path", () => {
    const found = matching([
      { headers: { "x-user.id": { regex: "[" } }, queryParams: { q: { regex: "*" } }, withoutHeaders: { debug: { regex: "(?<=x)y" } } },
      { scheme: { regex: "http(" }, method: { exact: "GET" } },
    ]);
    expect(found.map((f) => f.path)).toEqual([
      'spec.http[0].match[0].headers["x-user.id"].regex',
      "spec.http[0].match[0].queryParams.q.regex",
      "spec.http[0].match[0].withoutHeaders.debug.regex",
      "spec.http[0].match[1].scheme.regex",
    ]);
  });

  it("checks CORS allowed origins", () => {
    const vs = virtualService("bookinfo", "vs", {
      hosts: ["reviews"],
      http: [{ corsPolicy: { allowOrigins: [{ exact: "https://a.example.com" }, { regex: "https://(.*\\.example\\.com" }] }, route: [{ destination: { host: "reviews" } }] }],
    });
    expect(findingsOf("VS008", mesh({ virtualServices: [vs] })).map((f) => f.path)).toEqual(["spec.http[0].corsPolicy.allowOrigins[1].regex"]);
  });
});
