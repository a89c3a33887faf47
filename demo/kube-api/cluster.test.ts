import { beforeEach, describe, expect, it } from "vitest";
import type { KubeObject } from "../contracts";
import type { WriteContext } from "./admission";
import { createCluster, type Cluster } from "./cluster";
import { loadIstioCrds } from "./istio-crds";
import { asRecord } from "./json";
import type { ResourceType } from "./resource-types";
import { ApiError } from "./status";
import { reviewsDeployment, testSeed } from "./test-seed";

let c: Cluster;
const ctx = (over: Partial<WriteContext> = {}): WriteContext => ({ dryRun: false, fieldValidation: "Strict", warnings: [], ...over });
const type = (group: string, version: string, plural: string): ResourceType => c.registry.find(group, version, plural)!;
const pods = () => c.store.list(type("", "v1", "pods"), "bookinfo");
const code = (f: () => unknown): number => {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiError) return e.code;
    throw e;
  }
  return 200;
};

beforeEach(async () => {
  c = await createCluster({ crds: await loadIstioCrds(), seed: testSeed() });
});

describe("bootstrap", () => {
  it("registers the Istio CRDs with the served versions and names from crd-all.gen.yaml", () => {
    const vs = type("networking.istio.io", "v1", "virtualservices");
    expect(vs).toMatchObject({ kind: "VirtualService", namespaced: true, shortNames: ["vs"], categories: ["istio-io", "networking-istio-io"] });
    expect(type("networking.istio.io", "v1beta1", "virtualservices")).toBeDefined();
    expect(type("security.istio.io", "v1", "authorizationpolicies")?.shortNames).toEqual(["ap"]);
    const crd = c.store.get(type("apiextensions.k8s.io", "v1", "customresourcedefinitions"), undefined, "virtualservices.networking.istio.io");
    expect(asRecord(crd?.["status"])?.["storedVersions"]).toEqual(["v1"]);
  });

  it("creates the system namespaces with their default service account and root CA config map", () => {
    const names = c.store.list(type("", "v1", "namespaces")).map((n) => n.metadata.name);
    expect(names).toEqual(["bookinfo", "default", "kube-node-lease", "kube-public", "kube-system"]);
    expect(c.store.get(type("", "v1", "serviceaccounts"), "bookinfo", "default")).toBeDefined();
    expect(c.store.get(type("", "v1", "configmaps"), "default", "kube-root-ca.crt")).toBeDefined();
  });
});

