import type { V1Deployment, V1Pod } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { toNamespaceSummaries, toWorkloadSummaries } from "./workloads";

function deployment(name: string, ns: string, replicas: number, available: number, sidecar = true): V1Deployment {
  const labels = { app: name.split("-")[0]!, version: name.split("-")[1] ?? "v1" };
  return {
    metadata: { name, namespace: ns },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { serviceAccountName: `sa-${name}`, containers: [{ name: "app" }, ...(sidecar ? [{ name: "istio-proxy" }] : [])] },
      },
    },
    status: { readyReplicas: available, availableReplicas: available },
  };
}

function pod(name: string, ns: string, labels: Record<string, string>, opts: { ready: boolean; sidecar: boolean }): V1Pod {
  return {
    metadata: { name, namespace: ns, labels },
    spec: { containers: [{ name: "app" }, ...(opts.sidecar ? [{ name: "istio-proxy" }] : [])] },
    status: { conditions: [{ type: "Ready", status: opts.ready ? "True" : "False" }] },
  };
}

describe("workload summaries", () => {
  it("counts each deployment's own pods, ready pods and sidecars", () => {
    const deps = [deployment("reviews-v2", "bookinfo", 2, 1), deployment("reviews-v1", "bookinfo", 1, 1), deployment("batch-v1", "legacy", 1, 1, false)];
    const pods = [
      pod("reviews-v2-a", "bookinfo", { app: "reviews", version: "v2" }, { ready: true, sidecar: true }),
      pod("reviews-v2-b", "bookinfo", { app: "reviews", version: "v2" }, { ready: false, sidecar: false }),
      pod("reviews-v1-a", "bookinfo", { app: "reviews", version: "v1" }, { ready: true, sidecar: true }),
      // Same labels in another namespace must not count.
      pod("reviews-v1-x", "other", { app: "reviews", version: "v1" }, { ready: true, sidecar: true }),
      pod("batch-v1-a", "legacy", { app: "batch", version: "v1" }, { ready: true, sidecar: false }),
    ];
    const byName = Object.fromEntries(toWorkloadSummaries(deps, pods).map((w) => [w.name, w]));
    expect(byName["reviews-v2"]).toMatchObject({ pods: 2, podsReady: 1, desiredReplicas: 2, availableReplicas: 1, sidecar: "partial", app: "reviews", version: "v2" });
    expect(byName["reviews-v1"]).toMatchObject({ pods: 1, podsReady: 1, sidecar: "present", serviceAccount: "sa-reviews-v1" });
    expect(byName["batch-v1"]).toMatchObject({ sidecar: "missing", namespace: "legacy" });
  });

  it("sorts by namespace then name", () => {
    const deps = [deployment("b-v1", "z", 1, 1), deployment("a-v1", "z", 1, 1), deployment("c-v1", "a", 1, 1)];
    expect(toWorkloadSummaries(deps, []).map((w) => `${w.namespace}/${w.name}`)).toEqual(["a/c-v1", "z/a-v1", "z/b-v1"]);
  });

  it("takes sidecar presence from the template when there are no pods (scaled to zero)", () => {
    expect(toWorkloadSummaries([deployment("x-v1", "n", 0, 0)], [])[0]?.sidecar).toBe("present");
    expect(toWorkloadSummaries([deployment("x-v1", "n", 0, 0, false)], [])[0]?.sidecar).toBe("missing");
  });
});

describe("namespace summaries", () => {
  it("reads injection from istio-injection or a revision label", () => {
    const out = toNamespaceSummaries([
      { metadata: { name: "b", labels: { "istio-injection": "enabled" } } },
      { metadata: { name: "a", labels: { "istio.io/rev": "canary" } } },
      { metadata: { name: "c", labels: { "istio-injection": "disabled" } } },
      { metadata: { name: "d" }, status: { phase: "Terminating" } },
    ]);
    expect(out.map((n) => [n.name, n.injection, n.phase])).toEqual([
      ["a", true, "Active"],
      ["b", true, "Active"],
      ["c", false, "Active"],
      ["d", false, "Terminating"],
    ]);
  });
});
