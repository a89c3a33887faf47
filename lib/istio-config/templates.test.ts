import { describe, expect, it } from "vitest";
import { ISTIO_KEYS } from "./kinds";
import { checkSchema } from "./schema-check";
import { templateFor } from "./templates";
import { writeInput } from "./write-input";
import { parseObjectYaml } from "./yaml";

describe("templates", () => {
  it.each(ISTIO_KEYS)("%s: parses, fits the kind's schema and is accepted for a create", async (key) => {
    const text = templateFor(key, "demo-ns");
    const parsed = parseObjectYaml(text);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("; "));
    expect(parsed.object).toMatchObject({ metadata: { namespace: "demo-ns" } });
    expect(await checkSchema(key, parsed.object)).toEqual([]);
    expect(writeInput({ yaml: text }, { key, namespace: "demo-ns" }).ok).toBe(true);
  });
});

describe("checkSchema", () => {
  it("reports wrong types, unsupported values, missing fields and unknown fields with their path", async () => {
    const obj = {
      apiVersion: "networking.istio.io/v1",
      kind: "VirtualService",
      metadata: { name: "x" },
      spec: { hosts: ["a"], http: [{ route: [{ destination: { host: "a" }, weight: "heavy" }] }], htp: [] },
    };
    expect(await checkSchema("virtualservices", obj)).toEqual([
      { segments: ["spec", "http", 0, "route", 0, "weight"], path: "spec.http[0].route[0].weight", message: "must be integer" },
      { segments: ["spec", "htp"], path: "spec.htp", message: expect.stringMatching(/unknown field "htp"/) },
    ]);
    const pa = await checkSchema("peerauthentications", { metadata: { name: "x" }, spec: { mtls: { mode: "SOMETIMES" } } });
    expect(pa).toEqual([{ segments: ["spec", "mtls", "mode"], path: "spec.mtls.mode", message: expect.stringMatching(/must be one of .*"STRICT"/) }]);
    const dr = await checkSchema("destinationrules", { metadata: { name: "x" }, spec: { subsets: [{ labels: { version: "v1" } }] } });
    expect(dr.map((i) => i.path)).toEqual(expect.arrayContaining(["spec.host", "spec.subsets[0].name"]));
  });
});
