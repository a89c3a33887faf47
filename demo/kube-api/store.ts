/**
 * The object store, standing in for etcd: one global resourceVersion counter, objects by resource and
 * namespace/name, the system-managed metadata (uid, resourceVersion, generation, creationTimestamp),
 * optimistic concurrency, and a change feed for watches and the controller.
 *
 * It does no validation or defaulting (see object-writer.ts); stored objects are deep-frozen and shared,
 * so callers clone before changing them.
 */
import { randomUUID } from "node:crypto";
import type { KubeObject } from "../contracts";
import { EventLog, type StoreEvent } from "./event-log";
import { clone, deepEqual, isRecord } from "./json";
import type { ResourceType } from "./resource-types";
import { alreadyExists, conflict, notFound } from "./status";

/** Options of a write. */
export interface WriteOptions {
  /** Compute and return the result without storing it or emitting an event. */
  dryRun?: boolean;
}

/** Options of an update. */
export interface UpdateOptions extends WriteOptions {
  /** Fail with 409 Conflict unless the stored object has this resourceVersion. */
  expectedResourceVersion?: string;
}

/** Listener of every change, called synchronously after it is stored. */
export type ChangeListener = (event: StoreEvent) => void;

const FIRST_REVISION = 1000;

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ""}/${name}`;
}

/** Whether the object's `generation` is tracked (workloads, CRDs and custom resources, as in Kubernetes). */
function tracksGeneration(type: ResourceType): boolean {
  return !type.builtIn || ["apps/deployments", "apps/replicasets", "apiextensions.k8s.io/customresourcedefinitions"].includes(type.storageKey);
}

/** The part of an object whose change bumps `generation`: everything but metadata and status. */
function specPart(object: KubeObject): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(object)) {
    if (k !== "metadata" && k !== "status" && k !== "apiVersion" && k !== "kind") rest[k] = v;
  }
  return rest;
}

function nowRfc3339(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** In-memory store of every object of the cluster. */
export class ObjectStore {
  private revision = FIRST_REVISION;
  private readonly buckets = new Map<string, Map<string, KubeObject>>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly log: EventLog;

  /** @param historySize how many changes watches can resume across */
  constructor(historySize = 10_000) {
    this.log = new EventLog(historySize, FIRST_REVISION);
  }

  /** The latest revision (the resourceVersion of a list). */
  currentRevision(): number {
    return this.revision;
  }

  /** The stored (frozen) object, or undefined. */
  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.buckets.get(type.storageKey)?.get(objectKey(type.namespaced ? namespace : undefined, name));
  }

  /** The stored object, or 404 NotFound. */
  require(type: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const found = this.get(type, namespace, name);
    if (!found) throw notFound(type, name);
    return found;
  }

  /** Stored (frozen) objects of a resource in key order, of one namespace or all. */
  list(type: ResourceType, namespace?: string): KubeObject[] {
    const bucket = this.buckets.get(type.storageKey);
    if (!bucket) return [];
    const prefix = namespace === undefined || !type.namespaced ? "" : `${namespace}/`;
    return [...bucket.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, obj]) => obj);
  }

  /** Storage keys that currently hold objects. */
  storageKeys(): string[] {
    return [...this.buckets.keys()];
  }

  /** Stores a new object, setting uid, resourceVersion, generation and creationTimestamp. */
  create(type: ResourceType, input: KubeObject, options: WriteOptions = {}): KubeObject {
    const namespace = type.namespaced ? input.metadata.namespace : undefined;
    if (this.get(type, namespace, input.metadata.name)) throw alreadyExists(type, input.metadata.name);
    const object = clone(input);
    const meta = object.metadata;
    if (!type.namespaced) delete meta.namespace;
    meta.uid = randomUUID();
    meta.creationTimestamp = typeof meta.creationTimestamp === "string" && meta.creationTimestamp ? meta.creationTimestamp : nowRfc3339();
    if (tracksGeneration(type)) meta.generation = 1;
    else delete meta.generation;
    delete meta.deletionTimestamp;
    if (options.dryRun) {
      delete meta.resourceVersion;
      return deepFreeze(object);
    }
    meta.resourceVersion = String(++this.revision);
    this.bucket(type).set(objectKey(namespace, meta.name), deepFreeze(object));
    this.emit({ type: "ADDED", storageKey: type.storageKey, object, revision: this.revision });
    return object;
  }

  /**
   * Replaces a stored object. System metadata (uid, creationTimestamp) is kept; generation is bumped
   * when anything but metadata and status changed. An unchanged object is not rewritten.
   */
  update(type: ResourceType, input: KubeObject, options: UpdateOptions = {}): KubeObject {
    const namespace = type.namespaced ? input.metadata.namespace : undefined;
    const current = this.require(type, namespace, input.metadata.name);
    const expected = options.expectedResourceVersion;
    if (expected !== undefined && expected !== "" && expected !== current.metadata.resourceVersion) {
      throw conflict(type, input.metadata.name);
    }
    const object = clone(input);
    const meta = object.metadata;
    meta.uid = current.metadata.uid;
    meta.creationTimestamp = current.metadata.creationTimestamp;
    if (!type.namespaced) delete meta.namespace;
    if (tracksGeneration(type)) {
      const generation = typeof current.metadata.generation === "number" ? current.metadata.generation : 1;
      meta.generation = deepEqual(specPart(current), specPart(object)) ? generation : generation + 1;
    } else delete meta.generation;
    meta.resourceVersion = current.metadata.resourceVersion;
    if (deepEqual(current, object) || options.dryRun) return options.dryRun ? deepFreeze(object) : current;
    meta.resourceVersion = String(++this.revision);
    this.bucket(type).set(objectKey(namespace, meta.name), deepFreeze(object));
    this.emit({ type: "MODIFIED", storageKey: type.storageKey, object, previous: current, revision: this.revision });
    return object;
  }

  /** Removes an object; returns its last state with the deletion's resourceVersion. */
  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    options: UpdateOptions & { expectedUid?: string } = {},
  ): KubeObject {
    const current = this.require(type, namespace, name);
    const expected = options.expectedResourceVersion;
    if (expected && expected !== current.metadata.resourceVersion) {
      throw conflict(
        type,
        name,
        `the ResourceVersion in the precondition (${expected}) does not match the ResourceVersion in record (${String(current.metadata.resourceVersion)}). The object might have been modified`,
      );
    }
    if (options.expectedUid && options.expectedUid !== current.metadata.uid) {
      throw conflict(
        type,
        name,
        `the UID in the precondition (${options.expectedUid}) does not match the UID in record (${String(current.metadata.uid)}). The object might have been deleted and then recreated`,
      );
    }
    if (options.dryRun) return current;
    const object = clone(current);
    object.metadata.resourceVersion = String(++this.revision);
    this.bucket(type).delete(objectKey(type.namespaced ? namespace : undefined, name));
    deepFreeze(object);
    this.emit({ type: "DELETED", storageKey: type.storageKey, object, previous: current, revision: this.revision });
    return object;
  }

  /** Changes after `revision`, or undefined when that history has been compacted away. */
  changesSince(revision: number): StoreEvent[] | undefined {
    return this.log.since(revision);
  }

  /** The revision up to which history is no longer kept. */
  compactedRevision(): number {
    return this.log.compactedRevision();
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private bucket(type: ResourceType): Map<string, KubeObject> {
    let bucket = this.buckets.get(type.storageKey);
    if (!bucket) {
      bucket = new Map();
      this.buckets.set(type.storageKey, bucket);
    }
    return bucket;
  }

  private emit(event: StoreEvent): void {
    this.log.append(event);
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A failing listener must not break the write that already happened.
        console.error("kube-api: change listener failed", error);
      }
    }
  }
}

/** True when `value` looks like a KubeObject (has apiVersion, kind and metadata.name). */
export function isKubeObject(value: unknown): value is KubeObject {
  return (
    isRecord(value) &&
    typeof value["apiVersion"] === "string" &&
    typeof value["kind"] === "string" &&
    isRecord(value["metadata"]) &&
    typeof value["metadata"]["name"] === "string"
  );
}
