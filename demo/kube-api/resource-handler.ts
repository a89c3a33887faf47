/**
 * The verbs on a resource route: get, list, watch, create, update, patch, delete, deletecollection,
 * and the status, scale and log subresources.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PodLogSource } from "../contracts";
import type { KubeUser } from "./auth";
import type { FieldValidation, WriteContext } from "./admission";
import { boolParam, decodeBody, readBody, send } from "./http-io";
import { asArray, isRecord } from "./json";
import { buildFilter, pageOf } from "./list-query";
import { negotiate, type ResponseFormat } from "./negotiate";
import type { DeleteRequest, ObjectService } from "./object-service";
import { patchTypeOf } from "./patch";
import { serveLogs } from "./pod-logs";
import { decodeProtobufObject, isProtobuf } from "./protobuf";
import { renderList, renderObject } from "./render";
import { answerReview } from "./reviews";
import type { ResourceRoute } from "./router";
import { patchScale, scaleOf, updateScale } from "./scale";
import { badRequest, methodNotAllowed } from "./status";
import { serveWatch, type StreamRegistry } from "./watch";

/** What the resource handler needs. */
export interface ResourceHandlerDeps {
  service: ObjectService;
  streams: StreamRegistry;
  logs: PodLogSource;
  bookmarkIntervalMs: number;
  defaultWatchTimeoutSeconds: number;
}

function writeContext(params: URLSearchParams, dryRunFromBody: unknown = undefined): WriteContext {
  const dryRun = [...params.getAll("dryRun"), ...asArray(dryRunFromBody).map(String)];
  for (const v of dryRun) {
    if (v !== "All") throw badRequest(`dryRun: Unsupported value: ${JSON.stringify(v)}: supported values: "All"`);
  }
  const fv = params.get("fieldValidation") ?? "Warn";
  if (fv !== "Strict" && fv !== "Warn" && fv !== "Ignore") {
    throw badRequest(`fieldValidation: Unsupported value: ${JSON.stringify(fv)}: supported values: "Ignore", "Strict", "Warn"`);
  }
  return { dryRun: dryRun.length > 0, fieldValidation: fv as FieldValidation, warnings: [] };
}

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
  const contentType = req.headers["content-type"];
  return isProtobuf(contentType) ? decodeProtobufObject(raw) : decodeBody(raw, contentType);
}

async function deleteRequestOf(req: IncomingMessage, params: URLSearchParams): Promise<{ request: DeleteRequest; dryRun: unknown }> {
  const raw = await readBody(req);
  const body = raw.length > 0 && raw.toString("utf8").trim() ? decodeBody(raw, req.headers["content-type"]) : {};
  const options = isRecord(body) ? body : {};
  const request: DeleteRequest = {};
  const policy = params.get("propagationPolicy") ?? options["propagationPolicy"];
  if (policy === "Orphan" || policy === "Background" || policy === "Foreground") request.propagationPolicy = policy;
  else if (policy !== undefined && policy !== null) {
    throw badRequest(`propagationPolicy: Unsupported value: ${JSON.stringify(policy)}: supported values: "Foreground", "Background", "Orphan"`);
  }
  if (options["orphanDependents"] === true) request.propagationPolicy = "Orphan";
  const pre = options["preconditions"];
  if (isRecord(pre)) {
    request.preconditions = {};
    if (typeof pre["uid"] === "string") request.preconditions.uid = pre["uid"];
    if (typeof pre["resourceVersion"] === "string") request.preconditions.resourceVersion = pre["resourceVersion"];
  }
  return { request, dryRun: options["dryRun"] };
}

function responseFormat(req: IncomingMessage): ResponseFormat {
  return negotiate(req.headers.accept, { table: true, partial: true });
}

