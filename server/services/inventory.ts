import "server-only";
import type { KubernetesObject, V1Deployment, V1Namespace, V1Pod, V1Service } from "@kubernetes/client-node";
import type { NamespacesResponse, SourceError } from "@/lib/api/schemas";
import { ROOT_NAMESPACE, type IstioGroup } from "@/lib/inventory/istio-refs";
import { judgeInventory, prepareInventory, type Inventory, type InventoryNeeds, type PreparedInventory } from "@/lib/inventory/list-items";
import type { AppListResponse, QueryStats, ServiceListResponse, WorkloadListResponse } from "@/lib/inventory/schemas";
import { toNamespaceSummaries } from "@/lib/inventory/workloads";
import { ISTIO_RESOURCE_KINDS, type ResourceKey } from "@/lib/kube/resource-kinds";
import type { ScopeOptions } from "@/lib/metrics/health-query";
import type { TimeWindow } from "@/lib/url-state";
import { KubeStatusError } from "../http/errors";
import type { Identity } from "../kube/identity";
import { kubeReader, type KubeReader } from "../kube/reader";
import { prometheusDeps, readTallies, round, type PrometheusDeps } from "./health";

/** What the inventory services read from; tests and benchmarks pass their own. */
export interface InventoryDeps {
  reader: KubeReader;
  prometheus: PrometheusDeps;
}

export function inventoryDeps(identity: Identity): InventoryDeps {
  return { reader: kubeReader(identity), prometheus: prometheusDeps };
}

/** The namespaces the identity may see. */
export async function listNamespaces(identity: Identity): Promise<NamespacesResponse> {
  const namespaces = await kubeReader(identity).list<V1Namespace>("namespaces");
  return { namespaces: toNamespaceSummaries(namespaces) };
}

const notFound = (err: unknown) => err instanceof KubeStatusError && err.code === 404;
const forbidden = (err: unknown) => err instanceof KubeStatusError && err.code === 403;

/**
 * Istio objects of every kind in `namespaces` and in the root namespace (whose selector-less policies
 * apply mesh-wide). A kind the cluster does not serve is reported, not fatal; a root namespace the
 * caller may not read is left out.
 */
export async function readIstioGroups(reader: KubeReader, namespaces: readonly string[]): Promise<{ groups: IstioGroup[]; notInstalled: string[] }> {
  const withRoot = namespaces.includes(ROOT_NAMESPACE) ? namespaces : [...namespaces, ROOT_NAMESPACE];
  const notInstalled: string[] = [];
  const groups = await Promise.all(
    ISTIO_RESOURCE_KINDS.map(async (k): Promise<IstioGroup> => {
      try {
        return { kind: k.kind, items: await reader.list<KubernetesObject>(k.key, withRoot) };
      } catch (err) {
        if (forbidden(err) && withRoot !== namespaces) {
          return { kind: k.kind, items: await reader.list<KubernetesObject>(k.key, namespaces) };
        }
        if (!notFound(err)) throw err;
        notInstalled.push(k.kind);
        return { kind: k.kind, items: [] };
      }
    }),
  );
  return { groups, notInstalled: notInstalled.sort() };
}

/** Below this many namespaces a regex matcher is cheap: no need to look at the namespace list. */
export const MANY_NAMESPACES = 50;

/**
 * True when the selection is every namespace the reader sees, so that Prometheus can be asked without
 * namespace matchers (see `ScopeOptions`). Small selections, and readers that may not list
 * namespaces, keep the matchers.
 */
export async function coversEveryNamespace(namespaces: readonly string[], reader: KubeReader): Promise<boolean> {
  if (namespaces.length < MANY_NAMESPACES) return false;
  try {
    const all = await reader.list<V1Namespace>("namespaces");
    const selected = new Set(namespaces);
    return all.every((n) => selected.has(n.metadata?.name ?? ""));
  } catch {
    return false;
  }
}

/** How many prepared inventories {@link preparedFor} keeps (one per selection and needs). */
const PREPARED_KEPT = 4;
const preparedKept: Array<{ need: string; inputs: ReadonlyArray<readonly object[]>; value: PreparedInventory }> = [];

