import { describe, expect, it, vi } from "vitest";
import type { KindStatus } from "./cache";

const statuses = vi.hoisted(() => new Map<string, Partial<KindStatus>>());

vi.mock("./kube-config", () => ({ kubeServerUrl: () => "https://kube.test" }));
vi.mock("./cache", () => ({
  kubeCache: () => ({
    waitForSync: async () => undefined,
    status: (key: string) => ({ key, synced: true, notInstalled: false, forbidden: false, count: 0, ...statuses.get(key) }),
    list: () => [],
  }),
}));

const { kubeReader } = await import("./reader");

describe("the console's cache reader", () => {
  it("refuses a kind the console may not list with 403, as a direct list would", async () => {
    statuses.set("serviceaccounts", { synced: false, forbidden: true, lastError: "serviceaccounts is forbidden" });
    await expect(kubeReader({ kind: "console" }).list("serviceaccounts")).rejects.toMatchObject({ code: 403, reason: "Forbidden", message: "serviceaccounts is forbidden" });
  });

  it("answers the cached list of a synced kind", async () => {
    await expect(kubeReader({ kind: "console" }).list("namespaces")).resolves.toEqual([]);
  });
});