async function handleRead(req: IncomingMessage, res: ServerResponse, r: ResourceRoute, params: URLSearchParams, deps: ResourceHandlerDeps): Promise<void> {
  const { service } = deps;
  const { type, namespace, name, subresource } = r;
  if (subresource === "log") {
    serveLogs(res, namespace ?? "", name ?? "", params, {
      store: service.store,
      podType: type,
      source: deps.logs,
      streams: deps.streams,
    });
    return;
  }
  const format = responseFormat(req);
  const yaml = format.kind === "yaml";
  if (subresource === "scale") {
    send(res, 200, scaleOf(service.get(type, namespace, name ?? "")), { yaml });
    return;
  }
  const watching = r.legacyWatch || boolParam(params, "watch");
  if (name !== undefined && !watching) {
    send(res, 200, renderObject(type, service.get(type, namespace, name), format, params), { yaml });
    return;
  }
  const filter = buildFilter(type, params);
  if (watching) {
    const byName = name !== undefined ? (o: { metadata: { name: string } }) => o.metadata.name === name : () => true;
    serveWatch(res, { type, namespace, filter: (o) => byName(o) && filter(o), format, params }, {
      store: service.store,
      streams: deps.streams,
      bookmarkIntervalMs: deps.bookmarkIntervalMs,
      defaultTimeoutSeconds: deps.defaultWatchTimeoutSeconds,
    });
    return;
  }
  const revision = service.store.currentRevision();
  const objects = service.store.list(type, type.namespaced ? namespace : undefined).map((o) => service.versioned(type, o));
  send(res, 200, renderList(type, pageOf(objects, filter, params, revision), format, params), { yaml });
}

/** Serves one request on a resource route. */
export async function handleResource(
  req: IncomingMessage,
  res: ServerResponse,
  r: ResourceRoute,
  params: URLSearchParams,
  deps: ResourceHandlerDeps,
  user: KubeUser,
): Promise<void> {
  const { service } = deps;
  const { type, namespace, name, subresource } = r;
  const method = req.method ?? "GET";
  if (type.review) {
    if (method !== "POST" || name !== undefined) throw methodNotAllowed();
    send(res, 201, answerReview(type, await bodyOf(req), user));
    return;
  }
  if (r.legacyWatch && method !== "GET") throw methodNotAllowed();
  if (subresource === "log" && method !== "GET") throw methodNotAllowed();
  if (subresource === "finalize") throw methodNotAllowed();
  switch (method) {
    case "GET":
      return handleRead(req, res, r, params, deps);
    case "POST": {
      if (name !== undefined) throw methodNotAllowed();
      if (!type.verbs.includes("create")) throw methodNotAllowed();
      const body = await bodyOf(req);
      const format = responseFormat(req);
      const ctx = writeContext(params);
      const created = service.create(type, namespace, body, ctx);
      send(res, 201, renderObject(type, created, format, params), { warnings: ctx.warnings, yaml: format.kind === "yaml" });
      return;
    }
    case "PUT": {
      if (name === undefined) throw methodNotAllowed();
      const body = await bodyOf(req);
      const format = responseFormat(req);
      const ctx = writeContext(params);
      const result =
        subresource === "scale"
          ? updateScale(service, type, namespace ?? "", name, body, ctx)
          : subresource === "status"
            ? service.updateStatus(type, namespace, name, body, ctx)
            : service.update(type, namespace, name, body, ctx);
      send(res, 200, subresource === "scale" ? result : renderObject(type, result, format, params), { warnings: ctx.warnings, yaml: format.kind === "yaml" });
      return;
    }
    case "PATCH": {
      if (name === undefined) throw methodNotAllowed();
      const patchType = patchTypeOf(req.headers["content-type"], type);
      if (patchType === "apply" && !params.get("fieldManager")) {
        throw badRequest("PATCH, application/apply-patch+yaml requests must specify a fieldManager");
      }
      const patch = await bodyOf(req);
      const format = responseFormat(req);
      const ctx = writeContext(params);
      const result =
        subresource === "scale"
          ? patchScale(service, type, namespace ?? "", name, patchType, patch, ctx)
          : service.patch(type, namespace, name, patchType, patch, ctx, subresource === "status" ? "status" : undefined);
      send(res, 200, subresource === "scale" ? result : renderObject(type, result, format, params), { warnings: ctx.warnings, yaml: format.kind === "yaml" });
      return;
    }
    case "DELETE": {
      if (subresource !== undefined) throw methodNotAllowed();
      const { request, dryRun } = await deleteRequestOf(req, params);
      const ctx = writeContext(params, dryRun);
      if (name !== undefined) {
        send(res, 200, service.delete(type, namespace, name, request, ctx));
        return;
      }
      if (!type.verbs.includes("deletecollection")) throw methodNotAllowed();
      const filter = buildFilter(type, params);
      const victims = service.store.list(type, type.namespaced ? namespace : undefined).filter(filter);
      const deleted = victims.map((o) => {
        const versioned = service.versioned(type, o);
        service.delete(type, o.metadata.namespace, o.metadata.name, request, ctx);
        return versioned;
      });
      const page = { items: deleted, resourceVersion: String(service.store.currentRevision()) };
      send(res, 200, renderList(type, page, { kind: "json" }, params));
      return;
    }
    default:
      throw methodNotAllowed();
  }
}
