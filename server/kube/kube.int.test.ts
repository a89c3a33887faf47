import { CoreV1Api, KubeConfig, type V1Namespace } from "@kubernetes/client-node";
import { afterAll, describe, expect, inject, it } from "vitest";
import { eventually } from "@/test/demo-env";
import { KubeStatusError } from "../http/errors";
import { KubeCache } from "./cache";
import { kubeFor } from "./gateway";
import { CONSOLE_IDENTITY } from "./identity";

const demo = inject("demo");

describe("Kubernetes gateway against the demo API", () => {
  const gateway = kubeFor(CONSOLE_IDENTITY);

  it("answers /version and lists the seeded namespaces", async () => {
    expect(await gateway.version()).toMatch(/^v\d+\.\d+/);
    const names = (await gateway.list("namespaces")).items.map((n) => n.metadata?.name);
    expect(names).toEqual(expect.arrayContaining(["bookinfo", "istio-system", "legacy"]));
  });

  it("lists Istio kinds through the same client", async () => {
    const vs = await gateway.list("virtualservices");
    expect(vs.items.length).toBeGreaterThan(0);
    expect(vs.items[0]?.apiVersion).toBe("networking.istio.io/v1");
  });

  it("passes a 404 through as a typed Status error", async () => {
    const err = await gateway.get("deployments", "no-such-thing", "bookinfo").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeStatusError);
    expect((err as KubeStatusError).code).toBe(404);
    expect((err as KubeStatusError).reason).toBe("NotFound");
  });

  it("calls with the user's own token when the identity is a user", async () => {
    const err = await kubeFor({ kind: "user", token: "not-a-valid-token" })
      .list("namespaces")
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeStatusError);
    expect((err as KubeStatusError).code).toBe(401);
    const ok = await kubeFor({ kind: "user", token: demo.adminToken }).list("namespaces");
    expect(ok.items.length).toBeGreaterThan(2);
  });
});

describe("watch-fed cache", () => {
  const cache = new KubeCache();
  const kc = new KubeConfig();
  kc.loadFromFile(demo.kubeconfigPath);
  const core = kc.makeApiClient(CoreV1Api);
  const name = `cache-it-${Date.now().toString(36)}`;

  afterAll(async () => {
    await cache.stop();
    await core.deleteNamespace({ name }).catch(() => undefined);
  });

  it("lists every kind, then follows changes through the watch", async () => {
    cache.start();
    await cache.waitForSync(15_000);
    for (const s of cache.statuses()) expect(s.synced, `${s.key}: ${s.lastError ?? ""}`).toBe(true);
    expect(cache.list("pods", ["bookinfo"]).length).toBeGreaterThanOrEqual(6);

    await core.createNamespace({ body: { metadata: { name, labels: { purpose: "it" } } } as V1Namespace });
    await eventually(async () => (cache.list("namespaces").some((n) => n.metadata?.name === name) ? true : undefined), 10_000);

    await core.deleteNamespace({ name });
    await eventually(async () => (cache.list("namespaces").some((n) => n.metadata?.name === name) ? undefined : true), 10_000);
  });
});
