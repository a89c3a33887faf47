import { beforeAll, describe, expect, it } from "vitest";
import type { KubeObject } from "../contracts";
import { validateBuiltin } from "./builtin-validation";
import { pruneUnknownFields, strictDecodingMessage } from "./crd-schema";
import { formatFieldPath, segmentsOfPointer } from "./field-path";
import { causesFromAjvErrors, IstioValidator } from "./istio-validation";
import { nameRuleOf, validateMetadata, validateName } from "./metadata-validation";
import { invalid } from "./status";

let istio: IstioValidator;
beforeAll(async () => {
  istio = await IstioValidator.load();
});

const vs = (spec: unknown, apiVersion = "networking.istio.io/v1"): KubeObject => ({
  apiVersion,
  kind: "VirtualService",
  metadata: { name: "reviews", namespace: "bookinfo" },
  spec,
});

describe("field paths", () => {
  it("turn ajv pointers into Kubernetes paths", () => {
    expect(formatFieldPath(segmentsOfPointer("/spec/http/0/route/1/weight"))).toBe("spec.http[0].route[1].weight");
    expect(formatFieldPath(segmentsOfPointer("/metadata/labels/a~1b"))).toBe("metadata.labels.a/b");
  });
});

describe("Istio schema validation → causes", () => {
  it("accepts a valid VirtualService in every served version", () => {
    const spec = { hosts: ["reviews"], http: [{ route: [{ destination: { host: "reviews", subset: "v1" }, weight: 100 }] }] };
    expect(istio.validate(vs(spec))).toEqual([]);
    expect(istio.validate(vs(spec, "networking.istio.io/v1beta1"))).toEqual([]);
    expect(istio.validate(vs(spec, "networking.istio.io/v1alpha3"))).toEqual([]);
  });

  it("reports type errors with the API server's message and field path", () => {
    const causes = istio.validate(vs({ hosts: ["r"], http: [{ route: [{ destination: { host: "r" }, weight: "x" }] }] }));
    expect(causes).toEqual([
      {
        reason: "FieldValueTypeInvalid",
        field: "spec.http[0].route[0].weight",
        message: 'Invalid value: "string": spec.http[0].route[0].weight in body must be of type integer: "string"',
      },
    ]);
  });

  it("reports every problem: required fields and enums too", () => {
    const causes = istio.validate(vs({ hosts: "r", http: [{ route: [{ destination: {} }] }] }));
    expect(causes.map((c) => `${c.field} ${c.reason}`)).toEqual(
      expect.arrayContaining(["spec.hosts FieldValueTypeInvalid", "spec.http[0].route[0].destination.host FieldValueRequired"]),
    );
    const pa: KubeObject = { apiVersion: "security.istio.io/v1", kind: "PeerAuthentication", metadata: { name: "d" }, spec: { mtls: { mode: "SOMETIMES" } } };
    expect(istio.validate(pa)).toEqual([
      {
        reason: "FieldValueNotSupported",
        field: "spec.mtls.mode",
        message: 'Unsupported value: "SOMETIMES": supported values: "UNSET", "DISABLE", "PERMISSIVE", "STRICT"',
      },
    ]);
  });

  it("maps the other ajv keywords", () => {
    const obj = { spec: { n: 500, s: "abc", l: [1, 2, 3] } };
    const causes = causesFromAjvErrors(
      [
        { instancePath: "/spec/n", keyword: "maximum", params: { limit: 100 } },
        { instancePath: "/spec/s", keyword: "pattern", params: { pattern: "^x" } },
        { instancePath: "/spec/l", keyword: "maxItems", params: { limit: 2 } },
        { instancePath: "/spec", keyword: "required", params: { missingProperty: "host" } },
        { instancePath: "/spec/s", keyword: "oneOf", params: {}, message: "must match exactly one schema in oneOf" },
      ],
      obj,
    );
    expect(causes.map((c) => `${c.field}: ${c.message}`)).toEqual([
      "spec.n: Invalid value: 500: spec.n in body should be less than or equal to 100",
      "spec.s: Invalid value: \"abc\": spec.s in body should match '^x'",
      "spec.l: Too many: 3: must have at most 2 items",
      "spec.host: Required value",
      'spec.s: Invalid value: "abc": must match exactly one schema in oneOf',
    ]);
  });

  it("builds the Invalid Status message kubectl prints", () => {
    const causes = istio.validate(vs({ hosts: ["r"], http: [{ route: [{ destination: { host: "r" }, weight: 1.5 }] }] }));
    const error = invalid({ group: "networking.istio.io", plural: "virtualservices", kind: "VirtualService" }, "reviews", causes);
    expect(error.code).toBe(422);
    expect(error.message).toBe(
      'VirtualService.networking.istio.io "reviews" is invalid: spec.http[0].route[0].weight: Invalid value: "number": spec.http[0].route[0].weight in body must be of type integer: "number"',
    );
    expect(error.status.details?.causes?.[0]?.field).toBe("spec.http[0].route[0].weight");
  });
});

