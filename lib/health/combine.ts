import type { ReplicaHealth } from "./replicas";
import type { RequestHealth } from "./requests";
import { type HealthStatus, worstOf } from "./status";

/** Health of one object with what it was made of and why. */
export interface ObjectHealth {
  status: HealthStatus;
  /** Why the status is not healthy; `no requests in the window` when it is `no-data`. */
  reasons: string[];
  /** Configuration problems met while judging it (e.g. a malformed annotation, which was ignored). */
  problems: string[];
}

/** Workload health: its replicas and its own requests. */
export interface WorkloadHealth extends ObjectHealth {
  replicas: ReplicaHealth;
  requests: RequestHealth;
}

/** App health: its workloads and the requests of the app as a whole. */
export interface AppHealth extends ObjectHealth {
  workloads: { name: string; status: HealthStatus }[];
  requests: RequestHealth;
}

/** Service health: its requests only. */
export interface ServiceHealth extends ObjectHealth {
  requests: RequestHealth;
}

/** Reasons of the parts that matter: those of every part worse than healthy. */
function reasonsOf(status: HealthStatus, parts: { status: HealthStatus; reasons: string[]; prefix?: string }[]): string[] {
  if (status === "no-data") return parts.flatMap((p) => p.reasons.map((r) => (p.prefix ? `${p.prefix}: ${r}` : r)));
  return parts
    .filter((p) => p.status !== "healthy" && p.status !== "no-data")
    .flatMap((p) => p.reasons.map((r) => (p.prefix ? `${p.prefix}: ${r}` : r)));
}

/** Workload health = worst of replica health and request health (`no-data` traffic does not worsen it). */
export function computeWorkloadHealth(parts: { replicas: ReplicaHealth; requests: RequestHealth }): WorkloadHealth {
  const status = worstOf<HealthStatus>([parts.replicas.status, parts.requests.status]);
  return {
    status,
    reasons: reasonsOf(status, [parts.replicas, parts.requests]),
    problems: [...parts.requests.problems],
    replicas: parts.replicas,
    requests: parts.requests,
  };
}

/**
 * App health = worst of its workloads' health and the app's own request health. An app whose one
 * workload is scaled to 0 shows `not-ready`; workload reasons are prefixed with the workload name.
 */
export function computeAppHealth(parts: { workloads: readonly { name: string; health: ObjectHealth }[]; requests: RequestHealth }): AppHealth {
  const status = worstOf<HealthStatus>([...parts.workloads.map((w) => w.health.status), parts.requests.status]);
  const reasonParts = [...parts.workloads.map((w) => ({ ...w.health, prefix: w.name })), parts.requests];
  return {
    status,
    reasons: reasonsOf(status, status === "no-data" ? [parts.requests] : reasonParts),
    problems: [...parts.requests.problems, ...parts.workloads.flatMap((w) => w.health.problems.map((p) => `${w.name}: ${p}`))],
    workloads: parts.workloads.map((w) => ({ name: w.name, status: w.health.status })),
    requests: parts.requests,
  };
}

/** Service health = its request health. */
export function computeServiceHealth(parts: { requests: RequestHealth }): ServiceHealth {
  const r = parts.requests;
  return { status: r.status, reasons: [...r.reasons], problems: [...r.problems], requests: r };
}
