import type { KubernetesObject } from "@kubernetes/client-node";
import type { IVirtualService } from "@kubernetes-models/istio/networking.istio.io/v1/VirtualService";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MUTATION_HEADER } from "@/lib/api/mutation";
import { applyResponse, previewResponse, wizardContext, type ExpectedVersion, type PreviewResponse, type WizardName } from "@/lib/wizards/api";
import { kubeFor } from "@/server/kube/gateway";
import { CONSOLE_IDENTITY } from "@/server/kube/identity";
import { eventually } from "@/test/demo-env";
import { POST as applyRoute } from "./[wizard]/apply/route";
import { POST as previewRoute } from "./[wizard]/preview/route";
import { GET as contextRoute } from "./context/route";

const flags = vi.hoisted(() => ({ readOnly: false }));
vi.mock("@/server/config", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/config")>();
  return { ...real, getConfig: () => ({ ...real.getConfig(), readOnly: flags.readOnly }) };
});

/** A namespace of our own with a two-version service, so that writes never touch what other tests read. */
const NS = `wiz-it-${Date.now().toString(36)}`;
const gateway = kubeFor(CONSOLE_IDENTITY);
const FQDN = `echo.${NS}.svc.cluster.local`;

function deployment(version: string): KubernetesObject {
  const labels = { app: "echo", version };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: `echo-${version}`, namespace: NS, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: "echo", image: "echo:1" }, { name: "istio-proxy", image: "docker.io/istio/proxyv2:1.24.2" }] },
      },
    },
  } as KubernetesObject;
}

type Body = Record<string, unknown>;

function call(route: typeof previewRoute, wizard: string, body: Body, headers: Record<string, string> = { [MUTATION_HEADER]: "1" }) {
  const req = new NextRequest(`http://localhost/api/wizards/${wizard}/x`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return route(req, { params: Promise.resolve({ wizard }) });
}

const echo = { namespace: NS, service: "echo" };
const shift = (v1: number, v2: number) => ({ weights: [{ version: "v1", weight: v1 }, { version: "v2", weight: v2 }] });
const expectedOf = (p: PreviewResponse): ExpectedVersion[] => p.changes.map(({ kind, namespace, name, resourceVersion }) => ({ kind, namespace, name, resourceVersion }));

async function preview(wizard: WizardName, target: Body, input: unknown): Promise<PreviewResponse> {
  const res = await call(previewRoute, wizard, { target, input });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
  return previewResponse.parse(await res.json());
}

async function echoVs(): Promise<IVirtualService | undefined> {
  const list = await gateway.list<KubernetesObject & IVirtualService>("virtualservices", NS);
  return list.items.find((v) => v.metadata?.name === "echo");
}

const weightsOf = (vs: IVirtualService | undefined) => vs?.spec?.http?.[0]?.route?.map((r) => [r.destination.subset, r.weight]);

beforeAll(async () => {
  await gateway.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: NS, labels: { "istio-injection": "enabled" } } });
  await gateway.create({ apiVersion: "v1", kind: "Service", metadata: { name: "echo", namespace: NS }, spec: { selector: { app: "echo" }, ports: [{ name: "http", port: 8080 }] } } as KubernetesObject);
  await Promise.all(["v1", "v2"].map((v) => gateway.create(deployment(v))));
  // The context reads workloads from the watch cache: wait until it has seen both.
  await eventually(async () => {
    const res = await contextRoute(new NextRequest(`http://localhost/api/wizards/context?namespace=${NS}&service=echo`), undefined);
    const ctx = wizardContext.parse(await res.json());
    return ctx.versions.length === 2 ? true : undefined;
  }, 30_000);
});

afterAll(async () => {
  await gateway.delete("namespaces", NS, undefined).catch(() => undefined);
});

