import "server-only";
import type { WizardContext, WizardTarget } from "@/lib/wizards/api";
import { toWizardContext } from "@/lib/wizards/context";
import type { Identity } from "../../kube/identity";
import { assertTargetExists, loadSnapshot } from "./snapshot";

/**
 * What the wizards start from for `target` (`GET /api/wizards/context`). 404 for a Service or
 * workload that does not exist; a Prometheus failure only empties `callers` and is listed in `errors`.
 */
export async function getWizardContext(identity: Identity, target: WizardTarget): Promise<WizardContext> {
  const { snapshot, errors } = await loadSnapshot(identity, target, { callers: true });
  assertTargetExists(snapshot);
  return toWizardContext(snapshot, errors);
}
