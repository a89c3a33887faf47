/** Remove routing: deletes what the wizards created for a Service, and nothing else. */
import type { RemoveRoutingInput } from "../inputs";
import { isManaged, refOf, serviceFqdn, success } from "./objects";
import { serviceDestinationRules, serviceVirtualServices } from "./service-routing";
import { isFailure, requireService } from "./target";
import type { BuildResult, PlannedChange, WizardSnapshot } from "./types";

/**
 * Deletes the Service's VirtualServices and DestinationRules that carry the managed-by label
 * (VirtualServices first, so that no route points at a subset that is gone). Objects without the
 * label belong to someone else: they are left alone, with a warning.
 */
export function buildRemoveRouting(snap: WizardSnapshot, _input: RemoveRoutingInput): BuildResult {
  const svc = requireService(snap);
  if (isFailure(svc)) return svc;
  const objects = [...serviceVirtualServices(snap, svc), ...serviceDestinationRules(snap, svc)];
  const changes: PlannedChange[] = objects.filter(isManaged).map((current) => ({ action: "delete", desired: null, current }));
  const warnings = objects
    .filter((o) => !isManaged(o))
    .map((o) => ({ code: "not-managed", message: `${refOf(o)} was not written by Meshscope (no managed-by label): it is left alone` }));
  if (objects.length === 0) warnings.push({ code: "nothing-to-remove", message: `no VirtualService or DestinationRule configures ${serviceFqdn(svc)}` });
  return success(changes, warnings);
}
