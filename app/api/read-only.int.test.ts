import type { KubernetesObject } from "@kubernetes/client-node";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { MUTATION_HEADER } from "@/lib/api/mutation";
import { apiErrorBody } from "@/lib/api/schemas";
import { istioConfigListResponse, istioObjectResponse, validateResponse, validationsResponse } from "@/lib/istio-config/schemas";
import { wizardContext } from "@/lib/wizards/api";
import { getConfig } from "@/server/config";
import { kubeFor } from "@/server/kube/gateway";
import { CONSOLE_IDENTITY } from "@/server/kube/identity";
import { eventually } from "@/test/demo-env";
import { DELETE, GET as getObject, PUT } from "./istio-config/[namespace]/[kind]/[name]/route";
import { POST as create } from "./istio-config/[namespace]/[kind]/route";
import { GET as list } from "./istio-config/route";
import { POST as validate } from "./istio-config/validate/route";
import { GET as validations } from "./istio-config/validations/route";
import { POST as apply } from "./wizards/[wizard]/apply/route";
import { POST as preview } from "./wizards/[wizard]/preview/route";
import { GET as wizardContextRoute } from "./wizards/context/route";

/**
 * The console configured read-only (`MESHSCOPE_READ_ONLY=true`, read from the environment like in
 * production) against the demo: every write route refuses with 403 and writes nothing; reads and
 * draft validation go on. The variable is stubbed before the configuration is first read: vitest
 * gives each test file its own module graph, so the cached configuration does not outlive this file,
 * and the variable itself is restored after it.
 */
vi.stubEnv("MESHSCOPE_READ_ONLY", "true");

const ns = `ro-it-${Date.now().toString(36)}`;
const gateway = kubeFor(CONSOLE_IDENTITY);
const base = "http://localhost/api/istio-config";
const READ_ONLY = "The console is read-only (MESHSCOPE_READ_ONLY=true): writes are disabled";

const vsObject = (name: string, host: string): KubernetesObject =>
  ({ apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name, namespace: ns }, spec: { hosts: [host], http: [{ route: [{ destination: { host } }] }] } }) as KubernetesObject;

function deployment(version: string): KubernetesObject {
  const labels = { app: "echo", version };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: `echo-${version}`, namespace: ns, labels },
    spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "echo", image: "echo:1" }] } } },
  } as KubernetesObject;
}

