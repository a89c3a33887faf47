import { describe, expect, it } from "vitest";
import { istio } from "../topology/builders";
import { authorize, compileAuthorizationPolicy, policiesFor, type AuthzRequest } from "./authorization";

const policy = (name: string, spec: Record<string, unknown>, ns = "app") => compileAuthorizationPolicy(istio("security", "AuthorizationPolicy", ns, name, spec));
const http = (over: Partial<AuthzRequest> = {}): AuthzRequest => ({
  principal: "cluster.local/ns/app/sa/client",
  method: "GET",
  path: "/items",
  host: "server:8080",
  port: 8080,
  headers: {},
  tcp: false,
  ...over,
});

describe("authorize", () => {
  it("matches principals, namespaces, methods and paths with Istio's glob forms", () => {
    const p = policy("p", {
      action: "ALLOW",
      rules: [{ from: [{ source: { principals: ["cluster.local/ns/app/*"] } }], to: [{ operation: { methods: ["GET", "HEAD"], paths: ["/items*", "*/health"] } }] }],
    });
    expect(authorize([p], http()).allowed).toBe(true);
    expect(authorize([p], http({ path: "/x/health" })).allowed).toBe(true);
    expect(authorize([p], http({ method: "POST" })).allowed).toBe(false);
    expect(authorize([p], http({ principal: "cluster.local/ns/other/sa/x" })).allowed).toBe(false);
    expect(authorize([p], http({ principal: undefined })).allowed).toBe(false);
    expect(authorize([p], http({ method: "POST" })).details).toBe("rbac_access_denied_matched_policy[none]");
  });

  it("evaluates notX fields and when conditions", () => {
    const deny = policy("deny", {
      action: "DENY",
      rules: [{ from: [{ source: { notNamespaces: ["app"] } }], when: [{ key: "request.headers[x-debug]", values: ["1"] }] }],
    });
    expect(authorize([deny], http({ principal: "cluster.local/ns/ops/sa/a", headers: { "x-debug": "1" } }))).toEqual({
      allowed: false,
      details: "rbac_access_denied_matched_policy[ns[app]-policy[deny]-rule[0]]",
    });
    expect(authorize([deny], http({ principal: "cluster.local/ns/ops/sa/a" })).allowed).toBe(true);
    expect(authorize([deny], http({ headers: { "x-debug": "1" } })).allowed).toBe(true);
    // notPrincipals ["*"] is "no authenticated peer", i.e. plaintext.
    const denyPlain = policy("plain", { action: "DENY", rules: [{ from: [{ source: { notPrincipals: ["*"] } }] }] });
    expect(authorize([denyPlain], http({ principal: undefined })).allowed).toBe(false);
    expect(authorize([denyPlain], http()).allowed).toBe(true);
  });

  it("handles TCP as Istio does: ALLOW rules with HTTP fields never match, DENY rules drop them", () => {
    const allowGet = policy("a", { action: "ALLOW", rules: [{ to: [{ operation: { methods: ["GET"], ports: ["5432"] } }] }] });
    expect(authorize([allowGet], http({ tcp: true, port: 5432, method: undefined, path: undefined })).allowed).toBe(false);
    const denyGet = policy("d", { action: "DENY", rules: [{ to: [{ operation: { methods: ["GET"], ports: ["5432"] } }] }] });
    expect(authorize([denyGet], http({ tcp: true, port: 5432, method: undefined, path: undefined })).allowed).toBe(false);
    expect(authorize([denyGet], http({ tcp: true, port: 6379, method: undefined, path: undefined })).allowed).toBe(true);
  });

  it("applies selector policies to matching workloads and root-namespace policies mesh-wide", () => {
    const all = [
      policy("sel", { selector: { matchLabels: { app: "server" } }, action: "DENY", rules: [{}] }),
      policy("ns", { action: "ALLOW", rules: [{}] }),
      policy("mesh", { action: "DENY", rules: [{ to: [{ operation: { paths: ["/forbidden"] } }] }] }, "istio-system"),
      policy("other-ns", { action: "DENY", rules: [{}] }, "other"),
    ];
    expect(policiesFor(all, { namespace: "app", labels: { app: "server" } }).map((p) => p.name)).toEqual(["sel", "ns", "mesh"]);
    expect(policiesFor(all, { namespace: "app", labels: { app: "client" } }).map((p) => p.name)).toEqual(["ns", "mesh"]);
  });
});
