/** The wizards' starting point (`GET /api/wizards/context`), computed from a snapshot of the cluster. */
import { matchesSelector } from "@/lib/inventory/workloads";
import type { WizardContext } from "./api";
import { isManaged } from "./builders/objects";
import { effectiveMode, hasSelector, namespaceMode } from "./builders/mtls-effective";
import { currentWeights, parsePreviousWeights, PREVIOUS_WEIGHTS_ANNOTATION } from "./builders/routes";
import { serviceDestinationRules, serviceVirtualServices } from "./builders/service-routing";
import type { WizardObject, WizardSnapshot } from "./builders/types";

const objectSummary = (o: WizardObject) => ({
  kind: o.kind,
  name: o.metadata?.name ?? "",
  namespace: o.metadata?.namespace ?? "",
  resourceVersion: o.metadata?.resourceVersion ?? "",
  managedByMeshscope: isManaged(o),
});

/**
 * The objects a wizard on this target edits: for a Service, its VirtualServices and DestinationRules;
 * otherwise the namespace's PeerAuthentications and AuthorizationPolicies that apply namespace-wide
 * or (with a workload) select the workload.
 */
function targetObjects(snap: WizardSnapshot): WizardObject[] {
  if (snap.service) return [...serviceVirtualServices(snap, snap.service), ...serviceDestinationRules(snap, snap.service)];
  const ns = snap.target.namespace;
  const applies = (sel: Record<string, string> | undefined) =>
    Object.keys(sel ?? {}).length === 0 || (snap.workload !== undefined && matchesSelector(sel, snap.workload.labels));
  return [
    ...snap.peerAuthentications.filter((p) => p.metadata?.namespace === ns && (!hasSelector(p) || applies(p.spec?.selector?.matchLabels))),
    ...snap.authorizationPolicies.filter((p) => applies(p.spec?.selector?.matchLabels)),
  ];
}

/** The context for the snapshot's target; `errors` lists sources that failed (the rest is valid). */
export function toWizardContext(snap: WizardSnapshot, errors: WizardContext["errors"]): WizardContext {
  const svc = snap.service;
  const vs = svc ? serviceVirtualServices(snap, svc)[0] : undefined;
  return {
    target: snap.target,
    versions: snap.versions,
    weights: svc ? currentWeights(vs, svc, snap.versions) : null,
    previousWeights: parsePreviousWeights(vs?.metadata?.annotations?.[PREVIOUS_WEIGHTS_ANNOTATION]),
    objects: targetObjects(snap).map(objectSummary),
    mtls: {
      namespaceMode: namespaceMode(snap.peerAuthentications, snap.target.namespace),
      workloads: snap.workloads.map((w) => ({
        workload: w.name,
        sidecar: w.sidecar,
        mode: effectiveMode(snap.peerAuthentications, snap.rootNamespace, w.namespace, w.labels).mode,
      })),
    },
    callers: (snap.callers ?? []).map(({ namespace, workload, principal, sidecar }) => ({ namespace, workload, principal, sidecar })),
    errors,
  };
}
