/**
 * The set of resources the server serves right now: the built-in kinds plus the kinds of the CRDs in
 * the store. Discovery, routing and OpenAPI all read it.
 */
import type { KubeObject } from "../contracts";
import { resourceTypesOfCrd } from "./crd";
import { BUILTIN_RESOURCES, compareKubeVersions, type ResourceType } from "./resource-types";

/** An API group with its versions, preferred first. */
export interface ServedGroup {
  name: string;
  versions: string[];
}

/** Resource types by group, version and plural. */
export class ResourceRegistry {
  private readonly crdTypes = new Map<string, ResourceType[]>();
  private changes = 0;

  /** Increases whenever the served resources change (for caching derived documents). */
  get revision(): number {
    return this.changes;
  }

  /** Registers (or re-registers) the kinds of a CRD. */
  upsertCrd(crd: KubeObject): void {
    this.crdTypes.set(crd.metadata.name, resourceTypesOfCrd(crd));
    this.changes++;
  }

  /** Stops serving the kinds of a deleted CRD. */
  removeCrd(name: string): void {
    this.crdTypes.delete(name);
    this.changes++;
  }

  /** Every served resource type. */
  all(): ResourceType[] {
    return [...BUILTIN_RESOURCES, ...[...this.crdTypes.values()].flat()];
  }

  /** The resource type served at `/apis/<group>/<version>/<plural>`. */
  find(group: string, version: string, plural: string): ResourceType | undefined {
    return this.all().find((t) => t.group === group && t.version === version && t.plural === plural);
  }

  /** The resource type of an object's apiVersion and kind. */
  findByKind(apiVersion: string, kind: string): ResourceType | undefined {
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/", 2) : ["", apiVersion];
    return this.all().find((t) => t.group === group && t.version === version && t.kind === kind);
  }

  /** Any version of the resource stored under a storage key (the preferred one first). */
  findByStorageKey(storageKey: string): ResourceType | undefined {
    return this.all()
      .filter((t) => t.storageKey === storageKey)
      .sort((a, b) => compareKubeVersions(a.version, b.version))[0];
  }

  /** Resource types of one group version. */
  resourcesOf(group: string, version: string): ResourceType[] {
    return this.all().filter((t) => t.group === group && t.version === version);
  }

  /** True when the group version is served. */
  hasGroupVersion(group: string, version: string): boolean {
    return this.all().some((t) => t.group === group && t.version === version);
  }

  /** Named groups (not the core group), built-in ones first, versions preferred first. */
  groups(): ServedGroup[] {
    const byGroup = new Map<string, Set<string>>();
    for (const t of this.all()) {
      if (!t.group) continue;
      const versions = byGroup.get(t.group) ?? new Set<string>();
      versions.add(t.version);
      byGroup.set(t.group, versions);
    }
    const builtinGroups = new Set(BUILTIN_RESOURCES.map((t) => t.group));
    return [...byGroup.entries()]
      .map(([name, versions]) => ({ name, versions: [...versions].sort(compareKubeVersions) }))
      .sort((a, b) => {
        const ab = builtinGroups.has(a.name) ? 0 : 1;
        const bb = builtinGroups.has(b.name) ? 0 : 1;
        return ab - bb || a.name.localeCompare(b.name);
      });
  }
}
