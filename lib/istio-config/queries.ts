/**
 * Query options and writes of the Istio config API. Keys start with `istio-config`, so that cluster
 * changes (`useLiveUpdates`) refetch lists and counts.
 */
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { getJson, sendJson } from "@/lib/api-client";
import type { ObjectRef } from "@/lib/validation";
import { objectApiPath, type IstioKey } from "./kinds";
import {
  istioConfigListResponse,
  istioDeleteResponse,
  istioObjectResponse,
  istioWriteResponse,
  validateResponse,
  validationsResponse,
  type IstioDeleteResponse,
  type IstioWriteResponse,
  type ValidateResponse,
} from "./schemas";

const nsParam = (namespaces: readonly string[]) => `namespaces=${encodeURIComponent(namespaces.join(","))}`;

/** One object's address. */
export interface IstioObjectRef {
  namespace: string;
  key: IstioKey;
  name: string;
}

export const istioConfigQueries = {
  /** Istio objects of the selected namespaces with their findings (`GET /api/istio-config`). */
  list: (namespaces: readonly string[]) =>
    queryOptions({
      queryKey: ["istio-config", "list", [...namespaces]],
      queryFn: ({ signal }) => getJson(`/api/istio-config?${nsParam(namespaces)}`, istioConfigListResponse, signal),
      enabled: namespaces.length > 0,
      placeholderData: keepPreviousData,
    }),
  /** Findings counts per namespace, every visible namespace when none is selected (`GET /api/istio-config/validations`). */
  validations: (namespaces: readonly string[]) =>
    queryOptions({
      queryKey: ["istio-config", "validations", [...namespaces]],
      queryFn: ({ signal }) => getJson(`/api/istio-config/validations${namespaces.length ? `?${nsParam(namespaces)}` : ""}`, validationsResponse, signal),
      placeholderData: keepPreviousData,
    }),
  /** One object with its YAML and findings (`GET /api/istio-config/{ns}/{kind}/{name}`). */
  object: (ref: IstioObjectRef) =>
    queryOptions({
      queryKey: ["istio-config", "object", ref.namespace, ref.key, ref.name],
      queryFn: ({ signal }) => getJson(objectApiPath(ref), istioObjectResponse, signal),
    }),
};

const dry = (dryRun: boolean) => (dryRun ? "?dryRun=true" : "");

/** Replaces an object with the editor's YAML (which carries the resourceVersion it was read at). */
export function saveObject(ref: IstioObjectRef, yaml: string, dryRun: boolean): Promise<IstioWriteResponse> {
  return sendJson("PUT", `${objectApiPath(ref)}${dry(dryRun)}`, { yaml }, istioWriteResponse);
}

/** Creates an object of a kind in a namespace from YAML. */
export function createObject(target: { namespace: string; key: IstioKey }, yaml: string, dryRun: boolean): Promise<IstioWriteResponse> {
  return sendJson("POST", `/api/istio-config/${encodeURIComponent(target.namespace)}/${target.key}${dry(dryRun)}`, { yaml }, istioWriteResponse);
}

/** Deletes an object if it is still at `resourceVersion` (the version the user confirmed deleting). */
export function deleteObject(ref: IstioObjectRef, resourceVersion: string): Promise<IstioDeleteResponse> {
  return sendJson("DELETE", `${objectApiPath(ref)}?resourceVersion=${encodeURIComponent(resourceVersion)}`, undefined, istioDeleteResponse);
}

/** Findings of a draft as if it were applied (`POST /api/istio-config/validate`, writes nothing). */
export async function validateDraft(object: Record<string, unknown>, namespace: string, replaces: ObjectRef | undefined, signal?: AbortSignal): Promise<ValidateResponse> {
  const res = await fetch("/api/istio-config/validate", {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify({ object, namespace, ...(replaces ? { replaces } : {}) }),
    signal,
  });
  if (!res.ok) throw new Error(`validation failed: HTTP ${res.status}`);
  return validateResponse.parse(await res.json());
}