describe("controller", () => {
  it("turns a seeded deployment into a ReplicaSet and running pods with istio-proxy statuses", () => {
    const rs = c.store.list(type("apps", "v1", "replicasets"), "bookinfo");
    expect(rs).toHaveLength(1);
    const [replicaSet] = rs;
    expect(replicaSet?.metadata.name).toMatch(/^reviews-v1-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(replicaSet?.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: "Deployment", name: "reviews-v1", controller: true })]);
    const hash = replicaSet?.metadata.labels?.["pod-template-hash"];
    expect(pods()).toHaveLength(2);
    for (const pod of pods()) {
      expect(pod.metadata.name).toMatch(new RegExp(`^reviews-v1-${hash}-[a-z0-9]{5}$`));
      expect(pod.metadata.labels).toEqual({ app: "reviews", version: "v1", "pod-template-hash": hash });
      const status = asRecord(pod["status"]) ?? {};
      expect(status).toMatchObject({ phase: "Running", hostIP: "10.0.0.10" });
      expect(status["podIP"]).toMatch(/^10\.244\./);
      expect(asRecord(pod["spec"])?.["nodeName"]).toBe("demo-node");
      expect((status["containerStatuses"] as { name: string; ready: boolean; restartCount: number }[]).map((s) => [s.name, s.ready, s.restartCount])).toEqual([
        ["istio-proxy", true, 0],
        ["reviews", true, 0],
      ]);
    }
    const d = c.store.get(type("apps", "v1", "deployments"), "bookinfo", "reviews-v1");
    expect(d?.["status"]).toMatchObject({ observedGeneration: 1, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2 });
  });

  it("scales up and down, and rolls out a changed template to a new ReplicaSet", async () => {
    const deployments = type("apps", "v1", "deployments");
    c.objects.update(deployments, "bookinfo", "reviews-v1", { ...reviewsDeployment("v1", 4), metadata: { name: "reviews-v1", namespace: "bookinfo" } }, ctx());
    await c.controller.idle();
    expect(pods()).toHaveLength(4);
    const changed = reviewsDeployment("v1", 1);
    const spec = changed["spec"] as { template: { metadata: { annotations: Record<string, string> } } };
    spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"] = "now";
    c.objects.update(deployments, "bookinfo", "reviews-v1", changed, ctx());
    await c.controller.idle();
    const replicaSets = c.store.list(type("apps", "v1", "replicasets"), "bookinfo");
    expect(replicaSets.map((rs) => (rs["spec"] as { replicas: number }).replicas).sort()).toEqual([0, 1]);
    expect(pods()).toHaveLength(1);
    const d = c.store.get(deployments, "bookinfo", "reviews-v1");
    expect(d?.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    expect(d?.["status"]).toMatchObject({ observedGeneration: 3, replicas: 1, updatedReplicas: 1 });
  });

  it("replaces a deleted pod, and keeps endpoints in step with pod readiness", async () => {
    const [first] = pods();
    c.objects.delete(type("", "v1", "pods"), "bookinfo", first!.metadata.name, {}, ctx());
    await c.controller.idle();
    expect(pods()).toHaveLength(2);
    expect(pods().map((p) => p.metadata.name)).not.toContain(first!.metadata.name);

    const endpoints = () => c.store.get(type("", "v1", "endpoints"), "bookinfo", "reviews")?.["subsets"] as { addresses?: unknown[]; notReadyAddresses?: unknown[]; ports: unknown[] }[];
    expect(endpoints()[0]?.addresses).toHaveLength(2);
    expect(endpoints()[0]?.ports).toEqual([{ name: "http", port: 9080, protocol: "TCP" }]); // named targetPort resolved
    c.controller.setPodReady("bookinfo", pods()[0]!.metadata.name, false);
    await c.controller.idle();
    expect(endpoints()[0]?.addresses).toHaveLength(1);
    expect(endpoints()[0]?.notReadyAddresses).toHaveLength(1);
    const d = c.store.get(type("apps", "v1", "deployments"), "bookinfo", "reviews-v1");
    expect(d?.["status"]).toMatchObject({ readyReplicas: 1, availableReplicas: 1 });
  });

  it("restarts a container", () => {
    const pod = c.controller.restartContainer("bookinfo", pods()[0]!.metadata.name, "reviews");
    const status = (asRecord(pod["status"])?.["containerStatuses"] as { name: string; restartCount: number; lastState: { terminated?: unknown } }[]).find((s) => s.name === "reviews");
    expect(status?.restartCount).toBe(1);
    expect(status?.lastState.terminated).toBeDefined();
    expect(() => c.controller.restartContainer("bookinfo", pods()[0]!.metadata.name, "nope")).toThrowError(/not valid/);
  });

  it("deletes owned ReplicaSets and pods with the deployment, and orphans them on request", async () => {
    const deployments = type("apps", "v1", "deployments");
    c.objects.delete(deployments, "bookinfo", "reviews-v1", { propagationPolicy: "Orphan" }, ctx());
    expect(c.store.list(type("apps", "v1", "replicasets"), "bookinfo")[0]?.metadata.ownerReferences).toBeUndefined();
    c.objects.create(deployments, "bookinfo", reviewsDeployment("v2", 1), ctx());
    await c.controller.idle();
    c.objects.delete(deployments, "bookinfo", "reviews-v2", {}, ctx());
    expect(pods().filter((p) => p.metadata.labels?.["version"] === "v2")).toEqual([]);
    expect(pods().filter((p) => p.metadata.labels?.["version"] === "v1")).toHaveLength(2); // orphans stay
  });
});

