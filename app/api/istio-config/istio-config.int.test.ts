import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MUTATION_HEADER } from "@/lib/api/mutation";
import { istioConfigListResponse, istioDeleteResponse, istioObjectResponse, istioWriteResponse, validateResponse, validationsResponse } from "@/lib/istio-config/schemas";
import { apiErrorBody } from "@/lib/api/schemas";
import { kubeFor } from "@/server/kube/gateway";
import { CONSOLE_IDENTITY } from "@/server/kube/identity";
import { eventually } from "@/test/demo-env";
import { GET as getObject, PUT, DELETE } from "./[namespace]/[kind]/[name]/route";
import { POST as create } from "./[namespace]/[kind]/route";
import { GET as list } from "./route";
import { POST as validate } from "./validate/route";
import { GET as validations } from "./validations/route";

const ns = `ic-it-${Date.now().toString(36)}`;
const gateway = kubeFor(CONSOLE_IDENTITY);
const base = "http://localhost/api/istio-config";
const objectCtx = (name: string, kind = "virtualservices") => ({ params: Promise.resolve({ namespace: ns, kind, name }) });

function send(method: "POST" | "PUT" | "DELETE", url: string, body?: unknown): NextRequest {
  return new NextRequest(url, {
    method,
    headers: { [MUTATION_HEADER]: "1", "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const vsYaml = (spec: string, rv?: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: canary
  namespace: ${ns}
${rv ? `  resourceVersion: "${rv}"\n` : ""}spec:
${spec}`;

const TO_NOWHERE = `  hosts: [canary.example.com]
  http:
    - route:
        - destination: { host: nowhere.${ns}.svc.cluster.local }
`;
const TO_REVIEWS = `  hosts: [canary.example.com]
  http:
    - route:
        - destination: { host: reviews.bookinfo.svc.cluster.local }
`;

async function read(name = "canary") {
  const res = await getObject(new NextRequest(`${base}/${ns}/virtualservices/${name}`), objectCtx(name));
  return { status: res.status, body: (await res.json()) as unknown };
}

const auditLines: string[] = [];

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation((line: unknown) => void auditLines.push(String(line)));
  await gateway.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
});

afterAll(async () => {
  await gateway.delete("namespaces", ns, undefined).catch(() => undefined);
  vi.restoreAllMocks();
});

describe("Istio config API against the demo", () => {
  let rv = "";

  it("creates a VirtualService from YAML and answers it with its findings", async () => {
    const res = await create(send("POST", `${base}/${ns}/virtualservices`, { yaml: vsYaml(TO_NOWHERE) }), { params: Promise.resolve({ namespace: ns, kind: "virtualservices" }) });
    expect(res.status).toBe(201);
    const body = istioWriteResponse.parse(await res.json());
    expect(body.dryRun).toBe(false);
    expect(body.object).toMatchObject({ kind: "VirtualService", metadata: { name: "canary", namespace: ns } });
    expect(body.findings.map((f) => [f.code, f.path])).toEqual([["VS004", "spec.http[0].route[0].destination.host"]]);
    rv = body.resourceVersion;
    expect(rv).not.toBe("");
  });

  it("GET answers it as JSON and YAML with its findings; the list and the counts show them too", async () => {
    const got = await read();
    expect(got.status).toBe(200);
    const body = istioObjectResponse.parse(got.body);
    expect(body.yaml).toContain("nowhere");
    expect(body.yaml).not.toContain("managedFields");
    expect(body.findings.map((f) => f.code)).toEqual(["VS004"]);

    const item = await eventually(async () => {
      const res = await list(new NextRequest(`${base}?namespaces=${ns}`), undefined);
      return istioConfigListResponse.parse(await res.json()).objects.find((o) => o.name === "canary");
    }, 15_000);
    expect(item).toMatchObject({ key: "virtualservices", kind: "VirtualService", namespace: ns });
    expect(item.findings.map((f) => f.code)).toEqual(["VS004"]);

    const res = await validations(new NextRequest(`${base}/validations?namespaces=${ns},bookinfo`), undefined);
    const counts = validationsResponse.parse(await res.json());
    expect(counts.namespaces.find((n) => n.namespace === ns)).toMatchObject({ error: 1, objects: 1, objectsWithFindings: 1 });
    expect(counts.namespaces.map((n) => n.namespace)).toEqual([ns, "bookinfo"]);
  });

  it("judges a draft without writing it", async () => {
    const res = await validate(
      new NextRequest(`${base}/validate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ object: { kind: "VirtualService", metadata: { name: "canary", namespace: ns }, spec: { hosts: ["x"], http: [{ route: [{ destination: { host: "reviews.bookinfo.svc.cluster.local" }, weight: 70 }, { destination: { host: "reviews.bookinfo.svc.cluster.local" }, weight: 20 }] }] } } }) }),
      undefined,
    );
    expect(res.status).toBe(200);
    expect(validateResponse.parse(await res.json()).findings.map((f) => f.code)).toEqual(["VS001"]);
    const plain = await validate(new NextRequest(`${base}/validate`, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" }), undefined);
    expect(plain.status).toBe(415);
  });

  it("PUT with a stale resourceVersion is a 409; with the current one it replaces", async () => {
    // Someone else changes the object after we read it.
    const current = await gateway.get("virtualservices", "canary", ns);
    const theirs = await gateway.replace({ ...current, metadata: { ...current.metadata, labels: { changed: "elsewhere" } } });
    const stale = await PUT(send("PUT", `${base}/${ns}/virtualservices/canary`, { yaml: vsYaml(TO_REVIEWS, rv) }), objectCtx("canary"));
    expect(stale.status).toBe(409);
    expect(apiErrorBody.parse(await stale.json())).toMatchObject({ reason: "Conflict", upstream: "kubernetes" });

    const ok = await PUT(send("PUT", `${base}/${ns}/virtualservices/canary`, { yaml: vsYaml(TO_REVIEWS, theirs.metadata?.resourceVersion) }), objectCtx("canary"));
    expect(ok.status).toBe(200);
    const body = istioWriteResponse.parse(await ok.json());
    expect(body.findings).toEqual([]);
    expect(body.resourceVersion).not.toBe(theirs.metadata?.resourceVersion);
    rv = body.resourceVersion;
  });

  it("a dry-run PUT answers what would be stored and changes nothing", async () => {
    const res = await PUT(send("PUT", `${base}/${ns}/virtualservices/canary?dryRun=true`, { yaml: vsYaml(TO_NOWHERE, rv) }), objectCtx("canary"));
    expect(res.status).toBe(200);
    const body = istioWriteResponse.parse(await res.json());
    expect(body.dryRun).toBe(true);
    expect(body.yaml).toContain("nowhere");
    const after = istioObjectResponse.parse((await read()).body);
    expect(after.resourceVersion).toBe(rv);
    expect(after.yaml).not.toContain("nowhere");
  });

  it("refuses an invalid spec with 422 naming the field: the API server's schema, and the console's own checks", async () => {
    const badWeight = `  hosts: [reviews]\n  http:\n    - route:\n        - destination: { host: reviews }\n          weight: "heavy"\n`;
    const schema = await PUT(send("PUT", `${base}/${ns}/virtualservices/canary`, { yaml: vsYaml(badWeight, rv) }), objectCtx("canary"));
    expect(schema.status).toBe(422);
    const s = apiErrorBody.parse(await schema.json());
    expect(s.upstream).toBe("kubernetes");
    expect(s.issues?.map((i) => i.path)).toContain("spec.http[0].route[0].weight");

    const unknown = await PUT(send("PUT", `${base}/${ns}/virtualservices/canary`, { yaml: vsYaml(`${TO_REVIEWS}  htp: []\n`, rv) }), objectCtx("canary"));
    expect(unknown.status).toBe(422);
    expect(apiErrorBody.parse(await unknown.json()).issues).toEqual([{ path: "spec.htp", message: expect.stringMatching(/unknown field/) }]);

    const noVersion = await PUT(send("PUT", `${base}/${ns}/virtualservices/canary`, { yaml: vsYaml(TO_REVIEWS) }), objectCtx("canary"));
    expect(apiErrorBody.parse(await noVersion.json()).issues?.map((i) => i.path)).toEqual(["metadata.resourceVersion"]);

    const renamed = await PUT(send("PUT", `${base}/${ns}/virtualservices/other`, { yaml: vsYaml(TO_REVIEWS, rv) }), objectCtx("other"));
    expect(apiErrorBody.parse(await renamed.json()).issues?.map((i) => i.path)).toEqual(["metadata.name"]);

    const kind = await getObject(new NextRequest(`${base}/${ns}/virtualthings/canary`), objectCtx("canary", "virtualthings"));
    expect(kind.status).toBe(422);
    expect(apiErrorBody.parse(await kind.json()).issues).toEqual([{ path: "kind", message: expect.stringMatching(/unknown Istio kind "virtualthings"/) }]);
    expect(istioObjectResponse.parse((await read()).body).resourceVersion).toBe(rv);
  });

  it("a second create of the same name is a 409 AlreadyExists", async () => {
    const res = await create(send("POST", `${base}/${ns}/virtualservices`, { yaml: vsYaml(TO_REVIEWS) }), { params: Promise.resolve({ namespace: ns, kind: "virtualservices" }) });
    expect(res.status).toBe(409);
    expect(apiErrorBody.parse(await res.json()).reason).toBe("AlreadyExists");
  });

  it("DELETE with a stale confirmation is a 409; with the current version it deletes, then GET is a 404", async () => {
    const stale = await DELETE(send("DELETE", `${base}/${ns}/virtualservices/canary?resourceVersion=1`), objectCtx("canary"));
    expect(stale.status).toBe(409);
    const dry = await DELETE(send("DELETE", `${base}/${ns}/virtualservices/canary?resourceVersion=${rv}&dryRun=true`), objectCtx("canary"));
    expect(istioDeleteResponse.parse(await dry.json()).dryRun).toBe(true);
    expect((await read()).status).toBe(200);

    const res = await DELETE(send("DELETE", `${base}/${ns}/virtualservices/canary?resourceVersion=${rv}`), objectCtx("canary"));
    expect(res.status).toBe(200);
    expect(istioDeleteResponse.parse(await res.json())).toEqual({ deleted: { kind: "VirtualService", namespace: ns, name: "canary" }, dryRun: false });
    expect((await read()).status).toBe(404);
    const again = await DELETE(send("DELETE", `${base}/${ns}/virtualservices/canary`), objectCtx("canary"));
    expect(again.status).toBe(404);
  });

  it("refuses writes without the mutation header, and audits every write, dry runs and failures included", async () => {
    const res = await PUT(new NextRequest(`${base}/${ns}/virtualservices/canary`, { method: "PUT", headers: { "content-type": "application/json" }, body: "{}" }), objectCtx("canary"));
    expect(res.status).toBe(403);
    const audits = auditLines.filter((l) => l.includes('"audit"')).map((l) => (JSON.parse(l) as { audit: { action: string; dryRun: boolean; result: string; name: string } }).audit);
    const seen = audits.filter((a) => a.name === "canary").map((a) => `${a.action}:${a.dryRun}:${a.result}`);
    expect(seen).toEqual([
      "create:false:ok",
      "replace:false:409 Conflict",
      "replace:false:ok",
      "replace:true:ok",
      "replace:false:422 Invalid",
      "replace:false:422 Invalid",
      "replace:false:422 Invalid",
      "create:false:409 AlreadyExists",
      "delete:false:409 Conflict",
      "delete:true:ok",
      "delete:false:ok",
      "delete:false:404 NotFound",
    ]);
  });
});
