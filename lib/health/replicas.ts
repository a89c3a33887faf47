import type { WorkloadSummary } from "@/lib/api/schemas";

/** Statuses replica counts can give (never `no-data`: a workload always has a desired count). */
export type ReplicaStatus = "healthy" | "degraded" | "failure" | "not-ready";

/** Replica health of a workload. */
export interface ReplicaHealth {
  status: ReplicaStatus;
  desired: number;
  available: number;
  /** Why the status is not healthy, e.g. `1 of 3 replicas available`. */
  reasons: string[];
}

/**
 * Replica health: desired 0 is `not-ready` (scaled down on purpose — not a failure); none
 * available is `failure`; fewer available than desired is `degraded`; otherwise `healthy`
 * (more available than desired happens during a rollout's surge).
 */
export function computeReplicaHealth(w: Pick<WorkloadSummary, "desiredReplicas" | "availableReplicas">): ReplicaHealth {
  const desired = Math.max(0, w.desiredReplicas);
  const available = Math.max(0, w.availableReplicas);
  const counts = { desired, available };
  const of = `${available} of ${desired} replica${desired === 1 ? "" : "s"} available`;
  if (desired === 0) return { status: "not-ready", ...counts, reasons: ["scaled to 0 replicas"] };
  if (available === 0) return { status: "failure", ...counts, reasons: [of] };
  if (available < desired) return { status: "degraded", ...counts, reasons: [of] };
  return { status: "healthy", ...counts, reasons: [] };
}
