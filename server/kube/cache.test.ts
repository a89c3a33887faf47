import type { KubernetesObject } from "@kubernetes/client-node";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ALL_RESOURCE_KINDS } from "@/lib/kube/resource-kinds";
import { KubeStatusError } from "../http/errors";

/** What each fake informer does on start, by list path: list `objects`, or fail with `error`. */
const behaviour = vi.hoisted(() => new Map<string, { objects?: KubernetesObject[]; error?: Error }>());

vi.mock("./kube-config", () => ({ consoleKubeConfig: () => ({}), kubeServerUrl: () => "https://kube.test" }));
vi.mock("@kubernetes/client-node", async (importOriginal) => {
  const real = await importOriginal<typeof import("@kubernetes/client-node")>();
  return {
    ...real,
    KubernetesObjectApi: { makeApiClient: () => ({ list: () => Promise.resolve({ items: [] }) }) },
    makeInformer: (_kc: unknown, path: string) => {
      const handlers = new Map<string, Array<(arg: unknown) => void>>();
      let items: KubernetesObject[] = [];
      return {
        on: (event: string, cb: (arg: unknown) => void) => handlers.set(event, [...(handlers.get(event) ?? []), cb]),
        start: async () => {
          const b = behaviour.get(path) ?? {};
          if (b.error) {
            for (const cb of handlers.get("error") ?? []) cb(b.error);
            return;
          }
          items = b.objects ?? [];
          for (const o of items) for (const cb of handlers.get("add") ?? []) cb(o);
        },
        stop: async () => undefined,
        list: (ns?: string) => items.filter((o) => ns === undefined || o.metadata?.namespace === ns),
      };
    },
  };
});

const { KubeCache } = await import("./cache");

const kinds = ALL_RESOURCE_KINDS.filter((k) => k.key === "namespaces" || k.key === "serviceaccounts");
let cache: InstanceType<typeof KubeCache> | undefined;

afterEach(async () => {
  await cache?.stop();
  behaviour.clear();
});

describe("KubeCache", () => {
  it("holds service accounts like the other kinds", async () => {
    behaviour.set("/api/v1/serviceaccounts", { objects: [{ apiVersion: "v1", kind: "ServiceAccount", metadata: { namespace: "shop", name: "default" } }] });
    cache = new KubeCache(kinds);
    cache.start();
    await cache.waitForSync(1_000);
    expect(cache.status("serviceaccounts")).toMatchObject({ synced: true, forbidden: false, count: 1 });
    expect(cache.list("serviceaccounts", ["shop"]).map((o) => o.metadata?.name)).toEqual(["default"]);
  });

  it("does not keep callers waiting for a kind its credentials may not list, and says so", async () => {
    behaviour.set("/api/v1/serviceaccounts", { error: new KubeStatusError(403, "Forbidden", 'serviceaccounts is forbidden: User "meshscope" cannot list resource "serviceaccounts"') });
    cache = new KubeCache(kinds);
    cache.start();
    const started = performance.now();
    await cache.waitForSync(5_000);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(cache.status("namespaces")).toMatchObject({ synced: true, forbidden: false });
    expect(cache.status("serviceaccounts")).toMatchObject({ synced: false, forbidden: true, notInstalled: false, lastError: expect.stringContaining("cannot list") });
  });
});
