/**
 * Renders objects and lists in the negotiated format: the object itself, a typed list, a Table or
 * partial object metadata.
 */
import type { KubeObject } from "../contracts";
import type { ResponseFormat } from "./negotiate";
import type { ListPage } from "./list-query";
import { apiVersionOf, type ResourceType } from "./resource-types";
import { toTable, type IncludeObject } from "./tables";

/** `?includeObject=` of table requests (Metadata by default). */
export function includeObjectOf(params: URLSearchParams): IncludeObject {
  const v = params.get("includeObject");
  return v === "None" || v === "Object" ? v : "Metadata";
}

/** The PartialObjectMetadata of an object. */
export function partialOf(object: KubeObject): Record<string, unknown> {
  return { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: object.metadata };
}

/** The body for one object. */
export function renderObject(type: ResourceType, object: KubeObject, format: ResponseFormat, params: URLSearchParams): unknown {
  if (format.kind === "table") {
    return toTable(type, [object], {
      includeObject: includeObjectOf(params),
      resourceVersion: String(object.metadata.resourceVersion ?? ""),
    });
  }
  if (format.kind === "partial") return partialOf(object);
  return object;
}

/** The body for a list page (items already in the request's version). */
export function renderList(type: ResourceType, page: ListPage, format: ResponseFormat, params: URLSearchParams): unknown {
  const metadata: Record<string, unknown> = { resourceVersion: page.resourceVersion };
  if (page.continueToken) metadata["continue"] = page.continueToken;
  if (page.remainingItemCount !== undefined) metadata["remainingItemCount"] = page.remainingItemCount;
  if (format.kind === "table") {
    return toTable(type, page.items, {
      includeObject: includeObjectOf(params),
      resourceVersion: page.resourceVersion,
      continueToken: page.continueToken,
      remainingItemCount: page.remainingItemCount,
    });
  }
  if (format.kind === "partial") {
    return { kind: "PartialObjectMetadataList", apiVersion: "meta.k8s.io/v1", metadata, items: page.items.map(partialOf) };
  }
  // Typed lists of built-in kinds carry no apiVersion/kind on their items; custom resource lists do.
  const items = type.builtIn
    ? page.items.map(({ apiVersion: _a, kind: _k, ...rest }) => rest)
    : page.items;
  return { apiVersion: apiVersionOf(type), items, kind: type.listKind, metadata };
}
