/**
 * Maps request paths to what they address: discovery and OpenAPI documents, or a resource
 * (group, version, namespace, name, subresource), as k8s.io/apiserver's RequestInfoFactory does.
 */
import type { ResourceRegistry } from "./registry";
import type { ResourceType } from "./resource-types";

/** A request for a resource or one of its objects. */
export interface ResourceRoute {
  kind: "resource";
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** `/api/v1/watch/...`: the legacy watch paths. */
  legacyWatch: boolean;
}

/** What a path addresses. */
export type Route =
  | { kind: "version" }
  | { kind: "health"; check: string }
  | { kind: "api" }
  | { kind: "apis" }
  | { kind: "group"; group: string }
  | { kind: "resourceList"; group: string; version: string }
  | { kind: "openapiIndex" }
  | { kind: "openapiGroupVersion"; group: string; version: string }
  | ResourceRoute
  | { kind: "notFound" };

const NOT_FOUND: Route = { kind: "notFound" };

function resourceRoute(registry: ResourceRegistry, group: string, version: string, segments: string[]): Route {
  if (!registry.hasGroupVersion(group, version)) return NOT_FOUND;
  if (segments.length === 0) return { kind: "resourceList", group, version };
  let rest = segments;
  const legacyWatch = rest[0] === "watch";
  if (legacyWatch) rest = rest.slice(1);
  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length >= 3 && registry.find(group, version, rest[2] ?? "")?.namespaced) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural = "", name, subresource, ...extra] = rest;
  const type = registry.find(group, version, plural);
  if (!type || extra.length > 0) return NOT_FOUND;
  if (subresource !== undefined && !type.subresources.some((s) => s.name === subresource)) return NOT_FOUND;
  if (type.namespaced && namespace === undefined && name !== undefined) return NOT_FOUND;
  const route: ResourceRoute = { kind: "resource", type, legacyWatch };
  if (namespace !== undefined) route.namespace = namespace;
  if (name !== undefined) route.name = name;
  if (subresource !== undefined) route.subresource = subresource;
  return route;
}

/** Resolves a URL path (without query) against the served resources. */
export function route(registry: ResourceRegistry, pathname: string): Route {
  let segments: string[];
  try {
    segments = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return NOT_FOUND;
  }
  const [first, second, third] = segments;
  switch (first) {
    case "version":
      return segments.length === 1 ? { kind: "version" } : NOT_FOUND;
    case "healthz":
    case "livez":
    case "readyz":
      return { kind: "health", check: segments.join("/") };
    case "openapi":
      if (second !== "v3") return NOT_FOUND;
      if (segments.length === 2) return { kind: "openapiIndex" };
      if (third === "api" && segments.length === 4) return { kind: "openapiGroupVersion", group: "", version: segments[3] ?? "" };
      if (third === "apis" && segments.length === 5) {
        return { kind: "openapiGroupVersion", group: segments[3] ?? "", version: segments[4] ?? "" };
      }
      return NOT_FOUND;
    case "api":
      if (segments.length === 1) return { kind: "api" };
      return resourceRoute(registry, "", second ?? "", segments.slice(2));
    case "apis":
      if (segments.length === 1) return { kind: "apis" };
      if (segments.length === 2) return { kind: "group", group: second ?? "" };
      return resourceRoute(registry, second ?? "", third ?? "", segments.slice(3));
    default:
      return NOT_FOUND;
  }
}
