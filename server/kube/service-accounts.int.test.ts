import type { V1Pod, V1ServiceAccount } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_RESOURCE_KINDS } from "@/lib/kube/resource-kinds";
import { eventually } from "@/test/demo-env";
import { KubeCache } from "./cache";
import { kubeFor } from "./gateway";
import { CONSOLE_IDENTITY } from "./identity";

/** Service accounts in the watch-fed cache, as the demo cluster serves them (like a real one). */
describe("service accounts in the watch-fed cache", () => {
  const cache = new KubeCache(ALL_RESOURCE_KINDS.filter((k) => ["namespaces", "pods", "serviceaccounts"].includes(k.key)));
  const gateway = kubeFor(CONSOLE_IDENTITY);
  const ns = `sa-it-${Date.now().toString(36)}`;

  beforeAll(async () => {
    cache.start();
    await cache.waitForSync(15_000);
  });

  afterAll(async () => {
    await cache.stop();
    await gateway.delete("namespaces", ns, undefined).catch(() => undefined);
  });

  const accounts = (namespace: string) =>
    new Set(cache.list<V1ServiceAccount>("serviceaccounts", [namespace]).map((s) => s.metadata?.name));

  it("holds a default account in every namespace, and every account the pods run as", () => {
    expect(cache.status("serviceaccounts")).toMatchObject({ synced: true, notInstalled: false });
    const namespaces = cache.list("namespaces").map((n) => n.metadata?.name ?? "");
    expect(namespaces.length).toBeGreaterThan(4);
    for (const n of namespaces) expect(accounts(n).has("default"), n).toBe(true);

    const pods = cache.list<V1Pod>("pods");
    expect(pods.length).toBeGreaterThan(10);
    for (const p of pods) {
      const sa = p.spec?.serviceAccountName;
      expect(sa, p.metadata?.name).toBeTruthy();
      expect(accounts(p.metadata?.namespace ?? "").has(sa), `${p.metadata?.namespace}/${p.metadata?.name} runs as ${sa}`).toBe(true);
    }
    expect(accounts("bookinfo").has("bookinfo-reviews")).toBe(true);
  });

  it("sees the default account a new namespace gets, and its removal with the namespace", async () => {
    await gateway.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
    await eventually(async () => (accounts(ns).has("default") ? true : undefined), 10_000);
    await gateway.create({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "robot", namespace: ns } });
    await eventually(async () => (accounts(ns).has("robot") ? true : undefined), 10_000);
    await gateway.delete("namespaces", ns, undefined);
    await eventually(async () => (accounts(ns).size === 0 ? true : undefined), 15_000);
  });
});
