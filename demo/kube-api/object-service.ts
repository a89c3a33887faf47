/**
 * The verbs of the API on top of the store: create, update, status updates, patch, delete (with
 * cascading to owned objects and namespace contents), in the request's API version.
 * HTTP handlers, the seed loader and tests all write through it.
 */
import type { KubeObject } from "../contracts";
import { admit, decodeBody, type WriteContext } from "./admission";
import { establishedCrdStatus } from "./crd";
import type { IpAllocator } from "./ip-allocator";
import type { IstioValidator } from "./istio-validation";
import { asArray, clone, isRecord } from "./json";
import { applyPatch, type PatchType } from "./patch";
import type { ResourceRegistry } from "./registry";
import { apiVersionOf, type ResourceType } from "./resource-types";
import { badRequest, forbidden, notFound, success, type KubeStatus } from "./status";
import type { ObjectStore } from "./store";

/** `DeleteOptions` that the server honours. */
export interface DeleteRequest {
  propagationPolicy?: "Orphan" | "Background" | "Foreground";
  preconditions?: { uid?: string; resourceVersion?: string };
}

function nowRfc3339(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
}

function randomSuffix(length = 5): string {
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}

/** Create, read, update, patch and delete with the API server's semantics. */
export class ObjectService {
  constructor(
    readonly store: ObjectStore,
    readonly registry: ResourceRegistry,
    private readonly istio: IstioValidator,
    readonly ips: IpAllocator,
  ) {
    store.subscribe((event) => {
      if (event.storageKey !== "apiextensions.k8s.io/customresourcedefinitions") return;
      if (event.type === "DELETED") registry.removeCrd(event.object.metadata.name);
      else registry.upsertCrd(event.object);
    });
  }

  /** The type objects of a resource are stored as. */
  storageType(type: ResourceType): ResourceType {
    return this.registry.findByStorageKey(type.storageKey) ?? type;
  }

  /** The object as seen through `type`'s API version (a shallow copy). */
  versioned(type: ResourceType, object: KubeObject): KubeObject {
    const apiVersion = apiVersionOf(type);
    return object.apiVersion === apiVersion ? object : { ...object, apiVersion };
  }

  /** A stored object in the version of `type`, or 404. */
  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject {
    return this.versioned(type, this.store.require(type, namespace, name));
  }

  /** Creates an object from a request body. */
  create(type: ResourceType, namespace: string | undefined, body: unknown, ctx: WriteContext): KubeObject {
    const object = decodeBody(type, body, namespace);
    const meta = object.metadata;
    if (meta.resourceVersion) throw badRequest("resourceVersion should not be set on objects to be created");
    if (!meta.name && typeof meta.generateName === "string" && meta.generateName) {
      meta.name = `${meta.generateName}${randomSuffix()}`;
    }
    delete meta.uid;
    if (!ctx.internal) delete meta.creationTimestamp;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    if (type.namespaced) this.requireActiveNamespace(type, meta.namespace, meta.name);
    const storageType = this.storageType(type);
    const admitted = admit(object, { ips: this.ips, istio: this.istio, storageType }, ctx);
    if (type.kind === "CustomResourceDefinition" && type.group === "apiextensions.k8s.io") {
      admitted["status"] = establishedCrdStatus(admitted, nowRfc3339());
    }
    return this.versioned(type, this.store.create(storageType, admitted, { dryRun: ctx.dryRun }));
  }

  /** Replaces an object (PUT); status is kept from the stored object when the kind has a status subresource. */
  update(type: ResourceType, namespace: string | undefined, name: string, body: unknown, ctx: WriteContext): KubeObject {
    const object = decodeBody(type, body, namespace);
    if (object.metadata.name !== name) {
      throw badRequest(`the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`);
    }
    const current = this.store.require(type, namespace, name);
    const storageType = this.storageType(type);
    const expected = typeof object.metadata.resourceVersion === "string" ? object.metadata.resourceVersion : undefined;
    const admitted = admit(object, { ips: this.ips, istio: this.istio, storageType }, ctx, current);
    const stored = this.store.update(storageType, admitted, { dryRun: ctx.dryRun, expectedResourceVersion: expected });
    return this.versioned(type, stored);
  }

  /** Replaces only the status of an object (PUT on `/status`). */
  updateStatus(type: ResourceType, namespace: string | undefined, name: string, body: unknown, ctx: WriteContext): KubeObject {
    const object = decodeBody(type, body, namespace);
    if (object.metadata.name !== name) {
      throw badRequest(`the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`);
    }
    const current = this.store.require(type, namespace, name);
    const next = clone(current) as KubeObject;
    if (object["status"] === undefined) delete next["status"];
    else next["status"] = object["status"];
    const expected = typeof object.metadata.resourceVersion === "string" ? object.metadata.resourceVersion : undefined;
    const stored = this.store.update(this.storageType(type), next, { dryRun: ctx.dryRun, expectedResourceVersion: expected });
    return this.versioned(type, stored);
  }

