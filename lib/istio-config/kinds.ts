import { z } from "zod";
import { configKind, type ConfigKind } from "@/lib/validation/types";
import { ISTIO_RESOURCE_KINDS, RESOURCE_KINDS, type ResourceKey } from "@/lib/kube/resource-kinds";

/**
 * The Istio kinds the console lists and edits, by their resource key (`virtualservices`): the key is
 * what URLs carry (`/istio-config/bookinfo/virtualservices/reviews`), the kind what YAML says.
 */
export const ISTIO_KEYS = ISTIO_RESOURCE_KINDS.map((k) => k.key) as [IstioKey, ...IstioKey[]];

/** The resource key of an Istio kind. */
export type IstioKey = { [K in ResourceKey]: (typeof RESOURCE_KINDS)[K]["istio"] extends true ? K : never }[ResourceKey];

/** A resource key of an Istio kind; anything else is refused naming the kinds it may be. */
export const istioKey = z.enum(ISTIO_KEYS, { error: (i) => `unknown Istio kind ${JSON.stringify(i.input)}: one of ${ISTIO_KEYS.join(", ")}` });

/** The Kind (`VirtualService`) of a key. */
export function kindOfKey(key: IstioKey): string {
  return RESOURCE_KINDS[key].kind;
}

/** The apiVersion the console writes a key's objects with. */
export function apiVersionOfKey(key: IstioKey): string {
  return RESOURCE_KINDS[key].apiVersion;
}

/** The Kind of a key as validation names it (every Istio kind the console edits has rules). */
export function configKindOfKey(key: IstioKey): ConfigKind {
  return configKind.parse(RESOURCE_KINDS[key].kind);
}

const BY_KIND = new Map<string, IstioKey>(ISTIO_KEYS.map((k) => [RESOURCE_KINDS[k].kind, k]));

/** The key of a Kind (`VirtualService` → `virtualservices`), or undefined for a kind that is not Istio's. */
export function keyOfKind(kind: string): IstioKey | undefined {
  return BY_KIND.get(kind);
}

/** The API group of an apiVersion (`networking.istio.io/v1` → `networking.istio.io`). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/** The path of an object's editor page. */
export function editorHref(ref: { namespace: string; key: IstioKey; name: string }): string {
  return `/istio-config/${encodeURIComponent(ref.namespace)}/${ref.key}/${encodeURIComponent(ref.name)}`;
}

/** The path of the JSON API of one object (`GET`/`PUT`/`DELETE`). */
export function objectApiPath(ref: { namespace: string; key: IstioKey; name: string }): string {
  return `/api${editorHref(ref)}`;
}