describe("wizards API on the demo cluster", () => {
  it("gives the service's versions as context", async () => {
    const res = await contextRoute(new NextRequest(`http://localhost/api/wizards/context?namespace=${NS}&service=echo`), undefined);
    expect(res.status).toBe(200);
    const ctx = wizardContext.parse(await res.json());
    expect(ctx.versions).toEqual([
      { version: "v1", subset: "v1", workloads: ["echo-v1"], sidecar: true },
      { version: "v2", subset: "v2", workloads: ["echo-v2"], sidecar: true },
    ]);
    expect(ctx.weights).toBeNull();
    expect(ctx.objects).toEqual([]);
    expect((await contextRoute(new NextRequest(`http://localhost/api/wizards/context?namespace=${NS}&service=nope`), undefined)).status).toBe(404);
  });

  it("previews traffic shifting: creates a DestinationRule and a VirtualService, dry runs pass, nothing is written", async () => {
    const p = await preview("traffic-shifting", echo, shift(90, 10));
    expect(p.changes.map((c) => `${c.action} ${c.kind}/${c.name}`)).toEqual(["create DestinationRule/echo", "create VirtualService/echo"]);
    for (const c of p.changes) {
      expect(c.dryRun).toEqual({ ok: true, warnings: [] });
      expect(c.diff).toContain("+    app.kubernetes.io/managed-by: meshscope");
    }
    expect(p.changes[1]?.desiredYaml).toContain(`host: ${FQDN}`);
    expect((await gateway.list("virtualservices", NS)).items).toEqual([]);
    expect((await gateway.list("destinationrules", NS)).items).toEqual([]);
  });

  it("applies what was previewed, labelled as Meshscope's", async () => {
    const p = await preview("traffic-shifting", echo, shift(90, 10));
    const res = await call(applyRoute, "traffic-shifting", { target: echo, input: shift(90, 10), expected: expectedOf(p) });
    expect(res.status).toBe(200);
    const applied = applyResponse.parse(await res.json()).applied;
    expect(applied.map((a) => `${a.action} ${a.kind}/${a.name}`)).toEqual(["create DestinationRule/echo", "create VirtualService/echo"]);
    const vs = await echoVs();
    expect(vs?.metadata?.labels?.["app.kubernetes.io/managed-by"]).toBe("meshscope");
    expect(vs?.metadata?.resourceVersion).toBe(applied[1]?.resourceVersion);
    expect(weightsOf(vs)).toEqual([
      ["v1", 90],
      ["v2", 10],
    ]);
  });

  it("lets exactly one of two concurrent applies from the same preview win, and stores the winner's weights", async () => {
    const p = await preview("traffic-shifting", echo, shift(50, 50));
    const expected = expectedOf(p);
    const drBefore = (await gateway.get("destinationrules", "echo", NS)).metadata?.resourceVersion;
    const inputs = [shift(70, 30), shift(20, 80)];
    const answers = await Promise.all(inputs.map((input) => call(applyRoute, "traffic-shifting", { target: echo, input, expected })));
    const statuses = answers.map((a) => a.status);
    expect([...statuses].sort()).toEqual([200, 409]);
    const loser = answers.find((a) => a.status === 409);
    expect(await loser?.json()).toMatchObject({ reason: "Conflict" });
    const winner = inputs[statuses.indexOf(200)]!;
    const vs = await echoVs();
    expect(weightsOf(vs)).toEqual(winner.weights.map((w) => [w.version, w.weight]));
    // Nothing else was written by either: the DestinationRule already had both subsets.
    expect((await gateway.get("destinationrules", "echo", NS)).metadata?.resourceVersion).toBe(drBefore);
    // The weights before the change are kept for roll back.
    expect(JSON.parse(vs?.metadata?.annotations?.["meshscope.io/previous-weights"] ?? "null")).toEqual(shift(90, 10).weights);
  });

  it("refuses an apply whose preview is stale, writing nothing", async () => {
    const before = await echoVs();
    const expected = [{ kind: "VirtualService", namespace: NS, name: "echo", resourceVersion: "1" }];
    const res = await call(applyRoute, "traffic-shifting", { target: echo, input: shift(100, 0), expected });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      error: `VirtualService/echo changed since the preview (resourceVersion 1, now ${before?.metadata?.resourceVersion}): reload`,
      reason: "Conflict",
      issues: [{ path: "expected.0", message: "changed since the preview" }],
    });
    expect((await echoVs())?.metadata?.resourceVersion).toBe(before?.metadata?.resourceVersion);
  });

  it("gives the weights in force and the previous ones as context after a shift", async () => {
    const res = await contextRoute(new NextRequest(`http://localhost/api/wizards/context?namespace=${NS}&service=echo`), undefined);
    const ctx = wizardContext.parse(await res.json());
    expect(ctx.weights?.reduce((s, w) => s + w.weight, 0)).toBe(100);
    expect(ctx.previousWeights).toEqual(shift(90, 10).weights);
    expect(ctx.objects.map((o) => `${o.kind}/${o.name}:${o.managedByMeshscope}`)).toEqual(["VirtualService/echo:true", "DestinationRule/echo:true"]);
  });

  it("puts fault injection on the existing routes", async () => {
    const input = { abort: { httpStatus: 503, percentage: 10 } };
    const p = await preview("fault-injection", echo, input);
    expect(p.changes.map((c) => `${c.action} ${c.kind}`)).toEqual(["update VirtualService"]);
    expect(p.changes[0]?.dryRun.ok).toBe(true);
    const res = await call(applyRoute, "fault-injection", { target: echo, input, expected: expectedOf(p) });
    expect(res.status).toBe(200);
    const vs = await echoVs();
    expect(vs?.spec?.http?.[0]?.fault).toEqual({ abort: { httpStatus: 503, percentage: { value: 10 } } });
    expect(vs?.spec?.http?.[0]?.route).toHaveLength(2);
  });

  it("answers 422 naming the field for invalid input, 404 for an unknown wizard", async () => {
    const bad = await call(previewRoute, "traffic-shifting", { target: echo, input: { weights: [{ version: "v1", weight: 150 }] } });
    expect(bad.status).toBe(422);
    const paths = ((await bad.json()) as { issues: Array<{ path: string }> }).issues.map((i) => i.path);
    expect(paths).toContain("input.weights.0.weight");
    const noVersion = await call(previewRoute, "traffic-shifting", { target: echo, input: { weights: [{ version: "v9", weight: 100 }] } });
    expect(noVersion.status).toBe(422);
    expect(await noVersion.json()).toMatchObject({ issues: [{ path: "input.weights.0.version" }] });
    const noService = await call(previewRoute, "fault-injection", { target: { namespace: NS }, input: { abort: { httpStatus: 500, percentage: 1 } } });
    expect(await noService.json()).toMatchObject({ issues: [{ path: "target.service" }] });
    const badNs = await call(applyRoute, "mtls", { target: { namespace: "Not Valid" }, input: { mode: "SOMETIMES" } });
    expect(badNs.status).toBe(422);
    expect(((await badNs.json()) as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toEqual(["target.namespace", "expected", "input.mode"]);
    const nope = await call(previewRoute, "make-it-fast", { target: echo, input: {} });
    expect(nope.status).toBe(404);
    expect(((await nope.json()) as { error: string }).error).toContain("traffic-shifting, request-routing");
  });

  it("reports the API server's refusal of a dry run in the change, and refuses the apply with it", async () => {
    const target = { namespace: `${NS}-missing` };
    const p = await preview("authorization", target, { mode: "deny-all" });
    expect(p.changes[0]).toMatchObject({ action: "create", dryRun: { ok: false, status: 404, reason: "NotFound" } });
    const res = await call(applyRoute, "authorization", { target, input: { mode: "deny-all" }, expected: expectedOf(p) });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ reason: "NotFound", upstream: "kubernetes", error: expect.stringContaining("AuthorizationPolicy/deny-all") });
  });

  it("refuses writes without the request header, cross-site, or when the console is read-only", async () => {
    const body = { target: echo, input: shift(100, 0), expected: [] };
    expect((await call(applyRoute, "traffic-shifting", body, {})).status).toBe(403);
    expect((await call(previewRoute, "traffic-shifting", body, { [MUTATION_HEADER]: "1", host: "localhost", origin: "https://evil.example" })).status).toBe(403);
    flags.readOnly = true;
    try {
      const res = await call(applyRoute, "traffic-shifting", body);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ reason: "Forbidden", error: expect.stringContaining("read-only") });
    } finally {
      flags.readOnly = false;
    }
    expect(weightsOf(await echoVs())).not.toEqual([
      ["v1", 100],
      ["v2", 0],
    ]);
  });

  it("removes what it created", async () => {
    const p = await preview("remove-routing", echo, {});
    expect(p.changes.map((c) => `${c.action} ${c.kind}/${c.name}`)).toEqual(["delete VirtualService/echo", "delete DestinationRule/echo"]);
    expect(p.changes.every((c) => c.dryRun.ok && c.desiredYaml === null)).toBe(true);
    expect(await echoVs()).toBeDefined();
    const res = await call(applyRoute, "remove-routing", { target: echo, input: {}, expected: expectedOf(p) });
    expect(res.status).toBe(200);
    expect((await gateway.list("virtualservices", NS)).items).toEqual([]);
    expect((await gateway.list("destinationrules", NS)).items).toEqual([]);
  });
});

