/**
 * Which VirtualService and DestinationRule are "the service's": the ones the routing wizards edit (or
 * create, named after the Service) and remove-routing deletes.
 */
import type { IDestinationRule } from "@kubernetes-models/istio/networking.istio.io/v1/DestinationRule";
import type { IVirtualService } from "@kubernetes-models/istio/networking.istio.io/v1/VirtualService";
import { resolveHost } from "@/lib/validation/hosts";
import type { WizardWarning } from "../api";
import { byAge, CLUSTER_DOMAIN, failure, refOf, serviceFqdn } from "./objects";
import type { BuildFailure, ServiceInfo, WizardSnapshot } from "./types";

/**
 * True when `host`, written in an object of `configNamespace`, is exactly the Service's host (short
 * names are relative to the object's namespace, as Istio resolves them; wildcards do not count: the
 * wizards only edit objects written for this one Service).
 */
export function namesService(host: string, configNamespace: string, svc: ServiceInfo): boolean {
  return resolveHost(host, configNamespace, CLUSTER_DOMAIN) === serviceFqdn(svc);
}

/** True when a VirtualService applies to sidecars (no `gateways`, or `mesh` among them). */
export function appliesToMesh(vs: IVirtualService): boolean {
  const gateways = vs.spec?.gateways ?? [];
  return gateways.length === 0 || gateways.includes("mesh");
}

/** VirtualServices of the Service's namespace that route its host for the mesh: the one named after it first, then oldest first. */
export function serviceVirtualServices(snap: Pick<WizardSnapshot, "virtualServices">, svc: ServiceInfo): IVirtualService[] {
  return snap.virtualServices
    .filter((vs) => vs.metadata?.namespace === svc.namespace && appliesToMesh(vs) && (vs.spec?.hosts ?? []).some((h) => namesService(h, svc.namespace, svc)))
    .sort((a, b) => Number(b.metadata?.name === svc.name) - Number(a.metadata?.name === svc.name) || byAge(a, b));
}

/** DestinationRules of the Service's namespace for its host: the one named after it first, then oldest first. */
export function serviceDestinationRules(snap: Pick<WizardSnapshot, "destinationRules">, svc: ServiceInfo): IDestinationRule[] {
  return snap.destinationRules
    .filter((dr) => dr.metadata?.namespace === svc.namespace && dr.spec?.host !== undefined && namesService(dr.spec.host, svc.namespace, svc))
    .sort((a, b) => Number(b.metadata?.name === svc.name) - Number(a.metadata?.name === svc.name) || byAge(a, b));
}

/** The Service's VirtualService and DestinationRule (either may not exist yet), with warnings about others. */
export interface ServiceRouting {
  vs: IVirtualService | undefined;
  dr: IDestinationRule | undefined;
  warnings: WizardWarning[];
}

/**
 * The objects a routing wizard edits. When there are none, it creates them named after the Service;
 * an object of that name that is for something else stands in the way (409).
 */
export function serviceRouting(snap: WizardSnapshot, svc: ServiceInfo): ServiceRouting | BuildFailure {
  const [vs, ...otherVs] = serviceVirtualServices(snap, svc);
  const [dr, ...otherDr] = serviceDestinationRules(snap, svc);
  const sameName = <T extends { metadata?: { name?: string; namespace?: string } }>(list: T[]) =>
    list.find((o) => o.metadata?.name === svc.name && o.metadata.namespace === svc.namespace);
  const blockingVs = !vs ? sameName(snap.virtualServices) : undefined;
  if (blockingVs) return failure(409, `${refOf(blockingVs)} exists but does not route ${serviceFqdn(svc)} for the mesh: the wizard cannot create its VirtualService under that name`);
  const blockingDr = !dr ? sameName(snap.destinationRules) : undefined;
  if (blockingDr) return failure(409, `${refOf(blockingDr)} exists for another host: the wizard cannot create its DestinationRule under that name`);
  const warnings: WizardWarning[] = [];
  for (const o of [...otherVs, ...otherDr]) {
    warnings.push({ code: "duplicate-host", message: `${refOf(o)} also configures ${serviceFqdn(svc)}; Istio merges or ignores duplicates unpredictably: consider removing it` });
  }
  const others = (vs?.spec?.hosts ?? []).filter((h) => !namesService(h, svc.namespace, svc));
  if (vs && others.length > 0) {
    warnings.push({ code: "shared-virtualservice", message: `${refOf(vs)} also routes ${others.join(", ")}: the routes written apply to those hosts too` });
  }
  return { vs, dr, warnings };
}