  /**
   * Patches an object (or its status). Server-side apply (`apply`) creates the object when it is
   * missing, otherwise merges the applied configuration into it.
   */
  patch(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    patch: unknown,
    ctx: WriteContext,
    subresource?: "status",
  ): KubeObject {
    const current = this.store.get(type, namespace, name);
    if (!current) {
      if (patchType !== "apply" || subresource) throw notFound(type, name);
      const body = isRecord(patch) ? patch : {};
      const meta = isRecord(body["metadata"]) ? body["metadata"] : {};
      if (meta["name"] !== undefined && meta["name"] !== name) {
        throw badRequest(`the name of the object (${String(meta["name"])}) does not match the name on the URL (${name})`);
      }
      return this.create(type, namespace, { ...body, metadata: { ...meta, name } }, ctx);
    }
    const patched = applyPatch(type, this.versioned(type, current), patchType, patch);
    const patchedName = isRecord(patched["metadata"]) ? patched["metadata"]["name"] : undefined;
    if (patchedName !== name) throw badRequest(`the name of the object (${String(patchedName)}) does not match the name on the URL (${name})`);
    return subresource === "status"
      ? this.updateStatus(type, namespace, name, patched, ctx)
      : this.update(type, namespace, name, patched, ctx);
  }

  /**
   * Deletes an object and, unless orphaned, what it owns. Namespaces take their contents with them;
   * CRDs take their custom resources. Returns what the real server answers: the namespace (Terminating)
   * for namespaces, a Success `Status` otherwise.
   */
  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    request: DeleteRequest,
    ctx: WriteContext,
  ): KubeObject | KubeStatus {
    const current = this.store.require(type, namespace, name);
    const pre = request.preconditions ?? {};
    const options = { dryRun: ctx.dryRun, expectedResourceVersion: pre.resourceVersion, expectedUid: pre.uid };
    if (type.group === "" && type.plural === "namespaces") return this.deleteNamespace(type, current, options);
    if (ctx.dryRun) {
      this.store.delete(type, namespace, name, options);
      return success({ name, group: type.group || undefined, kind: type.plural, uid: String(current.metadata.uid) });
    }
    if (type.storageKey === "apiextensions.k8s.io/customresourcedefinitions") this.deleteCustomResources(current);
    const deleted = this.store.delete(type, namespace, name, options);
    this.cascade(deleted, request.propagationPolicy === "Orphan");
    return success({ name, group: type.group || undefined, kind: type.plural, uid: String(deleted.metadata.uid) });
  }

  /** 404 when the namespace does not exist, 403 while it is being deleted. */
  private requireActiveNamespace(type: ResourceType, namespace: string | undefined, name: string): void {
    const nsType = this.registry.find("", "v1", "namespaces");
    if (!nsType || !namespace) throw badRequest("namespace is required");
    const ns = this.store.get(nsType, undefined, namespace);
    if (!ns) throw notFound(nsType, namespace);
    if (isRecord(ns["status"]) && ns["status"]["phase"] === "Terminating") {
      throw forbidden(
        `${type.plural} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
        type,
        name,
      );
    }
  }

  private deleteNamespace(
    type: ResourceType,
    current: KubeObject,
    options: { dryRun: boolean; expectedResourceVersion?: string; expectedUid?: string },
  ): KubeObject {
    const terminating = clone(current) as KubeObject;
    terminating.metadata.deletionTimestamp = nowRfc3339();
    terminating["status"] = { ...(isRecord(current["status"]) ? current["status"] : {}), phase: "Terminating" };
    if (options.dryRun) return terminating;
    const marked = this.store.update(type, terminating, { expectedResourceVersion: options.expectedResourceVersion });
    const ns = current.metadata.name;
    for (const key of this.store.storageKeys()) {
      const contentType = this.registry.findByStorageKey(key);
      if (!contentType?.namespaced) continue;
      for (const obj of this.store.list(contentType, ns)) this.store.delete(contentType, ns, obj.metadata.name);
    }
    this.store.delete(type, undefined, ns);
    return marked;
  }

  private deleteCustomResources(crd: KubeObject): void {
    const spec = isRecord(crd["spec"]) ? crd["spec"] : {};
    const names = isRecord(spec["names"]) ? spec["names"] : {};
    const crType = this.registry.findByStorageKey(`${String(spec["group"])}/${String(names["plural"])}`);
    if (!crType) return;
    for (const obj of this.store.list(crType)) this.store.delete(crType, obj.metadata.namespace, obj.metadata.name);
  }

  /** Deletes (or orphans) the objects whose ownerReferences point at the deleted object. */
  private cascade(owner: KubeObject, orphan: boolean): void {
    const uid = owner.metadata.uid;
    for (const key of this.store.storageKeys()) {
      const depType = this.registry.findByStorageKey(key);
      if (!depType) continue;
      const candidates = depType.namespaced ? this.store.list(depType, owner.metadata.namespace) : this.store.list(depType);
      for (const dep of candidates) {
        const refs = asArray(dep.metadata["ownerReferences"]).filter(isRecord);
        if (!refs.some((r) => r["uid"] === uid)) continue;
        if (!this.store.get(depType, dep.metadata.namespace, dep.metadata.name)) continue;
        if (orphan) {
          const kept = refs.filter((r) => r["uid"] !== uid);
          const next = clone(dep) as KubeObject;
          if (kept.length > 0) next.metadata["ownerReferences"] = kept;
          else delete next.metadata["ownerReferences"];
          this.store.update(depType, next);
        } else {
          const deleted = this.store.delete(depType, dep.metadata.namespace, dep.metadata.name);
          this.cascade(deleted, false);
        }
      }
    }
  }
}
