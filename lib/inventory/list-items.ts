/**
 * The inventory with health: workloads, apps and services of the selected namespaces joined with their
 * request tallies (lib/metrics/tallies), judged by lib/health, and the Istio objects that apply to them.
 * Pure: the server hands in what it read from the cache and Prometheus.
 */
import type { V1Deployment, V1Pod, V1Service } from "@kubernetes/client-node";
import type { AppSummary, ServiceSummary, WorkloadSummary } from "@/lib/api/schemas";
import { computeAppHealth, computeServiceHealth, computeWorkloadHealth, type ObjectHealth } from "@/lib/health/combine";
import { computeReplicaHealth, type ReplicaHealth } from "@/lib/health/replicas";
import { computeRequestHealth, type RequestHealth } from "@/lib/health/requests";
import { RATE_ANNOTATION } from "@/lib/health/annotation";
import { resolveRateRules, type RateRuleSet } from "@/lib/health/resolve";
import type { HealthConfig } from "@/lib/health/rules";
import { chooseTraffic, type ChosenTraffic, type TallyIndex } from "@/lib/metrics/tallies";
import { toAppSummaries } from "./apps";
import { directRefs, indexIstioConfig, refsForService, refsForWorkload, type IstioGroup } from "./istio-refs";
import type { AppListItem, HealthBrief, IstioRef, ServiceListItem, TrafficBrief, WorkloadListItem } from "./schemas";
import { toServiceSummaries } from "./services";
import { toWorkloadSummaries } from "./workloads";

/** What the inventory is built from. */
export interface InventoryInput {
  deployments: V1Deployment[];
  pods: V1Pod[];
  services: V1Service[];
  istio: readonly IstioGroup[];
  /** Request tallies; undefined when Prometheus could not be read (health then rests on replicas). */
  tallies?: TallyIndex;
  healthConfig?: HealthConfig;
}

/** One object with everything detail pages need beyond its list row. */
export interface Judged<T> {
  item: T;
  health: ObjectHealth & { requests: RequestHealth; replicas?: ReplicaHealth };
  traffic: ChosenTraffic;
  /** Every Istio object that applies, namespace- and mesh-wide ones included. */
  istio: IstioRef[];
}

export interface Inventory {
  workloads: Judged<WorkloadListItem>[];
  apps: Judged<AppListItem>[];
  services: Judged<ServiceListItem>[];
  windowSeconds: number;
}

const UNKNOWN_REQUESTS = "request health unknown: Prometheus unavailable";

function brief(h: ObjectHealth, requestsKnown: boolean): HealthBrief {
  return { status: h.status, reasons: requestsKnown ? h.reasons : [...h.reasons.filter((r) => r !== "no requests in the window"), UNKNOWN_REQUESTS], problems: h.problems, requestsKnown };
}

function trafficBrief(t: ChosenTraffic, windowSeconds: number): TrafficBrief {
  const w = windowSeconds > 0 ? windowSeconds : 1;
  return {
    inboundRps: t.inboundRequests / w,
    outboundRps: t.outboundRequests / w,
    inboundErrorPercent: t.inboundRequests > 0 ? (t.inboundErrors * 100) / t.inboundRequests : 0,
  };
}

const key = (ns: string, name: string) => `${ns}/${name}`;

/**
 * Rule sets by rate annotation value: thousands of objects share the global rules (no annotation),
 * and resolving them again for each one is most of the cost of judging a large mesh.
 */
function ruleSets(config: HealthConfig | undefined): (annotations?: Record<string, string>) => RateRuleSet {
  const memo = new Map<string | undefined, RateRuleSet>();
  return (annotations) => {
    const value = annotations?.[RATE_ANNOTATION];
    let set = memo.get(value);
    if (!set) memo.set(value, (set = resolveRateRules({ config, annotations: value === undefined ? undefined : { [RATE_ANNOTATION]: value } })));
    return set;
  };
}

/** Labels every one of the maps carries with the same value. */
function commonLabels(maps: readonly Record<string, string>[]): Record<string, string> {
  const [first, ...rest] = maps;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first).filter(([k, v]) => rest.every((m) => m[k] === v)));
}

