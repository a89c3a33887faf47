import type { KubernetesObject } from "@kubernetes/client-node";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { istioConfigListResponse, validateResponse } from "@/lib/istio-config/schemas";
import { kubeFor } from "@/server/kube/gateway";
import { CONSOLE_IDENTITY } from "@/server/kube/identity";
import { eventually } from "@/test/demo-env";
import { GET as list } from "./route";
import { POST as validate } from "./validate/route";

/** AP002 in the console: AuthorizationPolicy principals judged against the cluster's service accounts. */
const ns = `ap-it-${Date.now().toString(36)}`;
const gateway = kubeFor(CONSOLE_IDENTITY);
const base = "http://localhost/api/istio-config";
const principal = (namespace: string, sa: string) => `cluster.local/ns/${namespace}/sa/${sa}`;

const policy = (principals: string[]) =>
  ({
    apiVersion: "security.istio.io/v1",
    kind: "AuthorizationPolicy",
    metadata: { name: "callers", namespace: ns },
    spec: { rules: [{ from: [{ source: { principals } }] }] },
  }) as KubernetesObject;

async function findingsOfPolicy(): Promise<string[] | undefined> {
  const res = await list(new NextRequest(`${base}?namespaces=${ns}`), undefined);
  const item = istioConfigListResponse.parse(await res.json()).objects.find((o) => o.name === "callers");
  return item?.findings.map((f) => `${f.code} ${f.path} ${f.message}`);
}

beforeAll(async () => {
  await gateway.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  await gateway.create(policy([principal("bookinfo", "bookinfo-reviews"), principal(ns, "default"), principal(ns, "robot")]));
});

afterAll(async () => {
  await gateway.delete("namespaces", ns, undefined).catch(() => undefined);
});

describe("AP002 against the demo's service accounts", () => {
  it("lists the policy with a finding for the account that does not exist, and none for those that do", async () => {
    const findings = await eventually(async () => {
      const f = await findingsOfPolicy();
      return f && f.length > 0 ? f : undefined;
    }, 15_000);
    expect(findings).toEqual([`AP002 spec.rules[0].from[0].source.principals[2] Service account robot not found in namespace ${ns}`]);
  });

  it("clears the finding once the service account is created (the cache follows service accounts)", async () => {
    await gateway.create({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "robot", namespace: ns } });
    expect(await eventually(async () => ((await findingsOfPolicy())?.length === 0 ? [] : undefined), 15_000)).toEqual([]);
  });

  it("judges an editor's draft against the same accounts", async () => {
    const draft = policy([principal("bookinfo", "bookinfo-ratings"), principal("bookinfo", "bookinfo-ghost"), principal("nowhere", "default")]);
    const res = await validate(new NextRequest(`${base}/validate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ object: draft }) }), undefined);
    expect(res.status).toBe(200);
    expect(validateResponse.parse(await res.json()).findings.map((f) => [f.code, f.path])).toEqual([
      ["AP002", "spec.rules[0].from[0].source.principals[1]"],
      ["AP002", "spec.rules[0].from[0].source.principals[2]"],
    ]);
  });
});
