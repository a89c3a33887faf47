import type { KubernetesObject } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import type { ResourceKey } from "@/lib/kube/resource-kinds";
import type { KubeReader } from "../kube/reader";
import { readInventory, type InventoryDeps } from "./inventory";

const labels = { app: "web", version: "v1" };
const deployment = (namespace: string, replicas = 1): KubernetesObject =>
  ({
    metadata: { namespace, name: "web-v1" },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "web" }] } } },
    status: { availableReplicas: replicas, readyReplicas: replicas },
  }) as KubernetesObject;

/** A reader handing out the very same objects on every call, as the watch-fed cache does. */
function cacheLike(objects: Partial<Record<ResourceKey, KubernetesObject[]>>): KubeReader {
  return {
    async list<T extends KubernetesObject>(key: ResourceKey, namespaces?: readonly string[]) {
      const all = objects[key] ?? [];
      return (namespaces ? all.filter((o) => namespaces.includes(o.metadata?.namespace ?? "")) : all) as T[];
    },
  };
}

function deps(objects: Partial<Record<ResourceKey, KubernetesObject[]>>): InventoryDeps {
  return { reader: cacheLike(objects), prometheus: { now: () => 1_000_000, query: async (query) => ({ query, samples: [], ms: 1 }) } };
}

describe("readInventory", () => {
  it("reuses the prepared inventory while the cache hands out the same objects, and only then", async () => {
    const objects = {
      namespaces: [{ metadata: { name: "a" } }, { metadata: { name: "b" } }],
      deployments: [deployment("a"), deployment("b")],
      services: [{ metadata: { namespace: "a", name: "web" }, spec: { selector: { app: "web" } } } as KubernetesObject],
    };
    const d = deps(objects);
    const first = await readInventory(["a", "b"], "5m", d);
    const again = await readInventory(["a", "b"], "5m", d);
    // The prepared parts (here each workload's services list) are the same objects: nothing was redone.
    expect(again.inventory.workloads[0]?.item.services).toBe(first.inventory.workloads[0]?.item.services);
    expect(again.inventory).toEqual(first.inventory);

    // A changed object (the cache replaces it on every change) is prepared again, and shows.
    objects.deployments[1] = deployment("b", 0);
    const changed = await readInventory(["a", "b"], "5m", d);
    expect(changed.inventory.workloads[0]?.item.services).not.toBe(first.inventory.workloads[0]?.item.services);
    expect(changed.inventory.workloads.find((w) => w.item.namespace === "b")?.item.health.status).toBe("not-ready");

    // Other needs or another selection are prepared on their own.
    const narrower = await readInventory(["a"], "5m", d, { apps: false, services: false });
    expect(narrower.inventory.workloads).toHaveLength(1);
    expect(narrower.inventory.apps).toEqual([]);
  });
});