function uniqRefs(refs: readonly IstioRef[]): IstioRef[] {
  const seen = new Map<string, IstioRef>();
  for (const r of refs) if (!seen.has(`${r.kind}/${r.namespace}/${r.name}`)) seen.set(`${r.kind}/${r.namespace}/${r.name}`, r);
  return [...seen.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

/**
 * What does not depend on Prometheus: summaries, annotations, services per workload, Istio objects per
 * workload and service, apps. Split from {@link judgeInventory} so that the server can prepare it
 * while the health query is still running.
 */
export interface PreparedInventory {
  workloads: Array<{ summary: WorkloadSummary; annotations: Record<string, string>; services: string[]; istio: IstioRef[] }>;
  services: Array<{ summary: ServiceSummary; annotations: Record<string, string>; istio: IstioRef[] }>;
  apps: AppSummary[];
}

/** Which kinds a caller needs besides workloads (a workloads list needs neither apps nor services). */
export interface InventoryNeeds {
  apps: boolean;
  services: boolean;
}

const ALL: InventoryNeeds = { apps: true, services: true };

export function prepareInventory(input: Omit<InventoryInput, "tallies" | "healthConfig">, need: InventoryNeeds = ALL): PreparedInventory {
  const istioIndex = indexIstioConfig(input.istio);
  const workloadSummaries = toWorkloadSummaries(input.deployments, input.pods);
  const serviceSummaries = toServiceSummaries(input.services, input.deployments);
  const annotations = new Map(input.deployments.map((d) => [key(d.metadata?.namespace ?? "", d.metadata?.name ?? ""), d.metadata?.annotations ?? {}]));
  const serviceAnnotations = new Map(input.services.map((s) => [key(s.metadata?.namespace ?? "", s.metadata?.name ?? ""), s.metadata?.annotations ?? {}]));
  const servicesOf = new Map<string, string[]>();
  for (const s of serviceSummaries) {
    for (const w of s.workloads) {
      const k = key(s.namespace, w);
      const list = servicesOf.get(k);
      if (list) list.push(s.name);
      else servicesOf.set(k, [s.name]);
    }
  }
  return {
    workloads: workloadSummaries.map((summary) => {
      const k = key(summary.namespace, summary.name);
      const services = servicesOf.get(k) ?? [];
      return { summary, annotations: annotations.get(k) ?? {}, services, istio: refsForWorkload(istioIndex, summary.namespace, summary.labels, services) };
    }),
    services: need.services
      ? serviceSummaries.map((summary) => ({
          summary,
          annotations: serviceAnnotations.get(key(summary.namespace, summary.name)) ?? {},
          istio: refsForService(istioIndex, summary.namespace, summary.name),
        }))
      : [],
    apps: need.apps ? toAppSummaries(workloadSummaries) : [],
  };
}

/** Builds workloads, apps and services with health, traffic and Istio objects (see the module comment). */
export function buildInventory(input: InventoryInput, need: InventoryNeeds = ALL): Inventory {
  return judgeInventory(prepareInventory(input, need), input.tallies, input.healthConfig);
}

/** Judges the prepared inventory with the request tallies (undefined: Prometheus unavailable). */
export function judgeInventory(prepared: PreparedInventory, tallies: TallyIndex | undefined, healthConfig?: HealthConfig): Inventory {
  const known = tallies !== undefined;
  const windowSeconds = tallies?.windowSeconds ?? 0;
  const rulesFor = ruleSets(healthConfig);

  const workloads = prepared.workloads.map(({ summary: w, annotations, services, istio }): Judged<WorkloadListItem> => {
    const traffic = chooseTraffic(tallies?.workloads.get(key(w.namespace, w.name)));
    const replicas = computeReplicaHealth(w);
    const health = computeWorkloadHealth({ replicas, requests: computeRequestHealth(traffic.tallies, rulesFor(annotations)) });
    const item = { ...w, health: brief(health, known), traffic: trafficBrief(traffic, windowSeconds), services, istio: directRefs(istio) };
    return { item, health, traffic, istio };
  });
  const workloadByKey = new Map(workloads.map((w) => [key(w.item.namespace, w.item.name), w]));

  const apps = prepared.apps.map((a): Judged<AppListItem> => {
    const members = a.workloads.flatMap((n) => workloadByKey.get(key(a.namespace, n)) ?? []);
    const traffic = chooseTraffic(tallies?.apps.get(key(a.namespace, a.name)));
    const requests = computeRequestHealth(traffic.tallies, rulesFor());
    const health = computeAppHealth({ workloads: members.map((m) => ({ name: m.item.name, health: m.health })), requests });
    // Most apps have one version: take its workload's lists as they are.
    const only = members.length === 1 ? members[0] : undefined;
    const istio = only ? only.istio : uniqRefs(members.flatMap((m) => m.istio));
    const item: AppListItem = {
      ...a,
      labels: only ? only.item.labels : commonLabels(members.map((m) => m.item.labels)),
      pods: members.reduce((n, m) => n + m.item.pods, 0),
      podsReady: members.reduce((n, m) => n + m.item.podsReady, 0),
      health: brief(health, known),
      traffic: trafficBrief(traffic, windowSeconds),
      services: only ? only.item.services : [...new Set(members.flatMap((m) => m.item.services))].sort(),
      istio: only ? only.item.istio : directRefs(istio),
    };
    return { item, health, traffic, istio };
  });

  const services = prepared.services.map(({ summary: s, annotations, istio }): Judged<ServiceListItem> => {
    const traffic = chooseTraffic(tallies?.services.get(key(s.namespace, s.name)));
    const health = computeServiceHealth({ requests: computeRequestHealth(traffic.tallies, rulesFor(annotations)) });
    const backing = s.workloads.flatMap((n) => workloadByKey.get(key(s.namespace, n))?.item ?? []);
    const item: ServiceListItem = {
      ...s,
      health: brief(health, known),
      traffic: trafficBrief(traffic, windowSeconds),
      sidecar: sidecarOf(backing),
      versions: [...new Set(backing.flatMap((w) => (w.version ? [w.version] : [])))].sort(),
      istio,
    };
    return { item, health, traffic, istio };
  });

  return { workloads, apps, services, windowSeconds };
}

function sidecarOf(workloads: readonly WorkloadSummary[]): ServiceListItem["sidecar"] {
  if (workloads.length === 0) return "none";
  const present = workloads.filter((w) => w.sidecar === "present").length;
  if (present === workloads.length) return "present";
  return present === 0 && workloads.every((w) => w.sidecar === "missing") ? "missing" : "partial";
}