describe("policy wizard previews on Bookinfo (nothing written)", () => {
  it("previews STRICT mTLS for bookinfo: modes before/after, the legacy caller without sidecar, dry runs", async () => {
    const p = await eventually(async () => {
      const r = await preview("mtls", { namespace: "bookinfo" }, { mode: "STRICT" });
      return r.warnings.some((w) => w.code === "strict-breaks-callers") ? r : undefined;
    }, 45_000, 2_000);
    expect(p.changes[0]).toMatchObject({ action: "create", kind: "PeerAuthentication", name: "default", dryRun: { ok: true } });
    expect(p.changes.filter((c) => c.kind === "DestinationRule").map((c) => `${c.action} ${c.name} ${c.dryRun.ok}`)).toEqual(
      expect.arrayContaining(["update reviews true", "update productpage true"]),
    );
    expect(p.warnings.find((w) => w.code === "strict-breaks-callers")?.message).toContain("outside the mesh");
    expect(p.mtls?.find((m) => m.workload === "productpage-v1")).toEqual({ workload: "productpage-v1", namespace: "bookinfo", sidecar: true, before: "PERMISSIVE", after: "STRICT" });
    expect((await gateway.list("peerauthentications", "bookinfo")).items.map((i) => i.metadata?.name)).not.toContain("default");
  });

  it("proposes reviews-v1's callers from telemetry and previews an allow-list for them", async () => {
    const ctx = await eventually(async () => {
      const res = await contextRoute(new NextRequest("http://localhost/api/wizards/context?namespace=bookinfo&workload=reviews-v1"), undefined);
      const c = wizardContext.parse(await res.json());
      return c.callers.some((x) => x.workload === "productpage-v1") ? c : undefined;
    }, 45_000, 2_000);
    const productpage = ctx.callers.find((c) => c.workload === "productpage-v1");
    expect(productpage).toMatchObject({ namespace: "bookinfo", sidecar: true, principal: expect.stringMatching(/^cluster\.local\/ns\/bookinfo\/sa\//) });
    expect(ctx.errors).toEqual([]);
    const p = await preview("authorization", { namespace: "bookinfo", workload: "reviews-v1" }, { mode: "allow-callers", principals: [productpage?.principal] });
    expect(p.changes).toHaveLength(1);
    expect(p.changes[0]).toMatchObject({ action: "create", kind: "AuthorizationPolicy", name: "reviews-v1-allow-callers", dryRun: { ok: true } });
    expect(p.changes[0]?.desiredYaml).toContain(productpage?.principal);
    expect((await gateway.list("authorizationpolicies", "bookinfo")).items.map((i) => i.metadata?.name)).not.toContain("reviews-v1-allow-callers");
  });
});
