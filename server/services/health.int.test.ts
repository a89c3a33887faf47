import { AppsV1Api, CoreV1Api, KubeConfig, type V1Pod } from "@kubernetes/client-node";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { workloadListResponse, type WorkloadListItem } from "@/lib/inventory/schemas";
import { eventually } from "@/test/demo-env";
import { GET as getWorkloads } from "@/app/api/workloads/route";

const demo = inject("demo");
const kc = new KubeConfig();
kc.loadFromFile(demo.kubeconfigPath);
const core = kc.makeApiClient(CoreV1Api);
const apps = kc.makeApiClient(AppsV1Api);
const ns = `it-health-${Date.now().toString(36)}`;
const NAME = "probe-v1";

/** The workload's row, once `ok` holds for it. */
async function workloadWhen(ok: (w: WorkloadListItem) => boolean): Promise<WorkloadListItem> {
  return eventually(async () => {
    const res = await getWorkloads(new NextRequest(`http://localhost/api/workloads?namespaces=${ns}&window=1m`), undefined);
    const { workloads } = workloadListResponse.parse(await res.json());
    const w = workloads.find((x) => x.name === NAME);
    return w && ok(w) ? w : undefined;
  }, 30_000);
}

async function scale(replicas: number): Promise<void> {
  await apps.replaceNamespacedDeploymentScale({ name: NAME, namespace: ns, body: { metadata: { name: NAME, namespace: ns }, spec: { replicas } } });
}

/** Marks a pod not ready, as failing readiness probes would (through `pods/status`). */
async function markUnready(pod: V1Pod): Promise<void> {
  const next: V1Pod = structuredClone(pod);
  for (const c of next.status?.conditions ?? []) if (c.type === "Ready" || c.type === "ContainersReady") c.status = "False";
  for (const s of next.status?.containerStatuses ?? []) s.ready = false;
  await core.replaceNamespacedPodStatus({ name: pod.metadata?.name ?? "", namespace: ns, body: next });
}

beforeAll(async () => {
  await core.createNamespace({ body: { metadata: { name: ns } } });
  await apps.createNamespacedDeployment({
    namespace: ns,
    body: {
      metadata: { name: NAME, namespace: ns },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: "probe", version: "v1" } },
        template: { metadata: { labels: { app: "probe", version: "v1" } }, spec: { containers: [{ name: "probe", image: "nginx" }] } },
      },
    },
  });
});

afterAll(async () => {
  await core.deleteNamespace({ name: ns }).catch(() => undefined);
});

describe("replica health follows the cluster", () => {
  it("is healthy with its one replica available", async () => {
    const w = await workloadWhen((x) => x.availableReplicas === 1);
    expect(w.health.status).toBe("healthy");
    expect(w.health.reasons).toEqual([]);
  });

  it("turns not-ready when scaled to 0 through the Kubernetes API, and healthy again at 3 of 3", async () => {
    await scale(0);
    const down = await workloadWhen((x) => x.desiredReplicas === 0);
    expect(down.health.status).toBe("not-ready");
    expect(down.health.reasons).toContain("scaled to 0 replicas");
    await scale(3);
    const up = await workloadWhen((x) => x.availableReplicas === 3);
    expect(up).toMatchObject({ desiredReplicas: 3, podsReady: 3, pods: 3 });
    expect(up.health.status).toBe("healthy");
  });

  it("shows failure when no pod is ready, degraded when some are", async () => {
    const pods = (await core.listNamespacedPod({ namespace: ns })).items;
    expect(pods.length).toBe(3);
    await markUnready(pods[0]!);
    const some = await workloadWhen((x) => x.availableReplicas === 2);
    expect(some.health.status).toBe("degraded");
    expect(some.health.reasons).toContain("2 of 3 replicas available");
    for (const p of pods.slice(1)) await markUnready(p);
    const none = await workloadWhen((x) => x.availableReplicas === 0);
    expect(none.health.status).toBe("failure");
    expect(none.health.reasons).toContain("0 of 3 replicas available");
    expect(none.podsReady).toBe(0);
  });
});
