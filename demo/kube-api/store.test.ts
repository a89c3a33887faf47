import { describe, expect, it } from "vitest";
import type { KubeObject } from "../contracts";
import type { StoreEvent } from "./event-log";
import { clone } from "./json";
import { BUILTIN_RESOURCES, type ResourceType } from "./resource-types";
import { ApiError } from "./status";
import { ObjectStore } from "./store";

const configmaps = BUILTIN_RESOURCES.find((t) => t.plural === "configmaps")!;
const deployments = BUILTIN_RESOURCES.find((t) => t.plural === "deployments")!;
const namespaces = BUILTIN_RESOURCES.find((t) => t.plural === "namespaces")!;
const vsType: ResourceType = { ...deployments, group: "networking.istio.io", plural: "virtualservices", kind: "VirtualService", builtIn: false, storageKey: "networking.istio.io/virtualservices" };

const cm = (name: string, ns = "default", data: Record<string, string> = {}): KubeObject => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: ns }, data });

function failure(f: () => unknown): ApiError {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected an ApiError");
}

describe("ObjectStore", () => {
  it("sets uid, creationTimestamp and a global, increasing resourceVersion", () => {
    const store = new ObjectStore();
    const a = store.create(configmaps, cm("a"));
    const b = store.create(deployments, { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d", namespace: "x" }, spec: {} });
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Number(b.metadata.resourceVersion)).toBe(Number(a.metadata.resourceVersion) + 1);
    expect(store.currentRevision()).toBe(Number(b.metadata.resourceVersion));
    expect(b.metadata.generation).toBe(1);
    expect(a.metadata.generation).toBeUndefined(); // config maps have no generation
  });

  it("rejects duplicates with 409 AlreadyExists and unknown objects with 404", () => {
    const store = new ObjectStore();
    store.create(vsType, { apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: "r", namespace: "b" }, spec: {} });
    const dup = failure(() => store.create(vsType, { apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: "r", namespace: "b" } }));
    expect(dup.code).toBe(409);
    expect(dup.status.reason).toBe("AlreadyExists");
    expect(dup.message).toBe('virtualservices.networking.istio.io "r" already exists');
    const missing = failure(() => store.require(configmaps, "default", "nope"));
    expect(missing.status).toMatchObject({ code: 404, reason: "NotFound", message: 'configmaps "nope" not found', details: { name: "nope", kind: "configmaps" } });
  });

  it("answers a stale resourceVersion with the real Conflict message", () => {
    const store = new ObjectStore();
    const created = store.create(vsType, { apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: "x", namespace: "b" }, spec: { hosts: ["a"] } });
    const next = clone(created);
    next["spec"] = { hosts: ["b"] };
    store.update(vsType, next);
    const stale = clone(created);
    stale["spec"] = { hosts: ["c"] };
    const error = failure(() => store.update(vsType, stale, { expectedResourceVersion: String(created.metadata.resourceVersion) }));
    expect(error.code).toBe(409);
    expect(error.message).toBe(
      'Operation cannot be fulfilled on virtualservices.networking.istio.io "x": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it("bumps generation on spec changes only, and keeps uid and creationTimestamp", () => {
    const store = new ObjectStore();
    const created = store.create(vsType, { apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: "x", namespace: "b" }, spec: { hosts: ["a"] } });
    const labelled = clone(created);
    labelled.metadata.labels = { a: "b" };
    labelled.metadata.uid = "forged";
    const afterLabel = store.update(vsType, labelled);
    expect(afterLabel.metadata.generation).toBe(1);
    expect(afterLabel.metadata.uid).toBe(created.metadata.uid);
    const withStatus = clone(afterLabel);
    withStatus["status"] = { observedGeneration: 1 };
    expect(store.update(vsType, withStatus).metadata.generation).toBe(1);
    const respec = clone(afterLabel);
    respec["spec"] = { hosts: ["b"] };
    expect(store.update(vsType, respec).metadata.generation).toBe(2);
  });

  it("does not rewrite an unchanged object", () => {
    const store = new ObjectStore();
    const created = store.create(configmaps, cm("a", "default", { k: "v" }));
    const rv = store.currentRevision();
    expect(store.update(configmaps, clone(created))).toBe(created);
    expect(store.currentRevision()).toBe(rv);
  });

  it("dry-run writes nothing and emits nothing", () => {
    const store = new ObjectStore();
    const events: StoreEvent[] = [];
    store.subscribe((e) => events.push(e));
    const dry = store.create(configmaps, cm("a"), { dryRun: true });
    expect(dry.metadata.uid).toBeDefined();
    expect(dry.metadata.resourceVersion).toBeUndefined();
    expect(store.get(configmaps, "default", "a")).toBeUndefined();
    const real = store.create(configmaps, cm("b"));
    store.delete(configmaps, "default", "b", { dryRun: true });
    expect(store.get(configmaps, "default", "b")).toBe(real);
    expect(events.map((e) => e.type)).toEqual(["ADDED"]);
  });

  it("emits ADDED, MODIFIED and DELETED with the deletion's resourceVersion, and replays them", () => {
    const store = new ObjectStore();
    const start = store.currentRevision();
    const created = store.create(configmaps, cm("a"));
    const changed = clone(created);
    changed["data"] = { x: "1" };
    store.update(configmaps, changed);
    const deleted = store.delete(configmaps, "default", "a");
    expect(Number(deleted.metadata.resourceVersion)).toBe(store.currentRevision());
    const replay = store.changesSince(start) ?? [];
    expect(replay.map((e) => e.type)).toEqual(["ADDED", "MODIFIED", "DELETED"]);
    expect(replay[1]?.previous?.["data"]).toEqual({});
    expect(store.changesSince(store.currentRevision())).toEqual([]);
  });

  it("forgets history past its size, so old revisions are expired", () => {
    const store = new ObjectStore(3);
    const start = store.currentRevision();
    for (let i = 0; i < 5; i++) store.create(configmaps, cm(`c${i}`));
    expect(store.changesSince(start)).toBeUndefined();
    expect(store.changesSince(store.currentRevision() - 3)?.length).toBe(3);
    expect(store.compactedRevision()).toBe(store.currentRevision() - 3);
  });

  it("lists in key order, per namespace or across namespaces; cluster-scoped objects ignore namespace", () => {
    const store = new ObjectStore();
    store.create(configmaps, cm("b", "ns1"));
    store.create(configmaps, cm("a", "ns2"));
    store.create(configmaps, cm("a", "ns1"));
    expect(store.list(configmaps).map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(["ns1/a", "ns1/b", "ns2/a"]);
    expect(store.list(configmaps, "ns2").map((o) => o.metadata.name)).toEqual(["a"]);
    const ns = store.create(namespaces, { apiVersion: "v1", kind: "Namespace", metadata: { name: "x", namespace: "ignored" } });
    expect(ns.metadata.namespace).toBeUndefined();
    expect(store.get(namespaces, "whatever", "x")).toBe(ns);
  });

  it("hands out frozen objects so shared state cannot be changed by accident", () => {
    const store = new ObjectStore();
    const created = store.create(configmaps, cm("a"));
    expect(() => {
      created.metadata.name = "b";
    }).toThrow(TypeError);
  });

  it("checks delete preconditions", () => {
    const store = new ObjectStore();
    const created = store.create(configmaps, cm("a"));
    expect(failure(() => store.delete(configmaps, "default", "a", { expectedUid: "other" })).code).toBe(409);
    expect(failure(() => store.delete(configmaps, "default", "a", { expectedResourceVersion: "1" })).code).toBe(409);
    expect(store.delete(configmaps, "default", "a", { expectedUid: String(created.metadata.uid) }).metadata.name).toBe("a");
  });
});
