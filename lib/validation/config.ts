/**
 * Objects as rules see them: a reference, an age and a leniently parsed spec, whatever the object's
 * origin (the cluster, or an editor's half-written YAML).
 */
import type { z } from "zod";
import { createdAt, metadata } from "./schemas/common";
import {
  destinationRuleSpec,
  gatewaySpec,
  serviceEntrySpec,
  sidecarSpec,
  virtualServiceSpec,
} from "./schemas/networking";
import { authorizationPolicySpec, peerAuthenticationSpec, requestAuthenticationSpec } from "./schemas/security";
import { serviceSpec } from "./schemas/service";
import type { ConfigKind, ObjectRef } from "./types";

const SPEC_SCHEMAS = {
  VirtualService: virtualServiceSpec,
  DestinationRule: destinationRuleSpec,
  Gateway: gatewaySpec,
  ServiceEntry: serviceEntrySpec,
  Sidecar: sidecarSpec,
  PeerAuthentication: peerAuthenticationSpec,
  AuthorizationPolicy: authorizationPolicySpec,
  RequestAuthentication: requestAuthenticationSpec,
  Service: serviceSpec,
} as const satisfies Record<ConfigKind, z.ZodType>;

/** The parsed spec of each kind. */
export type SpecOf<K extends ConfigKind> = z.output<(typeof SPEC_SCHEMAS)[K]>;

/** One object of kind `K`, parsed. */
export interface Config<K extends ConfigKind = ConfigKind> {
  ref: ObjectRef & { kind: K };
  /** Creation time (ms); `Number.MAX_SAFE_INTEGER` when unknown, e.g. for an object not yet applied. */
  created: number;
  spec: SpecOf<K>;
}

/** Parsed objects of every kind. */
export type ConfigLists = { [K in ConfigKind]: Config<K>[] };

/** Parses one raw object of kind `kind`; an object without a namespace is placed in `defaultNamespace`. */
export function parseConfig<K extends ConfigKind>(kind: K, raw: unknown, defaultNamespace = "default"): Config<K> {
  const o = raw && typeof raw === "object" ? (raw as { metadata?: unknown; spec?: unknown }) : {};
  const meta = metadata.parse(o.metadata);
  const spec = SPEC_SCHEMAS[kind].parse(o.spec ?? {}) as SpecOf<K>;
  return {
    ref: { kind, namespace: meta.namespace ?? defaultNamespace, name: meta.name ?? "" },
    created: createdAt(meta.creationTimestamp),
    spec,
  };
}

/** Oldest first, then by namespace and name: the order in which Istio lets the first of several win. */
export function byAge(a: Config, b: Config): number {
  return a.created - b.created || (a.ref.namespace < b.ref.namespace ? -1 : a.ref.namespace > b.ref.namespace ? 1 : 0) || (a.ref.name < b.ref.name ? -1 : a.ref.name > b.ref.name ? 1 : 0);
}

/** True when both refer to the same object. */
export function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  return a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;
}