function sameObjects(a: ReadonlyArray<readonly object[]>, b: ReadonlyArray<readonly object[]>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? [];
    const y = b[i] ?? [];
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

/**
 * `prepareInventory` (pure) of these objects, reused while the watch-fed cache hands out the very same
 * objects in the same order: client-node's informer cache replaces an object on every change it sees
 * (`addOrUpdateObject` in its cache.js), so identical references mean identical input and the reuse can
 * never serve stale data. Preparing 3,000
 * workloads and services costs ~100 ms of the overview's CPU on every poll otherwise. (Objects read
 * with a user's token are new on every read: no reuse, at the cost of one pass of comparisons.)
 */
function preparedFor(input: Parameters<typeof prepareInventory>[0], need: InventoryNeeds): PreparedInventory {
  const key = `${need.apps}/${need.services}`;
  const inputs = [input.deployments, input.pods, input.services, ...input.istio.map((g) => g.items)];
  const i = preparedKept.findIndex((e) => e.need === key && sameObjects(e.inputs, inputs));
  const hit = i >= 0 ? preparedKept.splice(i, 1)[0] : undefined;
  if (hit) {
    preparedKept.unshift(hit);
    return hit.value;
  }
  const value = prepareInventory(input, need);
  preparedKept.unshift({ need: key, inputs, value });
  preparedKept.length = Math.min(preparedKept.length, PREPARED_KEPT);
  return value;
}

/** The inventory of the selection with health, what failed, and what it cost. */
export interface InventoryRead {
  inventory: Inventory;
  errors: SourceError[];
  stats: QueryStats;
  /** The objects it was built from, for detail pages. */
  objects: { deployments: V1Deployment[]; pods: V1Pod[]; services: V1Service[]; istio: IstioGroup[] };
}

/**
 * Reads deployments, pods, services and Istio objects (the watch-fed cache for the console's
 * identity) and the health query, in parallel, and builds the judged inventory. `knownScope`: whether
 * the selection is every namespace, when the caller already knows (see {@link coversEveryNamespace}).
 * A Prometheus outage leaves request health unknown and is reported in `errors`; Kubernetes failures
 * are thrown.
 */
export async function readInventory(
  namespaces: readonly string[],
  window: TimeWindow,
  deps: InventoryDeps,
  need: InventoryNeeds = { apps: true, services: true },
  knownScope?: ScopeOptions,
): Promise<InventoryRead> {
  const started = performance.now();
  const scope = knownScope ?? { everyNamespace: await coversEveryNamespace(namespaces, deps.reader) };
  // The health query goes first: the Kubernetes side is read and prepared while Prometheus works.
  const talliesRead = readTallies(namespaces, window, deps.prometheus, scope);
  // Awaited below; until then a failure must not count as an unhandled rejection.
  talliesRead.catch(() => undefined);
  const list = <T extends KubernetesObject>(key: ResourceKey) => deps.reader.list<T>(key, namespaces);
  const [deployments, pods, services, istio] = await Promise.all([
    list<V1Deployment>("deployments"),
    list<V1Pod>("pods"),
    list<V1Service>("services"),
    readIstioGroups(deps.reader, namespaces),
  ]);
  const prepared = preparedFor({ deployments, pods, services, istio: istio.groups }, need);
  const inventoryMs = performance.now() - started;
  const tallies = await talliesRead;
  const inventory = judgeInventory(prepared, tallies.tallies);
  return {
    inventory,
    errors: tallies.error ? [tallies.error] : [],
    stats: { queries: tallies.stats, inventoryMs: round(inventoryMs), totalMs: round(performance.now() - started) },
    objects: { deployments, pods, services, istio: istio.groups },
  };
}

const meta = (r: InventoryRead, window: TimeWindow) => ({ window, stats: r.stats, ...(r.errors.length ? { errors: r.errors } : {}) });

/** Workloads with health, services and Istio objects. */
export async function listWorkloads(namespaces: readonly string[], window: TimeWindow, deps: InventoryDeps): Promise<WorkloadListResponse> {
  const r = await readInventory(namespaces, window, deps, { apps: false, services: false });
  return { workloads: r.inventory.workloads.map((w) => w.item), ...meta(r, window) };
}

/** Applications (workloads grouped by `app` label) with health. */
export async function listApps(namespaces: readonly string[], window: TimeWindow, deps: InventoryDeps): Promise<AppListResponse> {
  const r = await readInventory(namespaces, window, deps, { apps: true, services: false });
  return { apps: r.inventory.apps.map((a) => a.item), ...meta(r, window) };
}

/** Services with health, the workloads they select and the Istio objects naming them. */
export async function listServices(namespaces: readonly string[], window: TimeWindow, deps: InventoryDeps): Promise<ServiceListResponse> {
  const r = await readInventory(namespaces, window, deps, { apps: false, services: true });
  return { services: r.inventory.services.map((s) => s.item), ...meta(r, window) };
}
