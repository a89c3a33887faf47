/**
 * Discovery documents: `/version`, legacy discovery (`/api`, `/api/v1`, `/apis`, `/apis/<g>`,
 * `/apis/<g>/<v>`) and aggregated discovery (`apidiscovery.k8s.io/v2` APIGroupDiscoveryList, which
 * kubectl asks for first and which saves it one request per group version).
 */
import { createHash } from "node:crypto";
import type { ResourceRegistry, ServedGroup } from "./registry";
import type { ResourceType } from "./resource-types";

/** The Kubernetes version the demo server claims to be (matches kubectl 1.32). */
export const SERVER_VERSION = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.0-meshscope",
  gitCommit: "0000000000000000000000000000000000000000",
  gitTreeState: "clean",
  buildDate: "2025-01-01T00:00:00Z",
  goVersion: "go1.23.4",
  compiler: "gc",
  platform: "linux/amd64",
};

function storageVersionHash(type: ResourceType): string {
  return createHash("sha256").update(`${type.group}/${type.version}/${type.kind}`).digest().subarray(0, 8).toString("base64");
}

function groupVersionEntry(group: string, version: string): { groupVersion: string; version: string } {
  return { groupVersion: `${group}/${version}`, version };
}

/** `/api`. */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: "APIVersions",
    versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }],
  };
}

function apiGroup(group: ServedGroup): Record<string, unknown> {
  const preferred = group.versions[0] ?? "v1";
  return {
    name: group.name,
    versions: group.versions.map((v) => groupVersionEntry(group.name, v)),
    preferredVersion: groupVersionEntry(group.name, preferred),
  };
}

/** `/apis`. */
export function apiGroupList(registry: ResourceRegistry): Record<string, unknown> {
  return { kind: "APIGroupList", apiVersion: "v1", groups: registry.groups().map(apiGroup) };
}

/** `/apis/<group>`, or undefined when the group is not served. */
export function apiGroupDocument(registry: ResourceRegistry, name: string): Record<string, unknown> | undefined {
  const group = registry.groups().find((g) => g.name === name);
  return group ? { kind: "APIGroup", apiVersion: "v1", ...apiGroup(group) } : undefined;
}

/** `/api/v1` or `/apis/<group>/<version>`, or undefined when not served. */
export function apiResourceList(registry: ResourceRegistry, group: string, version: string): Record<string, unknown> | undefined {
  const types = registry.resourcesOf(group, version);
  if (types.length === 0) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const t of types) {
    const entry: Record<string, unknown> = {
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
    };
    if (t.shortNames.length > 0) entry["shortNames"] = t.shortNames;
    if (t.categories.length > 0) entry["categories"] = t.categories;
    entry["storageVersionHash"] = storageVersionHash(t);
    resources.push(entry);
    for (const sub of t.subresources) {
      const subEntry: Record<string, unknown> = { name: `${t.plural}/${sub.name}`, singularName: "", namespaced: t.namespaced };
      if (sub.group !== undefined) subEntry["group"] = sub.group;
      if (sub.version !== undefined) subEntry["version"] = sub.version;
      subEntry["kind"] = sub.kind;
      subEntry["verbs"] = sub.verbs;
      resources.push(subEntry);
    }
  }
  const list: Record<string, unknown> = { kind: "APIResourceList" };
  if (group) list["apiVersion"] = "v1";
  list["groupVersion"] = group ? `${group}/${version}` : version;
  list["resources"] = resources;
  return list;
}

function discoveryResource(t: ResourceType): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    resource: t.plural,
    responseKind: { group: t.group, version: t.version, kind: t.kind },
    scope: t.namespaced ? "Namespaced" : "Cluster",
    singularResource: t.singular,
    verbs: t.verbs,
  };
  if (t.shortNames.length > 0) entry["shortNames"] = t.shortNames;
  if (t.categories.length > 0) entry["categories"] = t.categories;
  if (t.subresources.length > 0) {
    entry["subresources"] = t.subresources.map((s) => ({
      subresource: s.name,
      responseKind: { group: s.group ?? t.group, version: s.version ?? t.version, kind: s.kind },
      verbs: s.verbs,
    }));
  }
  return entry;
}

/**
 * Aggregated discovery for `/api` (core group only) or `/apis` (named groups).
 * @param version the apidiscovery version the client asked for
 */
export function aggregatedDiscovery(registry: ResourceRegistry, core: boolean, version: "v2" | "v2beta1"): Record<string, unknown> {
  const groups: ServedGroup[] = core ? [{ name: "", versions: ["v1"] }] : registry.groups();
  return {
    kind: "APIGroupDiscoveryList",
    apiVersion: `apidiscovery.k8s.io/${version}`,
    metadata: {},
    items: groups.map((g) => ({
      metadata: { name: g.name, creationTimestamp: null },
      versions: g.versions.map((v) => ({
        version: v,
        resources: registry.resourcesOf(g.name, v).map(discoveryResource),
        freshness: "Current",
      })),
    })),
  };
}
