/**
 * What the graph builder knows from Kubernetes: workloads (app, version, sidecar, labels), services
 * (selectors) and ServiceEntries (hosts, location), converted from the API objects here so the
 * builder stays independent of Kubernetes types.
 */
import type { V1Deployment, V1Pod, V1Service } from "@kubernetes/client-node";
import { z } from "zod";
import type { WorkloadSummary } from "@/lib/api/schemas";
import { matchesSelector, toWorkloadSummaries } from "@/lib/inventory/workloads";

export type InventoryWorkload = Pick<WorkloadSummary, "namespace" | "name" | "app" | "version" | "labels" | "sidecar">;

export interface InventoryService {
  namespace: string;
  name: string;
  selector: Record<string, string>;
}

export interface InventoryServiceEntry {
  namespace: string;
  name: string;
  hosts: string[];
  /** MESH_EXTERNAL (the default Istio documents for most uses) or MESH_INTERNAL. */
  external: boolean;
}

export interface GraphInventory {
  workloads: InventoryWorkload[];
  services: InventoryService[];
  serviceEntries: InventoryServiceEntry[];
}

export const EMPTY_INVENTORY: GraphInventory = { workloads: [], services: [], serviceEntries: [] };

const serviceEntryObject = z.object({
  metadata: z.object({ name: z.string(), namespace: z.string() }),
  spec: z.object({
    hosts: z.array(z.string()).min(1),
    location: z.enum(["MESH_EXTERNAL", "MESH_INTERNAL"]).optional(),
  }),
});

/** Parses ServiceEntries at the boundary; malformed ones are skipped rather than failing the graph. */
export function toServiceEntries(objects: readonly unknown[]): InventoryServiceEntry[] {
  const out: InventoryServiceEntry[] = [];
  for (const o of objects) {
    const p = serviceEntryObject.safeParse(o);
    if (!p.success) continue;
    out.push({
      namespace: p.data.metadata.namespace,
      name: p.data.metadata.name,
      hosts: p.data.spec.hosts,
      // Istio's API default is MESH_EXTERNAL when location is unset.
      external: p.data.spec.location !== "MESH_INTERNAL",
    });
  }
  return out;
}

/** Builds the graph's inventory from Kubernetes objects. */
export function toGraphInventory(
  deployments: V1Deployment[],
  pods: V1Pod[],
  services: V1Service[],
  serviceEntries: readonly unknown[],
): GraphInventory {
  return {
    workloads: toWorkloadSummaries(deployments, pods),
    services: services.flatMap((s) => {
      const { name, namespace } = s.metadata ?? {};
      return name && namespace ? [{ namespace, name, selector: s.spec?.selector ?? {} }] : [];
    }),
    serviceEntries: toServiceEntries(serviceEntries),
  };
}

/** True when a ServiceEntry host (possibly a `*.example.com` wildcard) covers `host`. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1));
  return pattern === "*";
}

/** Lookups over an inventory. */
export class InventoryIndex {
  private readonly workloads = new Map<string, InventoryWorkload>();
  private readonly services = new Map<string, InventoryService>();

  constructor(readonly inventory: GraphInventory) {
    for (const w of inventory.workloads) this.workloads.set(`${w.namespace}/${w.name}`, w);
    for (const s of inventory.services) this.services.set(`${s.namespace}/${s.name}`, s);
  }

  workload(namespace: string, name: string): InventoryWorkload | undefined {
    return this.workloads.get(`${namespace}/${name}`);
  }

  service(namespace: string, name: string): InventoryService | undefined {
    return this.services.get(`${namespace}/${name}`);
  }

  /** The ServiceEntry declaring `host`, preferring one in `namespace`. */
  serviceEntry(host: string, namespace?: string): InventoryServiceEntry | undefined {
    const matches = this.inventory.serviceEntries.filter((se) => se.hosts.some((h) => hostMatches(h, host)));
    return matches.find((se) => se.namespace === namespace) ?? matches[0];
  }

  /** Services whose selector matches the workload's pod labels. */
  servicesOf(w: InventoryWorkload): InventoryService[] {
    return this.inventory.services.filter((s) => s.namespace === w.namespace && matchesSelector(s.selector, w.labels));
  }

  /** Workloads of an app (and version, when given) in a namespace. */
  workloadsOf(namespace: string, app: string, version?: string): InventoryWorkload[] {
    return this.inventory.workloads.filter((w) => w.namespace === namespace && w.app === app && (version === undefined || w.version === version));
  }
}
