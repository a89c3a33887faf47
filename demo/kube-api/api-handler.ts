/**
 * The request handler of the demo API server: authentication, routing, discovery and OpenAPI
 * documents, then the resource verbs. A failure of any request becomes a `Status` response; nothing a
 * client sends can crash the server.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TokenAuthenticator } from "./auth";
import { aggregatedDiscovery, apiGroupDocument, apiGroupList, apiResourceList, apiVersions, SERVER_VERSION } from "./discovery";
import { send, sendError } from "./http-io";
import { negotiate } from "./negotiate";
import { openApiGroupVersion, openApiIndex } from "./openapi";
import { handleResource, type ResourceHandlerDeps } from "./resource-handler";
import { route, type Route } from "./router";
import { routeNotFound, unauthorized } from "./status";

/** What the API handler needs. */
export interface ApiHandlerDeps extends ResourceHandlerDeps {
  auth: TokenAuthenticator;
  /** `host:port` clients reach the server at (for `/api`). */
  serverAddress: () => string;
}

/** Routes that anonymous clients may read, as with the system:public-info-viewer role. */
const PUBLIC_ROUTES = new Set<Route["kind"]>(["version", "health"]);

/** Caches documents derived from the registry until the served resources change. */
function cached<T>(compute: () => T, revision: () => number): () => T {
  let value: T | undefined;
  let at = -1;
  return () => {
    const r = revision();
    if (value === undefined || at !== r) {
      value = compute();
      at = r;
    }
    return value;
  };
}

/** Creates the `(req, res)` handler of the API server. */
export function createApiHandler(deps: ApiHandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const registry = deps.service.registry;
  const revision = (): number => registry.revision;
  const openapiIndex = cached(() => openApiIndex(registry), revision);
  const openapiDocs = new Map<string, { at: number; doc: Record<string, unknown> | undefined }>();

  const documentOf = (r: Route): unknown => {
    switch (r.kind) {
      case "version":
        return SERVER_VERSION;
      case "api":
        return apiVersions(deps.serverAddress());
      case "apis":
        return apiGroupList(registry);
      case "group":
        return apiGroupDocument(registry, r.group);
      case "resourceList":
        return apiResourceList(registry, r.group, r.version);
      case "openapiIndex":
        return openapiIndex();
      case "openapiGroupVersion": {
        const key = `${r.group}/${r.version}`;
        const hit = openapiDocs.get(key);
        if (hit && hit.at === registry.revision) return hit.doc;
        const doc = openApiGroupVersion(registry, r.group, r.version);
        openapiDocs.set(key, { at: registry.revision, doc });
        return doc;
      }
      default:
        return undefined;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://kube-api.local");
    const r = route(registry, url.pathname);
    const user = deps.auth.authenticate(req);
    if (user === undefined || (user === "anonymous" && !PUBLIC_ROUTES.has(r.kind))) throw unauthorized();
    if (r.kind === "health") {
      res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("ok");
      return;
    }
    if (r.kind === "notFound") throw routeNotFound();
    if (r.kind === "resource") {
      if (user === "anonymous") throw unauthorized();
      return handleResource(req, res, r, url.searchParams, deps, user);
    }
    if (req.method !== "GET" && req.method !== "HEAD") throw routeNotFound();
    if (r.kind === "api" || r.kind === "apis") {
      const format = negotiate(req.headers.accept, { discovery: true });
      if (format.kind === "discovery") {
        send(res, 200, aggregatedDiscovery(registry, r.kind === "api", format.version), {
          contentType: `application/json;g=apidiscovery.k8s.io;v=${format.version};as=APIGroupDiscoveryList`,
        });
        return;
      }
    }
    const doc = documentOf(r);
    if (doc === undefined) throw routeNotFound();
    send(res, 200, doc);
  };

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!(error instanceof Error && error.name === "ApiError")) console.error("kube-api: request failed", req.method, req.url, error);
      try {
        sendError(res, error);
      } catch {
        res.destroy();
      }
    });
  };
}
