/** The target a wizard needs, or why it cannot act: 422 when the request lacks it, 404 when it does not exist. */
import { failure, invalid } from "./objects";
import type { BuildFailure, ServiceInfo, WizardSnapshot, WorkloadInfo } from "./types";

/** The target Service of a service wizard. */
export function requireService(snap: WizardSnapshot): ServiceInfo | BuildFailure {
  const name = snap.target.service;
  if (!name) return invalid([{ path: "target.service", message: "is required for this wizard" }]);
  return snap.service ?? failure(404, `Service ${snap.target.namespace}/${name} not found`);
}

/** The target workload (Deployment), when the wizard needs one. */
export function requireWorkload(snap: WizardSnapshot): WorkloadInfo | BuildFailure {
  const name = snap.target.workload;
  if (!name) return invalid([{ path: "target.workload", message: "is required for this wizard" }]);
  return snap.workload ?? failure(404, `Workload ${snap.target.namespace}/${name} not found`);
}

/** Type guard for the failure half of the `X | BuildFailure` results. */
export function isFailure<T extends object>(r: T | BuildFailure): r is BuildFailure {
  return "ok" in r && r.ok === false;
}
