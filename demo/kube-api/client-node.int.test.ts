/**
 * The demo API against @kubernetes/client-node 1.4: informers (list then watch), the typed and
 * custom-object APIs, errors, and pod logs (read and follow).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Log,
  makeInformer,
  Watch,
  type KubernetesObject,
  type V1Pod,
} from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryLogSource } from "./memory-logs";
import { startKubeApi, type KubeApi } from "./server";
import { waitFor } from "./test-helpers";
import { testSeed } from "./test-seed";

let api: KubeApi;
let dir: string;
let kc: KubeConfig;
const logs = new MemoryLogSource();
const VS = { group: "networking.istio.io", version: "v1", plural: "virtualservices" };

function vs(name: string, weight = 100): Record<string, unknown> {
  return {
    apiVersion: "networking.istio.io/v1",
    kind: "VirtualService",
    metadata: { name, namespace: "bookinfo" },
    spec: { hosts: [name], http: [{ route: [{ destination: { host: name }, weight }] }] },
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kube-api-client-node-"));
  api = await startKubeApi({ dataDir: dir, seed: testSeed(), logs, bookmarkIntervalMs: 200 });
  kc = new KubeConfig();
  kc.loadFromFile(api.kubeconfigPath);
});

afterAll(async () => {
  await api?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("@kubernetes/client-node against the demo API", () => {
  it("an informer lists, then receives ADD, UPDATE and DELETE of VirtualServices", async () => {
    const custom = kc.makeApiClient(CustomObjectsApi);
    const informer = makeInformer<KubernetesObject>(kc, "/apis/networking.istio.io/v1/virtualservices", () =>
      custom.listClusterCustomObject(VS) as Promise<never>,
    );
    const seen: string[] = [];
    informer.on("add", (o) => seen.push(`add ${o.metadata?.name}`));
    informer.on("update", (o) => seen.push(`update ${o.metadata?.name}`));
    informer.on("delete", (o) => seen.push(`delete ${o.metadata?.name}`));
    await informer.start();
    try {
      await waitFor(() => seen.includes("add reviews"), 10_000, "initial list");
      await custom.createNamespacedCustomObject({ ...VS, namespace: "bookinfo", body: vs("informed") });
      await waitFor(() => seen.includes("add informed"), 10_000, "ADD");
      await custom.patchNamespacedCustomObject({
        ...VS,
        namespace: "bookinfo",
        name: "informed",
        body: [{ op: "replace", path: "/spec/hosts", value: ["informed", "informed.bookinfo.svc.cluster.local"] }],
      });
      await waitFor(() => seen.includes("update informed"), 10_000, "UPDATE");
      await custom.deleteNamespacedCustomObject({ ...VS, namespace: "bookinfo", name: "informed" });
      await waitFor(() => seen.includes("delete informed"), 10_000, "DELETE");
      expect(informer.list("bookinfo").map((o) => o.metadata?.name)).toEqual(["reviews"]);
    } finally {
      await informer.stop();
    }
  });

  it("a pod informer sees the controller create pods when a deployment scales", async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const apps = kc.makeApiClient(AppsV1Api);
    const informer = makeInformer<V1Pod>(kc, "/api/v1/namespaces/bookinfo/pods", () =>
      core.listNamespacedPod({ namespace: "bookinfo" }) as Promise<never>,
    );
    const added: string[] = [];
    informer.on("add", (p) => added.push(p.metadata?.name ?? ""));
    await informer.start();
    try {
      await waitFor(() => added.length === 2, 10_000, "initial pods");
      const deployment = await apps.readNamespacedDeployment({ name: "reviews-v1", namespace: "bookinfo" });
      deployment.spec!.replicas = 3;
      await apps.replaceNamespacedDeployment({ name: "reviews-v1", namespace: "bookinfo", body: deployment });
      await waitFor(() => added.length === 3, 10_000, "third pod");
      const pod = informer.get(added[2]!, "bookinfo");
      expect(pod?.status?.phase).toBe("Running");
      expect(pod?.status?.containerStatuses?.map((c) => c.name)).toEqual(["istio-proxy", "reviews"]);
      const status = await waitFor(async () => {
        const d = await apps.readNamespacedDeployment({ name: "reviews-v1", namespace: "bookinfo" });
        return d.status?.readyReplicas === 3 && d.status;
      });
      expect(status.observedGeneration).toBe(deployment.metadata!.generation! + 1);
    } finally {
      await informer.stop();
      const d = await apps.readNamespacedDeployment({ name: "reviews-v1", namespace: "bookinfo" });
      d.spec!.replicas = 2;
      await apps.replaceNamespacedDeployment({ name: "reviews-v1", namespace: "bookinfo", body: d });
    }
  });

  it("a watch resumes from a resourceVersion, gets bookmarks, and 410 when it is too old", async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const list = await core.listNamespacedConfigMap({ namespace: "bookinfo" });
    const from = list.metadata!.resourceVersion!;
    await core.createNamespacedConfigMap({ namespace: "bookinfo", body: { metadata: { name: "resumed" }, data: { a: "1" } } });
    const events: { type: string; name?: string; rv?: string }[] = [];
    const watch = new Watch(kc);
    const controller = await watch.watch(
      "/api/v1/namespaces/bookinfo/configmaps",
      { resourceVersion: from, allowWatchBookmarks: true },
      (type, obj: KubernetesObject) => events.push({ type, name: obj.metadata?.name, rv: obj.metadata?.resourceVersion }),
      () => undefined,
    );
    try {
      await waitFor(() => events.some((e) => e.type === "ADDED" && e.name === "resumed"), 5_000, "replayed ADDED");
      await waitFor(() => events.some((e) => e.type === "BOOKMARK"), 5_000, "BOOKMARK");
      expect(Number(events.find((e) => e.type === "BOOKMARK")?.rv)).toBeGreaterThan(Number(from));
    } finally {
      controller.abort();
    }
    const errors: { type: string; code?: number; reason?: string }[] = [];
    const expired = await watch.watch(
      "/api/v1/namespaces/bookinfo/configmaps",
      { resourceVersion: "1" },
      (type, obj: { code?: number; reason?: string }) => errors.push({ type, code: obj.code, reason: obj.reason }),
      () => undefined,
    );
    await waitFor(() => errors.length > 0, 5_000, "ERROR event");
    expired.abort();
    expect(errors[0]).toEqual({ type: "ERROR", code: 410, reason: "Expired" });
  });

  it("CustomObjectsApi serves the Istio kinds, with Status errors", async () => {
    const custom = kc.makeApiClient(CustomObjectsApi);
    const created = (await custom.createNamespacedCustomObject({ ...VS, namespace: "bookinfo", body: vs("details") })) as KubernetesObject;
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    const list = (await custom.listNamespacedCustomObject({ ...VS, namespace: "bookinfo" })) as { items: KubernetesObject[] };
    expect(list.items.map((i) => i.metadata?.name).sort()).toEqual(["details", "reviews"]);
    const v1beta1 = (await custom.getNamespacedCustomObject({ ...VS, version: "v1beta1", namespace: "bookinfo", name: "details" })) as KubernetesObject;
    expect(v1beta1.apiVersion).toBe("networking.istio.io/v1beta1");

    const duplicate = await custom.createNamespacedCustomObject({ ...VS, namespace: "bookinfo", body: vs("details") }).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(ApiException);
    expect((duplicate as ApiException<string>).code).toBe(409);

    const invalid = await custom.createNamespacedCustomObject({ ...VS, namespace: "bookinfo", body: vs("broken", -1.5) }).catch((e: unknown) => e);
    expect((invalid as ApiException<string>).code).toBe(422);
    const body = JSON.parse((invalid as ApiException<string>).body) as { reason: string; details: { kind: string; causes: { field: string }[] } };
    expect(body.reason).toBe("Invalid");
    expect(body.details.kind).toBe("VirtualService");
    expect(body.details.causes[0]?.field).toBe("spec.http[0].route[0].weight");

    const pa = {
      apiVersion: "security.istio.io/v1",
      kind: "PeerAuthentication",
      metadata: { name: "default", namespace: "bookinfo" },
      spec: { mtls: { mode: "STRICT" } },
    };
    await custom.createNamespacedCustomObject({ group: "security.istio.io", version: "v1", plural: "peerauthentications", namespace: "bookinfo", body: pa });
    const missing = await custom
      .getNamespacedCustomObject({ group: "security.istio.io", version: "v1", plural: "authorizationpolicies", namespace: "bookinfo", name: "nope" })
      .catch((e: unknown) => e);
    expect((missing as ApiException<string>).code).toBe(404);
    await custom.deleteNamespacedCustomObject({ ...VS, namespace: "bookinfo", name: "details" });
  });

  it("readNamespacedPodLog reads a container's logs with tailLines and timestamps", async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const pods = await core.listNamespacedPod({ namespace: "bookinfo", labelSelector: "app=reviews" });
    const pod = pods.items[0]!.metadata!.name!;
    const t = new Date("2025-01-02T03:04:05.678Z");
    logs.append("bookinfo", pod, "istio-proxy", "[envoy] one", t);
    logs.append("bookinfo", pod, "istio-proxy", "[envoy] two", t);
    const text = await core.readNamespacedPodLog({ name: pod, namespace: "bookinfo", container: "istio-proxy", tailLines: 1, timestamps: true });
    expect(text).toBe("2025-01-02T03:04:05.678000000Z [envoy] two\n");
    const ambiguous = await core.readNamespacedPodLog({ name: pod, namespace: "bookinfo" }).catch((e: unknown) => e);
    expect((ambiguous as ApiException<string>).code).toBe(400);
    expect((ambiguous as ApiException<string>).body).toContain(`a container name must be specified for pod ${pod}, choose one of: [reviews istio-proxy]`);
  });

  it("Log follows new lines until aborted", async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const pods = await core.listNamespacedPod({ namespace: "bookinfo", labelSelector: "app=reviews" });
    const pod = pods.items[1]!.metadata!.name!;
    logs.append("bookinfo", pod, "reviews", "before");
    const out = new PassThrough();
    let text = "";
    out.on("data", (d: Buffer) => (text += d.toString()));
    const request = await new Log(kc).log("bookinfo", pod, "reviews", out, { follow: true });
    try {
      await waitFor(() => text.includes("before\n"), 5_000, "buffered line");
      await waitFor(() => logs.followers("bookinfo", pod, "reviews") === 1, 5_000, "follower");
      logs.append("bookinfo", pod, "reviews", "after");
      await waitFor(() => text.includes("after\n"), 5_000, "followed line");
    } finally {
      request.abort();
    }
    await waitFor(() => logs.followers("bookinfo", pod, "reviews") === 0, 5_000, "stream released");
  });

  it("setPodReady and restartContainer show up through the API", async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const pods = await core.listNamespacedPod({ namespace: "bookinfo", labelSelector: "app=reviews" });
    const pod = pods.items[0]!.metadata!.name!;
    api.setPodReady("bookinfo", pod, false);
    const endpoints = await waitFor(async () => {
      const ep = await core.readNamespacedEndpoints({ name: "reviews", namespace: "bookinfo" });
      return ep.subsets?.[0]?.notReadyAddresses?.length === 1 && ep;
    });
    expect(endpoints.subsets?.[0]?.addresses).toHaveLength(1);
    api.setPodReady("bookinfo", pod, true);
    api.restartContainer("bookinfo", pod, "istio-proxy");
    const after = await core.readNamespacedPod({ name: pod, namespace: "bookinfo" });
    const proxy = after.status?.containerStatuses?.find((c) => c.name === "istio-proxy");
    expect(proxy?.restartCount).toBe(1);
    expect(proxy?.lastState?.terminated?.exitCode).toBe(137);
    expect(after.status?.conditions?.find((c) => c.type === "Ready")?.status).toBe("True");
  });
});
