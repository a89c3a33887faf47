import "server-only";
import type { V1Pod } from "@kubernetes/client-node";
import { toHealthDetail, toPeerTraffic } from "@/lib/inventory/detail";
import type { Judged } from "@/lib/inventory/list-items";
import { toPodInfo } from "@/lib/inventory/pods";
import type { AppDetail, HealthBrief, PodInfo, ServiceDetail, WorkloadDetail } from "@/lib/inventory/schemas";
import { matchesSelector } from "@/lib/inventory/workloads";
import type { TimeWindow } from "@/lib/url-state";
import { KubeStatusError } from "../http/errors";
import { readInventory, type InventoryDeps, type InventoryRead } from "./inventory";

function missing(kind: string, ns: string, name: string): never {
  throw new KubeStatusError(404, "NotFound", `${kind} "${name}" not found in namespace "${ns}"`);
}

function common<T extends { health: HealthBrief }>(r: InventoryRead, j: Judged<T>, pods: PodInfo[], window: TimeWindow) {
  const w = r.inventory.windowSeconds;
  return {
    health: toHealthDetail(j, w),
    pods,
    istio: j.istio,
    peers: toPeerTraffic(j.traffic, w),
    window,
    ...(r.errors.length ? { errors: r.errors } : {}),
  };
}

/** Pods of a namespace matched by `selector`, labelled with the workload whose selector they match. */
function podsMatching(r: InventoryRead, ns: string, selector: Record<string, string>): PodInfo[] {
  const deployments = r.objects.deployments.filter((d) => d.metadata?.namespace === ns);
  const owner = (p: V1Pod) => deployments.find((d) => matchesSelector(d.spec?.selector.matchLabels, p.metadata?.labels))?.metadata?.name;
  return r.objects.pods
    .filter((p) => p.metadata?.namespace === ns && matchesSelector(selector, p.metadata?.labels))
    .map((p) => toPodInfo(p, owner(p)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One workload: its row, health with ratios, pods and containers, services, Istio objects and peers. */
export async function getWorkloadDetail(ns: string, name: string, window: TimeWindow, deps: InventoryDeps): Promise<WorkloadDetail> {
  const r = await readInventory([ns], window, deps);
  const j = r.inventory.workloads.find((w) => w.item.name === name) ?? missing("workload", ns, name);
  const d = r.objects.deployments.find((x) => x.metadata?.name === name);
  const selector = d?.spec?.selector.matchLabels ?? {};
  return {
    workload: j.item,
    annotations: d?.metadata?.annotations ?? {},
    selector,
    ...common(r, j, podsMatching(r, ns, selector), window),
  };
}

/** One application: its workloads, their pods, services and Istio objects, and the app's peers. */
export async function getAppDetail(ns: string, name: string, window: TimeWindow, deps: InventoryDeps): Promise<AppDetail> {
  const r = await readInventory([ns], window, deps);
  const j = r.inventory.apps.find((a) => a.item.name === name) ?? missing("application", ns, name);
  const members = new Set(j.item.workloads);
  const workloads = r.inventory.workloads.filter((w) => members.has(w.item.name));
  const pods = workloads.flatMap((w) => {
    const d = r.objects.deployments.find((x) => x.metadata?.name === w.item.name);
    return podsMatching(r, ns, d?.spec?.selector.matchLabels ?? {});
  });
  return { app: j.item, workloads: workloads.map((w) => w.item), ...common(r, j, pods, window) };
}

/** One service: ports and selector, the workloads and pods behind it, Istio objects naming it, callers. */
export async function getServiceDetail(ns: string, name: string, window: TimeWindow, deps: InventoryDeps): Promise<ServiceDetail> {
  const r = await readInventory([ns], window, deps);
  const j = r.inventory.services.find((s) => s.item.name === name) ?? missing("service", ns, name);
  const members = new Set(j.item.workloads);
  return {
    service: j.item,
    workloads: r.inventory.workloads.filter((w) => members.has(w.item.name)).map((w) => w.item),
    ...common(r, j, podsMatching(r, ns, j.item.selector), window),
  };
}
