/**
 * What the wizards' object builders read and produce. A builder is pure: from the target, the wizard's
 * (already schema-validated) input and a snapshot of the cluster around the target, it returns the
 * objects to create, update or delete, with warnings; or the input issues that make it impossible.
 */
import type { IDestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule";
import type { IVirtualService } from "@kubernetes-models/istio/networking.istio.io/v1/VirtualService";
import type { IAuthorizationPolicy } from "@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy";
import type { IPeerAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication";
import type { EffectiveMtls, ServiceVersion, WizardTarget, WizardWarning } from "../api";

/** The kinds wizards write. */
export type WizardObject = IVirtualService | IDestinationRule | IPeerAuthentication | IAuthorizationPolicy;

/** A workload (Deployment) of the target's namespace. */
export interface WorkloadInfo {
  namespace: string;
  name: string;
  /** The pod template's labels (what selectors match). */
  labels: Record<string, string>;
  /** The Deployment's `matchLabels`: selects exactly its pods (policies select the workload with it). */
  selector: Record<string, string>;
  /** Its pods (or, with none running, its template) carry Istio's sidecar. */
  sidecar: boolean;
}

/** A Service of the target's namespace. */
export interface ServiceInfo {
  namespace: string;
  name: string;
  /** Empty for a Service without selector. */
  selector: Record<string, string>;
}

/** A workload seen calling the target in telemetry (reporter="destination"). */
export interface CallerInfo {
  /** `unknown` when the caller has no sidecar (no peer metadata reached the server). */
  namespace: string;
  workload: string;
  /** Istio principal (`cluster.local/ns/<ns>/sa/<sa>`), `null` without mTLS. */
  principal: string | null;
  sidecar: boolean;
  /** The target's workloads it called (`destination_workload`). */
  destinations: string[];
}

/** The cluster around a target, as the builders need it. Lists are the target namespace's. */
export interface WizardSnapshot {
  target: WizardTarget;
  /** Istio's root namespace, whose selector-less PeerAuthentication applies mesh-wide. */
  rootNamespace: string;
  /** The target Service, when the target names one. */
  service?: ServiceInfo;
  /** The target workload, when the target names one. */
  workload?: WorkloadInfo;
  /** The target Service's versions (subsets to route to). */
  versions: ServiceVersion[];
  workloads: WorkloadInfo[];
  services: ServiceInfo[];
  virtualServices: IVirtualService[];
  destinationRules: IDestinationRule[];
  /** The namespace's and the root namespace's. */
  peerAuthentications: IPeerAuthentication[];
  authorizationPolicies: IAuthorizationPolicy[];
  /** Callers seen in telemetry; `null` when unknown (telemetry unavailable). */
  callers: CallerInfo[] | null;
}

/** One object a wizard would write, with its cluster counterpart. */
export type PlannedChange =
  | { action: "create"; desired: WizardObject; current: null }
  | { action: "update" | "unchanged"; desired: WizardObject; current: WizardObject }
  | { action: "delete"; desired: null; current: WizardObject };

/** A field at fault, with its path from the request's root (`input.weights.0.version`, `target.service`). */
export interface BuildIssue {
  path: string;
  message: string;
}

/** What a wizard would write, in write order, with its warnings. */
export interface BuildSuccess {
  ok: true;
  /** In the order to write them: DestinationRules before the VirtualServices that use their subsets, deletes in reverse. */
  changes: PlannedChange[];
  warnings: WizardWarning[];
  /** mtls wizard: the effective mode of each workload of the namespace, before and after. */
  mtls?: EffectiveMtls[];
}

/**
 * Why a wizard cannot build: 422 input issues, 404 a target that does not exist, 409 an object in
 * the cluster that stands in the way.
 */
export interface BuildFailure {
  ok: false;
  status: 404 | 409 | 422;
  message: string;
  issues: BuildIssue[];
}

/** A builder's answer: what to write, or why it cannot. */
export type BuildResult = BuildSuccess | BuildFailure;
