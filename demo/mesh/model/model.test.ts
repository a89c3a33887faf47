import { describe, expect, it } from "vitest";
import { parseDurationMs } from "./durations";
import { compileMatch, type RequestAttributes } from "./http-match";
import { hostMatches, resolveHost } from "./names";
import { decideTransport } from "./peer-authentication";
import { compileRetries, DEFAULT_RETRY_POLICY, shouldRetry } from "./retry-policy";

const req = (over: Partial<RequestAttributes> = {}): RequestAttributes => ({
  method: "GET",
  path: "/api/v1/items",
  authority: "server",
  headers: {},
  port: 8080,
  sourceLabels: { app: "client", version: "v1" },
  sourceNamespace: "app",
  gateway: "mesh",
  ...over,
});

describe("HTTP match", () => {
  const resolve = (g: string) => (g.includes("/") ? g : `app/${g}`);

  it("matches uri exact/prefix/regex (whole value), method, headers, port and source", () => {
    expect(compileMatch({ uri: { exact: "/api/v1/items" } }, resolve)(req())).toBe(true);
    expect(compileMatch({ uri: { prefix: "/api" } }, resolve)(req())).toBe(true);
    expect(compileMatch({ uri: { regex: "/api/v[0-9]+" } }, resolve)(req())).toBe(false);
    expect(compileMatch({ uri: { regex: "/api/v[0-9]+/.*" } }, resolve)(req())).toBe(true);
    expect(compileMatch({ uri: { prefix: "/API" }, ignoreUriCase: true }, resolve)(req())).toBe(true);
    expect(compileMatch({ method: { exact: "POST" } }, resolve)(req())).toBe(false);
    expect(compileMatch({ headers: { "End-User": { exact: "jason" } } }, resolve)(req({ headers: { "end-user": "jason" } }))).toBe(true);
    expect(compileMatch({ withoutHeaders: { "end-user": {} } }, resolve)(req({ headers: { "end-user": "x" } }))).toBe(false);
    expect(compileMatch({ port: 9090 }, resolve)(req())).toBe(false);
    expect(compileMatch({ sourceLabels: { version: "v1" }, sourceNamespace: "app" }, resolve)(req())).toBe(true);
    expect(compileMatch({ gateways: ["gw"] }, resolve)(req({ gateway: "app/gw" }))).toBe(true);
    expect(compileMatch({ gateways: ["mesh"] }, resolve)(req({ gateway: "app/gw" }))).toBe(false);
    expect(compileMatch({ queryParams: { a: { exact: "1" } } }, resolve)(req())).toBe(false);
  });
});

describe("names and durations", () => {
  it("resolves short names as Istio does", () => {
    const ns = new Set(["bookinfo"]);
    expect(resolveHost("reviews", "bookinfo", ns)).toBe("reviews.bookinfo.svc.cluster.local");
    expect(resolveHost("reviews.bookinfo", "x", ns)).toBe("reviews.bookinfo.svc.cluster.local");
    expect(resolveHost("reviews.bookinfo.svc", "x", ns)).toBe("reviews.bookinfo.svc.cluster.local");
    expect(resolveHost("example.com", "x", ns)).toBe("example.com");
    expect(resolveHost("*", "x", ns)).toBe("*");
    expect(hostMatches("*.example.com", "api.example.com")).toBe(true);
    expect(hostMatches("*.example.com", "example.com")).toBe(false);
  });

  it("parses protobuf durations", () => {
    expect(parseDurationMs("1.5s")).toBe(1500);
    expect(parseDurationMs("100ms")).toBe(100);
    expect(parseDurationMs("2m")).toBe(120_000);
    expect(parseDurationMs("soon")).toBeUndefined();
  });
});

describe("retries", () => {
  it("defaults to Istio's policy: 2 retries on connect failure, 503 and gRPC UNAVAILABLE", () => {
    expect(DEFAULT_RETRY_POLICY.attempts).toBe(2);
    expect(shouldRetry(DEFAULT_RETRY_POLICY, { status: 503 })).toBe(true);
    expect(shouldRetry(DEFAULT_RETRY_POLICY, { status: 500 })).toBe(false);
    expect(shouldRetry(DEFAULT_RETRY_POLICY, { status: 200, grpcStatus: 14 })).toBe(true);
    expect(shouldRetry(DEFAULT_RETRY_POLICY, { status: 503, connectFailure: true })).toBe(true);
    expect(shouldRetry(DEFAULT_RETRY_POLICY, { status: 503, reset: true })).toBe(false);
  });

  it("compiles a route's retries", () => {
    const p = compileRetries({ attempts: 4, perTryTimeout: "250ms", retryOn: "gateway-error,409" });
    expect(p.attempts).toBe(4);
    expect(p.perTryTimeoutMs).toBe(250);
    expect(shouldRetry(p, { status: 504 })).toBe(true);
    expect(shouldRetry(p, { status: 409 })).toBe(true);
    expect(shouldRetry(p, { status: 500 })).toBe(false);
    expect(compileRetries({ attempts: 0 }).attempts).toBe(0);
  });
});

describe("transport decision (auto mTLS)", () => {
  it("sends mTLS between proxies unless the server disables it or the client's DestinationRule says otherwise", () => {
    expect(decideTransport("sidecar", "sidecar", "PERMISSIVE", undefined).kind).toBe("mtls");
    expect(decideTransport("gateway", "sidecar", "STRICT", undefined).kind).toBe("mtls");
    expect(decideTransport("sidecar", "sidecar", "DISABLE", undefined).kind).toBe("plaintext");
    expect(decideTransport("sidecar", "none", "PERMISSIVE", undefined).kind).toBe("plaintext");
    expect(decideTransport("none", "sidecar", "STRICT", undefined).kind).toBe("rejected-plaintext");
    expect(decideTransport("sidecar", "sidecar", "STRICT", "DISABLE").kind).toBe("rejected-plaintext");
    expect(decideTransport("sidecar", "none", "PERMISSIVE", "ISTIO_MUTUAL").kind).toBe("tls-failure");
  });
});
