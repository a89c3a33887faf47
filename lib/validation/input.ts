/**
 * What validation reads: a snapshot of the cluster. Every list is optional, and an absent list means
 * "unknown" (not listed, or not permitted), not "empty": rules that need it are skipped rather than
 * reporting everything it would contain as missing. Pass `[]` for a list known to be empty.
 */
import type { V1Deployment, V1Namespace, V1Pod, V1Service, V1ServiceAccount } from "@kubernetes/client-node";
import type { IDestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule";
import type { IGateway } from "@kubernetes-models/istio/networking.istio.io/v1/Gateway";
import type { IServiceEntry } from "@kubernetes-models/istio/networking.istio.io/v1/ServiceEntry";
import type { ISidecar } from "@kubernetes-models/istio/networking.istio.io/v1/Sidecar";
import type { IVirtualService } from "@kubernetes-models/istio/networking.istio.io/v1/VirtualService";
import type { IAuthorizationPolicy } from "@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy";
import type { IPeerAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication";
import type { IRequestAuthentication } from "@kubernetes-models/istio/security.istio.io/v1/RequestAuthentication";

/** A workload of another controller (StatefulSet, DaemonSet, WorkloadEntry…): where it runs and its pod labels. */
export interface WorkloadLabels {
  namespace: string;
  name: string;
  labels: Record<string, string>;
}

/** Mesh settings the rules depend on; each defaults to Istio's default. */
export interface ValidationOptions {
  /** Istio's root namespace, where selector-less policies apply mesh-wide. Default `istio-system`. */
  rootNamespace?: string;
  /** The Kubernetes cluster domain short host names are completed with. Default `cluster.local`. */
  clusterDomain?: string;
  /** The mesh's trust domain, the first part of principals. Default `cluster.local`. */
  trustDomain?: string;
  /**
   * istiod's `PILOT_SCOPE_GATEWAY_TO_NAMESPACE`: when true a Gateway's selector only matches
   * workloads of its own namespace. Default false (any namespace).
   */
  gatewayScopeToNamespace?: boolean;
}

/** The cluster snapshot `validateMesh` judges (see the module comment on absent lists). */
export interface MeshConfigInput {
  namespaces?: readonly V1Namespace[];
  services?: readonly V1Service[];
  deployments?: readonly V1Deployment[];
  pods?: readonly V1Pod[];
  /** Workloads of other controllers, matched like pods. */
  workloads?: readonly WorkloadLabels[];
  serviceAccounts?: readonly V1ServiceAccount[];
  virtualServices?: readonly IVirtualService[];
  destinationRules?: readonly IDestinationRule[];
  gateways?: readonly IGateway[];
  serviceEntries?: readonly IServiceEntry[];
  sidecars?: readonly ISidecar[];
  peerAuthentications?: readonly IPeerAuthentication[];
  authorizationPolicies?: readonly IAuthorizationPolicy[];
  requestAuthentications?: readonly IRequestAuthentication[];
  options?: ValidationOptions;
}

/** The lists of {@link MeshConfigInput} a rule may need, plus `workloads`: known when pods, deployments or workloads are. */
export type InputNeed =
  | "namespaces"
  | "services"
  | "workloads"
  | "serviceAccounts"
  | "virtualServices"
  | "destinationRules"
  | "gateways"
  | "serviceEntries"
  | "peerAuthentications";

/** True when the snapshot holds the list (see the module comment). */
export function isKnown(input: MeshConfigInput, need: InputNeed): boolean {
  if (need === "workloads") return input.pods !== undefined || input.deployments !== undefined || input.workloads !== undefined;
  return input[need] !== undefined;
}

/** Options with Istio's defaults filled in. */
export type ResolvedOptions = Required<ValidationOptions>;

/** Fills in Istio's defaults for the options not given. */
export function resolveOptions(o: ValidationOptions | undefined): ResolvedOptions {
  return {
    rootNamespace: o?.rootNamespace ?? "istio-system",
    clusterDomain: o?.clusterDomain ?? "cluster.local",
    trustDomain: o?.trustDomain ?? "cluster.local",
    gatewayScopeToNamespace: o?.gatewayScopeToNamespace ?? false,
  };
}