describe("metadata validation", () => {
  it("checks names per kind: subdomain, label (namespaces), DNS-1035 (services)", () => {
    expect(validateName("reviews.v1", nameRuleOf("VirtualService"))).toEqual([]);
    expect(validateName("reviews.v1", nameRuleOf("Namespace"))[0]?.message).toContain("RFC 1123 label");
    expect(validateName("1abc", nameRuleOf("Service"))[0]?.message).toContain("DNS-1035 label");
    const [cause] = validateName("Reviews", "subdomain");
    expect(cause).toEqual({
      reason: "FieldValueInvalid",
      field: "metadata.name",
      message:
        "Invalid value: \"Reviews\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    });
    expect(validateName("", "subdomain")[0]?.message).toBe("Required value: name or generateName is required");
    expect(validateName("a".repeat(64), "label")[0]?.message).toContain("must be no more than 63 characters");
  });

  it("checks label keys and values", () => {
    const obj: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x", labels: { "ok/key": "v", "bad key": "v", app: "not ok!" } } };
    const causes = validateMetadata(obj, "subdomain");
    expect(causes.map((c) => c.field)).toEqual(["metadata.labels", "metadata.labels"]);
    expect(causes[1]?.message).toContain('Invalid value: "not ok!": a valid label must be an empty string');
  });
});

describe("built-in validation", () => {
  it("requires the selector to match the template labels, containers and images", () => {
    const d: KubeObject = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "d" },
      spec: { selector: { matchLabels: { app: "a" } }, template: { metadata: { labels: { app: "b" } }, spec: { containers: [{ name: "c" }] } } },
    };
    expect(validateBuiltin(d).map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"b"}: `selector` does not match template `labels`',
      "spec.template.spec.containers[0].image: Required value",
    ]);
  });

  it("checks service ports and types, and immutable clusterIP", () => {
    const svc = (spec: unknown): KubeObject => ({ apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec });
    expect(validateBuiltin(svc({ type: "Magic", ports: [{ port: 80 }] }))[0]?.reason).toBe("FieldValueNotSupported");
    expect(validateBuiltin(svc({ ports: [{ port: 80 }, { port: 81 }] })).map((c) => c.field)).toEqual(["spec.ports[0].name", "spec.ports[1].name"]);
    expect(validateBuiltin(svc({ ports: [{ port: 70000 }] }))[0]?.field).toBe("spec.ports[0].port");
    const old = svc({ clusterIP: "10.96.0.20", ports: [{ port: 80 }] });
    expect(validateBuiltin(svc({ clusterIP: "10.96.0.21", ports: [{ port: 80 }] }), old)[0]?.message).toContain("field is immutable");
  });
});

describe("unknown fields of custom resources", () => {
  const schema = {
    type: "object",
    properties: {
      spec: {
        type: "object",
        properties: { hosts: { type: "array", items: { type: "string" } }, http: { type: "array", items: { type: "object", properties: { name: { type: "string" } } } }, labels: { type: "object", additionalProperties: { type: "string" } } },
      },
      status: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
    },
  };

  it("finds and prunes fields the schema does not declare", () => {
    const obj = { apiVersion: "v", kind: "K", metadata: { name: "x", anything: 1 }, spec: { hosts: ["a"], bogus: 1, http: [{ name: "n", extra: true }], labels: { free: "form" } }, status: { whatever: 1 }, top: 1 };
    const { pruned, unknown } = pruneUnknownFields(schema, obj);
    expect(unknown).toEqual(["spec.bogus", "spec.http[0].extra", "top"]);
    expect(pruned).toEqual({ apiVersion: "v", kind: "K", metadata: { name: "x", anything: 1 }, spec: { hosts: ["a"], http: [{ name: "n" }], labels: { free: "form" } }, status: { whatever: 1 } });
    expect(strictDecodingMessage(unknown)).toBe('strict decoding error: unknown field "spec.bogus", unknown field "spec.http[0].extra", unknown field "top"');
  });
});