/** A write as the console's own pages send it (mutation header, same origin), with a user's token when given. */
function write(method: "POST" | "PUT" | "DELETE", url: string, body?: unknown, token?: string): NextRequest {
  const headers: Record<string, string> = { [MUTATION_HEADER]: "1", "content-type": "application/json", host: "localhost", origin: "http://localhost" };
  if (token) headers.authorization = `Bearer ${token}`;
  return new NextRequest(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function expectReadOnlyRefusal(res: Response): Promise<void> {
  expect(res.status).toBe(403);
  expect(apiErrorBody.parse(await res.json())).toMatchObject({ error: READ_ONLY, reason: "Forbidden" });
}

let canaryVersion = "";

beforeAll(async () => {
  expect(getConfig().readOnly).toBe(true);
  // The fixture is written through the gateway directly: the console itself may not write.
  await gateway.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  await gateway.create({ apiVersion: "v1", kind: "Service", metadata: { name: "echo", namespace: ns }, spec: { selector: { app: "echo" }, ports: [{ name: "http", port: 8080 }] } } as KubernetesObject);
  await Promise.all(["v1", "v2"].map((v) => gateway.create(deployment(v))));
  canaryVersion = (await gateway.create(vsObject("canary", "echo"))).metadata?.resourceVersion ?? "";
});

afterAll(async () => {
  await gateway.delete("namespaces", ns, undefined).catch(() => undefined);
  vi.unstubAllEnvs();
});

describe("a read-only console against the demo", () => {
  it("refuses Istio config writes with 403, dry runs and a user's own token included", async () => {
    const yaml = (name: string, rv?: string) =>
      `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n${rv ? `  resourceVersion: "${rv}"\n` : ""}spec:\n  hosts: [elsewhere]\n`;
    const kindCtx = { params: Promise.resolve({ namespace: ns, kind: "virtualservices" }) };
    const objectCtx = { params: Promise.resolve({ namespace: ns, kind: "virtualservices", name: "canary" }) };
    await expectReadOnlyRefusal(await create(write("POST", `${base}/${ns}/virtualservices`, { yaml: yaml("created") }), kindCtx));
    await expectReadOnlyRefusal(await create(write("POST", `${base}/${ns}/virtualservices?dryRun=true`, { yaml: yaml("created") }), kindCtx));
    await expectReadOnlyRefusal(await PUT(write("PUT", `${base}/${ns}/virtualservices/canary`, { yaml: yaml("canary", canaryVersion) }), objectCtx));
    await expectReadOnlyRefusal(await PUT(write("PUT", `${base}/${ns}/virtualservices/canary`, { yaml: yaml("canary", canaryVersion) }, inject("demo").adminToken), objectCtx));
    await expectReadOnlyRefusal(await DELETE(write("DELETE", `${base}/${ns}/virtualservices/canary?resourceVersion=${canaryVersion}`), objectCtx));
    await expectReadOnlyRefusal(await DELETE(write("DELETE", `${base}/${ns}/virtualservices/canary?dryRun=true`), objectCtx));
  });

  it("refuses wizard previews and applies with 403", async () => {
    const target = { namespace: ns, service: "echo" };
    const input = { weights: [{ version: "v1", weight: 80 }, { version: "v2", weight: 20 }] };
    const wizardCtx = { params: Promise.resolve({ wizard: "traffic-shifting" }) };
    await expectReadOnlyRefusal(await preview(write("POST", "http://localhost/api/wizards/traffic-shifting/preview", { target, input }), wizardCtx));
    const expected = [
      { kind: "VirtualService", namespace: ns, name: "echo", resourceVersion: null },
      { kind: "DestinationRule", namespace: ns, name: "echo", resourceVersion: null },
    ];
    await expectReadOnlyRefusal(await apply(write("POST", "http://localhost/api/wizards/traffic-shifting/apply", { target, input, expected }), wizardCtx));
  });

  it("wrote nothing: read back through the gateway", async () => {
    const canary = await gateway.get("virtualservices", "canary", ns);
    expect(canary.metadata?.resourceVersion).toBe(canaryVersion);
    expect((canary as KubernetesObject & { spec?: { hosts?: string[] } }).spec?.hosts).toEqual(["echo"]);
    expect((await gateway.list("virtualservices", ns)).items.map((o) => o.metadata?.name)).toEqual(["canary"]);
    expect((await gateway.list("destinationrules", ns)).items).toEqual([]);
  });

  it("still answers reads, and says it is read-only", async () => {
    const listed = await eventually(async () => {
      const res = await list(new NextRequest(`${base}?namespaces=${ns}`), undefined);
      expect(res.status).toBe(200);
      const body = istioConfigListResponse.parse(await res.json());
      return body.objects.some((o) => o.name === "canary") ? body : undefined;
    }, 15_000);
    expect(listed.readOnly).toBe(true);

    const res = await getObject(new NextRequest(`${base}/${ns}/virtualservices/canary`), { params: Promise.resolve({ namespace: ns, kind: "virtualservices", name: "canary" }) });
    expect(res.status).toBe(200);
    expect(istioObjectResponse.parse(await res.json())).toMatchObject({ resourceVersion: canaryVersion, readOnly: true });

    const counts = await validations(new NextRequest(`${base}/validations?namespaces=${ns}`), undefined);
    expect(counts.status).toBe(200);
    expect(validationsResponse.parse(await counts.json()).namespaces).toEqual([expect.objectContaining({ namespace: ns, objects: 1 })]);

    const context = await eventually(async () => {
      const r = await wizardContextRoute(new NextRequest(`http://localhost/api/wizards/context?namespace=${ns}&service=echo`), undefined);
      expect(r.status).toBe(200);
      const body = wizardContext.parse(await r.json());
      return body.versions.length === 2 ? body : undefined;
    }, 30_000);
    expect(context.versions.map((v) => v.version).sort()).toEqual(["v1", "v2"]);
  });

  it("still validates drafts (POST /api/istio-config/validate writes nothing)", async () => {
    const draft = { ...vsObject("canary", "echo"), spec: { hosts: ["echo"], http: [{ route: [{ destination: { host: "echo" }, weight: 60 }, { destination: { host: "echo" }, weight: 30 }] }] } };
    const res = await validate(new NextRequest(`${base}/validate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ object: draft }) }), undefined);
    expect(res.status).toBe(200);
    expect(validateResponse.parse(await res.json()).findings.map((f) => [f.code, f.path])).toEqual([["VS001", "spec.http[0].route"]]);
  });
});
