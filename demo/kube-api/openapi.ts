/**
 * OpenAPI v3 (`/openapi/v3` and `/openapi/v3/<api|apis/g>/<v>`), enough for kubectl:
 * - each PATCH operation names its kind (`x-kubernetes-group-version-kind`) and lists the
 *   `fieldValidation` parameter, so kubectl's query-param verifier
 *   (k8s.io/cli-runtime/pkg/resource/query_param_verifier_v3.go) leaves validation to the server
 *   instead of falling back to client-side validation, which needs protobuf OpenAPI v2;
 * - built-in kinds advertise strategic merge patch but carry no schema tagged with their kind, so
 *   `kubectl apply` computes strategic patches from its compiled-in types (apply/patcher.go);
 * - custom resources carry the CRD's schema, so `kubectl explain` works for Istio kinds.
 * OpenAPI v2 is not served (kubectl only wants it as protobuf and copes without it).
 */
import { createHash } from "node:crypto";
import { acceptedPatchMediaTypes } from "./patch";
import type { ResourceRegistry } from "./registry";
import { apiVersionOf, type ResourceType } from "./resource-types";

const PATCH_SCHEMA = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch";

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** Schema name as the API server builds it (`io.k8s.api.apps.v1.Deployment`, `io.istio.networking.v1.VirtualService`). */
export function schemaName(type: ResourceType): string {
  if (type.builtIn) {
    const pkg = type.group === "" ? "core" : type.group.split(".")[0] ?? type.group;
    const prefix = type.group === "apiextensions.k8s.io" ? "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions" : `io.k8s.api.${pkg}`;
    return `${prefix}.${type.version}.${type.kind}`;
  }
  return `${type.group.split(".").reverse().join(".")}.${type.version}.${type.kind}`;
}

const queryParam = (name: string, description: string): Record<string, unknown> => ({
  name,
  in: "query",
  description,
  schema: { type: "string", uniqueItems: true },
});

function jsonRef(name: string): Record<string, unknown> {
  return { schema: { $ref: `#/components/schemas/${name}` } };
}

function operations(type: ResourceType): Record<string, unknown> {
  const gvk = { group: type.group, version: type.version, kind: type.kind };
  const ok = { "200": { description: "OK", content: { "application/json": jsonRef(schemaName(type)) } } };
  const common = (action: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    operationId: `${action}${type.kind}`,
    responses: ok,
    "x-kubernetes-action": action,
    "x-kubernetes-group-version-kind": gvk,
    ...extra,
  });
  const writeParams = [
    queryParam("dryRun", "When present, indicates that modifications should not be persisted."),
    queryParam("fieldManager", "fieldManager is a name associated with the actor or entity that is making these changes."),
    queryParam("fieldValidation", "fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields: Ignore, Warn or Strict."),
  ];
  return {
    get: common("get"),
    put: common("put", {
      parameters: writeParams,
      requestBody: { content: { "*/*": jsonRef(schemaName(type)) }, required: true },
    }),
    patch: common("patch", {
      parameters: [...writeParams, queryParam("force", "Force is going to \"force\" Apply requests.")],
      requestBody: {
        content: Object.fromEntries(acceptedPatchMediaTypes(type).map((m) => [m, jsonRef(PATCH_SCHEMA)])),
        required: true,
      },
    }),
    delete: common("delete"),
    parameters: [
      { name: "name", in: "path", required: true, schema: { type: "string", uniqueItems: true } },
      ...(type.namespaced ? [{ name: "namespace", in: "path", required: true, schema: { type: "string", uniqueItems: true } }] : []),
    ],
  };
}

function kindSchema(type: ResourceType): Record<string, unknown> {
  if (type.builtIn || !type.schema) return { type: "object", description: `${type.kind} (schema not published by the demo API).` };
  const properties = (type.schema["properties"] as Record<string, unknown> | undefined) ?? {};
  return {
    ...type.schema,
    type: "object",
    properties: {
      apiVersion: { type: "string", description: "APIVersion defines the versioned schema of this representation of an object." },
      kind: { type: "string", description: "Kind is a string value representing the REST resource this object represents." },
      metadata: { type: "object", description: "Standard object's metadata." },
      ...properties,
    },
    "x-kubernetes-group-version-kind": [{ group: type.group, version: type.version, kind: type.kind }],
  };
}

/** The OpenAPI v3 document of one group version, or undefined when it is not served. */
export function openApiGroupVersion(registry: ResourceRegistry, group: string, version: string): Record<string, unknown> | undefined {
  const types = registry.resourcesOf(group, version);
  if (types.length === 0) return undefined;
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {
    [PATCH_SCHEMA]: { type: "object", description: "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body." },
  };
  for (const t of types) {
    const base = `/${gvPath(t.group, t.version)}${t.namespaced ? "/namespaces/{namespace}" : ""}/${t.plural}`;
    paths[base] = {
      get: { operationId: `list${t.kind}`, "x-kubernetes-action": "list", "x-kubernetes-group-version-kind": { group: t.group, version: t.version, kind: t.kind }, responses: { "200": { description: "OK" } } },
      post: { operationId: `create${t.kind}`, "x-kubernetes-action": "post", "x-kubernetes-group-version-kind": { group: t.group, version: t.version, kind: t.kind }, responses: { "201": { description: "Created" } } },
    };
    paths[`${base}/{name}`] = operations(t);
    schemas[schemaName(t)] = kindSchema(t);
  }
  return {
    openapi: "3.0.0",
    info: { title: "Kubernetes", version: "v1.32.0" },
    paths,
    components: { schemas },
  };
}

/** The `/openapi/v3` index: one entry per served group version, with a content hash for caching. */
export function openApiIndex(registry: ResourceRegistry): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const gvs = new Map<string, ResourceType>();
  for (const t of registry.all()) gvs.set(apiVersionOf(t), t);
  for (const t of gvs.values()) {
    const doc = openApiGroupVersion(registry, t.group, t.version);
    const hash = createHash("sha512").update(JSON.stringify(doc)).digest("hex").toUpperCase();
    const path = gvPath(t.group, t.version);
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
  }
  return { paths };
}
