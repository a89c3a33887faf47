import type { WizardName, WizardTarget } from "./api";

/**
 * The page of a wizard for a target: `/wizards/{wizard}?namespace=&service=` (or `&workload=`). Detail
 * pages and the graph's context menu link here, so a wizard can also be bookmarked or shared.
 */
export function wizardHref(wizard: WizardName, target: WizardTarget): string {
  const q = new URLSearchParams({ namespace: target.namespace });
  if (target.service) q.set("service", target.service);
  if (target.workload) q.set("workload", target.workload);
  return `/wizards/${wizard}?${q.toString()}`;
}

/** The wizards that act on a service (offered on a service's page and on service/app nodes of the graph). */
export const SERVICE_WIZARDS: readonly WizardName[] = ["traffic-shifting", "request-routing", "fault-injection", "timeouts-retries", "remove-routing"];

/** The wizards that act on a workload (or, without one, its namespace). */
export const WORKLOAD_WIZARDS: readonly WizardName[] = ["mtls", "authorization"];

/** Human titles, for menus and page headings. */
export const WIZARD_TITLES: Record<WizardName, string> = {
  "traffic-shifting": "Traffic shifting",
  "request-routing": "Request routing",
  "fault-injection": "Fault injection",
  "timeouts-retries": "Timeouts and retries",
  mtls: "mTLS",
  authorization: "Authorization",
  "remove-routing": "Remove routing",
};
