/**
 * The Kubernetes-backed state source against the demo API seeded with the demo topology: initial
 * lists (with the controller's pods), and a VirtualService patched through client-node reaching
 * MeshState — and the simulator's traffic — through the watch.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppsV1Api, CustomObjectsApi, KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeshStateSource } from "../contracts";
import { startKubeApi, type KubeApi } from "../kube-api/server";
import { SpanStore } from "../tracing/span-store";
import { createKubeMeshStateSource } from "./kube-state-source";
import { MeshIndex } from "./model/mesh-index";
import { createPodLogBuffer } from "./pod-logs";
import { FakeClock } from "./simulator/clock";
import { MeshSimulator } from "./simulator/simulator";
import { createIstioMetrics } from "./telemetry/istio-metrics";
import type { SeriesSnapshot } from "./telemetry/series-metrics";
import { seedObjects } from "./topology/seed";

let dir: string;
let api: KubeApi;
let source: MeshStateSource;
let kc: KubeConfig;

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const reviewsWeights = (): number[] => {
  const vs = source.current().virtualServices.find((v) => v.metadata.namespace === "bookinfo" && v.metadata.name === "reviews");
  const http = (vs?.spec as { http?: Array<{ route?: Array<{ weight?: number }> }> } | undefined)?.http ?? [];
  return (http.at(-1)?.route ?? []).map((r) => r.weight ?? 0);
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "mesh-state-source-"));
  api = await startKubeApi({ dataDir: dir, seed: seedObjects(), logs: createPodLogBuffer() });
  kc = new KubeConfig();
  kc.loadFromFile(api.kubeconfigPath);
  source = createKubeMeshStateSource(api.kubeconfigPath);
  await source.ready();
});

afterAll(async () => {
  source?.stop();
  await api?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("createKubeMeshStateSource", () => {
  it("lists the seeded objects and the controller's ready pods", () => {
    const state = source.current();
    expect(state.namespaces.map((n) => n.metadata.name)).toEqual(expect.arrayContaining(["istio-system", "bookinfo", "shop", "legacy"]));
    expect(state.deployments).toHaveLength(seedObjects().filter((o) => o.kind === "Deployment").length);
    expect(state.authorizationPolicies.map((p) => p.metadata.name).sort()).toEqual(["cart-deny-delete", "payment-allow-checkout"]);
    expect(state.pods.every((p) => p.apiVersion === "v1" && p.kind === "Pod" && typeof p.metadata.creationTimestamp === "string")).toBe(true);
    const index = new MeshIndex(state);
    const reviews = index.services.get("reviews.bookinfo.svc.cluster.local")!;
    expect(index.endpoints(reviews, undefined).map((e) => e.workload.name).sort()).toEqual(["reviews-v1", "reviews-v2", "reviews-v3"]);
    expect(reviewsWeights()).toEqual([50, 50]);
  });

  it("sees a VirtualService patched through client-node, and the next requests follow it", async () => {
    let changes = 0;
    const off = source.onChange(() => changes++);
    const custom = kc.makeApiClient(CustomObjectsApi);
    await custom.patchNamespacedCustomObject({
      group: "networking.istio.io",
      version: "v1",
      plural: "virtualservices",
      namespace: "bookinfo",
      name: "reviews",
      body: [
        {
          op: "replace",
          path: "/spec/http/1/route",
          value: [
            { destination: { host: "reviews", subset: "v1" }, weight: 80 },
            { destination: { host: "reviews", subset: "v2" }, weight: 20 },
          ],
        },
      ],
    });
    await waitFor(() => reviewsWeights().join("/") === "80/20", "the patched weights");
    off();
    expect(changes).toBeGreaterThan(0);

    const metrics = createIstioMetrics();
    const sim = new MeshSimulator({ source, spans: new SpanStore(), logs: createPodLogBuffer(), metrics, clock: new FakeClock(), sampling: 0 });
    for (let i = 0; i < 600; i++) sim.send({ from: { namespace: "bookinfo", workload: "productpage-v1" }, host: "reviews", port: 9080, path: "/reviews/0" });
    const samples = (await (metrics.registry.getSingleMetric("istio_requests_total") as unknown as { get(): Promise<SeriesSnapshot> }).get()).values;
    const count = (w: string) => samples.filter((s) => s.labels.reporter === "source" && s.labels.destination_workload === w).reduce((n, s) => n + s.value, 0);
    expect(count("reviews-v3")).toBe(0);
    expect(count("reviews-v2") / 600).toBeGreaterThan(0.14);
    expect(count("reviews-v2") / 600).toBeLessThan(0.26);
  });

  it("follows pods when a Deployment scales to zero", async () => {
    const apps = kc.makeApiClient(AppsV1Api);
    await apps.patchNamespacedDeployment({ name: "details-v1", namespace: "bookinfo", body: [{ op: "replace", path: "/spec/replicas", value: 0 }] });
    await waitFor(() => !source.current().pods.some((p) => p.metadata.name.startsWith("details-v1-")), "details pods to go");
    const index = new MeshIndex(source.current());
    expect(index.endpoints(index.services.get("details.bookinfo.svc.cluster.local")!, undefined)).toEqual([]);
  });
});
