import type { WizardName, WizardTarget } from "../api";
import { SERVICE_WIZARDS, WIZARD_TITLES, WORKLOAD_WIZARDS, wizardHref } from "../links";

/** One entry of a wizards menu. */
export interface WizardEntry {
  wizard: WizardName;
  href: string;
  title: string;
}

/**
 * The wizards offered for a target: a service's routing wizards, a workload's mTLS and authorization,
 * both when both are given; with neither, the namespace's mTLS and deny-all.
 */
export function wizardEntries({ namespace, service, workload }: { namespace: string; service?: string; workload?: string }): WizardEntry[] {
  const entries: Array<{ wizard: WizardName; target: WizardTarget }> = [];
  if (service) entries.push(...SERVICE_WIZARDS.map((wizard) => ({ wizard, target: { namespace, service } })));
  if (workload || !service) entries.push(...WORKLOAD_WIZARDS.map((wizard) => ({ wizard, target: workload ? { namespace, workload } : { namespace } })));
  return entries.map(({ wizard, target }) => ({ wizard, href: wizardHref(wizard, target), title: WIZARD_TITLES[wizard] }));
}
