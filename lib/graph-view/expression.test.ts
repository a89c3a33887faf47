import { describe, expect, it } from "vitest";
import { matches, parseExpression, type ElementFacts } from "./expression";

const reviewsV2: ElementFacts = {
  kind: "node",
  values: { name: "reviews", app: "reviews", version: "v2", ns: "bookinfo", type: "app", healthy: true, degraded: false, failure: false, idle: false, rps: 4.3, error: 0 },
};
const reviewsV3: ElementFacts = {
  kind: "node",
  values: { name: "reviews", app: "reviews", version: "v3", ns: "bookinfo", type: "app", healthy: false, degraded: true, failure: false, idle: false, rps: 4.1, error: 3.2 },
};
const shopCart: ElementFacts = { kind: "node", values: { name: "cart", ns: "shop", type: "workload", healthy: true, rps: 25, error: 0.5 } };
const slowEdge: ElementFacts = { kind: "edge", values: { rps: 12, error: 1.5, latency: 2221, protocol: "http", mtls: 100, idle: false } };
const tcpEdge: ElementFacts = { kind: "edge", values: { tcp: 2048, protocol: "tcp", mtls: 40, idle: false } };
const all = { reviewsV2, reviewsV3, shopCart, slowEdge, tcpEdge };

function found(expr: string): string[] {
  const r = parseExpression(expr);
  if (!r.ok) throw new Error(r.error);
  return Object.entries(all)
    .filter(([, f]) => matches(r.expr, f))
    .map(([k]) => k);
}

function error(expr: string): string {
  const r = parseExpression(expr);
  if (r.ok) throw new Error(`${expr} parsed`);
  return r.error;
}

describe("find/hide expressions", () => {
  it.each([
    ["rps > 10", ["shopCart", "slowEdge"]],
    ["rate>=4.3", ["reviewsV2", "shopCart", "slowEdge"]],
    ["error > 1%", ["reviewsV3", "slowEdge"]],
    ["error > 1", ["reviewsV3", "slowEdge"]],
    ["ns = bookinfo", ["reviewsV2", "reviewsV3"]],
    ["namespace != bookinfo", ["shopCart"]],
    ["!healthy", ["reviewsV3"]],
    ["not healthy", ["reviewsV3"]],
    ["version = v2", ["reviewsV2"]],
    ["VERSION = V2", ["reviewsV2"]],
    ["name = reviews", ["reviewsV2", "reviewsV3"]],
    ["name = rev*", ["reviewsV2", "reviewsV3"]],
    ["name = 'car*'", ["shopCart"]],
    ["ns = bookinfo and error > 1%", ["reviewsV3"]],
    ["version = v2 or ns = shop", ["reviewsV2", "shopCart"]],
    ["version = v2 || version = v3 && error > 1", ["reviewsV2", "reviewsV3"]],
    ["(version = v2 or version = v3) and error > 1", ["reviewsV3"]],
    ["latency > 1s", ["slowEdge"]],
    ["rt > 2000ms", ["slowEdge"]],
    ["latency < 100", []],
    ["protocol = tcp", ["tcpEdge"]],
    ["tcp > 1kb", ["tcpEdge"]],
    ["mtls", ["slowEdge"]],
    ["!mtls", ["tcpEdge"]],
    ["mtls < 50%", ["tcpEdge"]],
    ["rps > 1k", []],
    ["type = app and !degraded", ["reviewsV2"]],
  ])("%s", (expr, expected) => {
    expect(found(expr)).toEqual(expected);
  });

  it("treats a field that does not apply to an element as unknown, not false", () => {
    // `!healthy` is about nodes: edges have no health and must not match its negation.
    expect(found("!healthy")).not.toContain("slowEdge");
    // Unknown or true is true; unknown and false is false.
    expect(found("healthy or protocol = http")).toEqual(["reviewsV2", "shopCart", "slowEdge"]);
    expect(found("!(ns = shop)")).toEqual(["reviewsV2", "reviewsV3"]);
  });

  it.each([
    ["", /Empty expression/],
    ["rsp > 10", /Unknown field "rsp" at 1; fields: rps, error/],
    ["rps >", /Expected a value after ">" at 5/],
    ["rps > ten", /"ten" at 7 is not a number/],
    ["latency > 1h", /Unit "h" does not fit latency \(use ms, s\)/],
    ["error > 5 ms", /Unexpected "ms" at 11/],
    ["version > v2", /"version" is text: use = or !=/],
    ["healthy = true", /"healthy" is a flag: write healthy or !healthy/],
    ["rps", /"rps" needs a comparison, e.g. rps > 10/],
    ["(rps > 1", /Missing "\)" for the "\(" at 1/],
    ["rps > 1)", /Unexpected "\)" at 8/],
    ["rps > 1 and", /Expected a field at the end/],
    ['name = "rev', /Unclosed quote " at 8/],
    ["rps > 1 & 2", /Unexpected "&" at 9/],
  ])("refuses %j with a clear error", (expr, message) => {
    expect(error(expr)).toMatch(message);
  });

  it("reports where the error is", () => {
    const r = parseExpression("ns = bookinfo and rsp > 1");
    expect(r).toMatchObject({ ok: false, position: 18 });
  });
});