describe("API verbs", () => {
  const vsBody = (name: string, weight: unknown = 100): Record<string, unknown> => ({
    apiVersion: "networking.istio.io/v1",
    kind: "VirtualService",
    metadata: { name },
    spec: { hosts: [name], http: [{ route: [{ destination: { host: name }, weight }] }] },
  });

  it("create fills the namespace from the URL, rejects mismatches and missing namespaces", () => {
    const vs = type("networking.istio.io", "v1", "virtualservices");
    expect(c.objects.create(vs, "bookinfo", vsBody("a"), ctx()).metadata.namespace).toBe("bookinfo");
    expect(code(() => c.objects.create(vs, "bookinfo", { ...vsBody("b"), metadata: { name: "b", namespace: "other" } }, ctx()))).toBe(400);
    expect(code(() => c.objects.create(vs, "nowhere", vsBody("c"), ctx()))).toBe(404);
    expect(code(() => c.objects.create(vs, "bookinfo", vsBody("d", "x"), ctx()))).toBe(422);
    expect(code(() => c.objects.create(vs, "bookinfo", { ...vsBody("e"), kind: "Gateway" }, ctx()))).toBe(400);
  });

  it("serves objects in any served version and stores them in the storage version", () => {
    const v1beta1 = type("networking.istio.io", "v1beta1", "virtualservices");
    const created = c.objects.create(v1beta1, "bookinfo", { ...vsBody("old"), apiVersion: "networking.istio.io/v1beta1" }, ctx());
    expect(created.apiVersion).toBe("networking.istio.io/v1beta1");
    expect(c.store.get(v1beta1, "bookinfo", "old")?.apiVersion).toBe("networking.istio.io/v1");
  });

  it("drops status on create and keeps it on update for kinds with a status subresource", () => {
    const vs = type("networking.istio.io", "v1", "virtualservices");
    const created = c.objects.create(vs, "bookinfo", { ...vsBody("s"), status: { validationMessages: [] } }, ctx());
    expect(created["status"]).toBeUndefined();
    c.objects.updateStatus(vs, "bookinfo", "s", { ...created, status: { observedGeneration: "1" } }, ctx());
    const updated = c.objects.update(vs, "bookinfo", "s", { ...created, metadata: { ...created.metadata, resourceVersion: undefined }, status: { other: 1 } }, ctx());
    expect(updated["status"]).toEqual({ observedGeneration: "1" });
  });

  it("prunes unknown fields with warnings unless fieldValidation is Strict", () => {
    const vs = type("networking.istio.io", "v1", "virtualservices");
    const body = { ...vsBody("w"), spec: { hosts: ["w"], extra: true } };
    expect(code(() => c.objects.create(vs, "bookinfo", body, ctx()))).toBe(400);
    const warn = ctx({ fieldValidation: "Warn" });
    const created = c.objects.create(vs, "bookinfo", body, warn);
    expect(created["spec"]).toEqual({ hosts: ["w"] });
    expect(warn.warnings).toEqual(['unknown field "spec.extra"']);
  });

  it("patch: merge for custom resources, strategic for built-ins, apply creates", () => {
    const vs = type("networking.istio.io", "v1", "virtualservices");
    const patched = c.objects.patch(vs, "bookinfo", "reviews", "merge", { spec: { gateways: ["mesh"] } }, ctx());
    expect(patched["spec"]).toMatchObject({ gateways: ["mesh"], hosts: ["reviews"] });
    expect(patched.metadata.generation).toBe(2);
    const deployments = type("apps", "v1", "deployments");
    const d = c.objects.patch(deployments, "bookinfo", "reviews-v1", "strategic", { spec: { template: { spec: { containers: [{ name: "reviews", image: "new" }] } } } }, ctx());
    const containers = (d["spec"] as { template: { spec: { containers: { name: string; image: string }[] } } }).template.spec.containers;
    expect(containers.map((x) => `${x.name}=${x.image}`)).toEqual(["reviews=new", "istio-proxy=docker.io/istio/proxyv2:1.24.2"]);
    expect(code(() => c.objects.patch(vs, "bookinfo", "missing", "merge", {}, ctx()))).toBe(404);
    const applied = c.objects.patch(vs, "bookinfo", "applied", "apply", vsBody("applied"), ctx());
    expect(applied.metadata.uid).toBeDefined();
    expect(code(() => c.objects.patch(vs, "bookinfo", "reviews", "merge", { metadata: { resourceVersion: "1" } }, ctx()))).toBe(409);
  });

  it("dry-run answers as if done and stores nothing", () => {
    const vs = type("networking.istio.io", "v1", "virtualservices");
    const before = c.store.currentRevision();
    c.objects.create(vs, "bookinfo", vsBody("dry"), ctx({ dryRun: true }));
    c.objects.patch(vs, "bookinfo", "reviews", "merge", { spec: { hosts: ["x"] } }, ctx({ dryRun: true }));
    const status = c.objects.delete(vs, "bookinfo", "reviews", {}, ctx({ dryRun: true }));
    expect(status).toMatchObject({ kind: "Status", status: "Success" });
    expect(c.store.currentRevision()).toBe(before);
    expect(c.store.get(vs, "bookinfo", "reviews")?.["spec"]).toMatchObject({ hosts: ["reviews"] });
  });

  it("deleting a namespace deletes what it holds and answers with the Terminating namespace", () => {
    const namespaces = type("", "v1", "namespaces");
    const answer = c.objects.delete(namespaces, undefined, "bookinfo", {}, ctx()) as KubeObject;
    expect(answer["status"]).toEqual({ phase: "Terminating" });
    expect(answer.metadata.deletionTimestamp).toBeDefined();
    for (const key of c.store.storageKeys()) {
      const t = c.registry.findByStorageKey(key);
      if (t?.namespaced) expect(c.store.list(t, "bookinfo"), key).toEqual([]);
    }
    expect(c.store.get(namespaces, undefined, "bookinfo")).toBeUndefined();
  });

  it("deleting a CRD stops serving its kind and deletes its objects", () => {
    const crds = type("apiextensions.k8s.io", "v1", "customresourcedefinitions");
    const vs = type("networking.istio.io", "v1", "virtualservices");
    expect(c.store.list(vs)).toHaveLength(1);
    c.objects.delete(crds, undefined, "virtualservices.networking.istio.io", {}, ctx());
    expect(c.registry.find("networking.istio.io", "v1", "virtualservices")).toBeUndefined();
    expect(c.store.list(vs)).toEqual([]);
    expect(c.store.list(type("networking.istio.io", "v1", "destinationrules"))).toHaveLength(1);
  });
});
