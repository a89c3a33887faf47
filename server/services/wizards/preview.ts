import "server-only";
import type { PreviewResponse, WizardName, WizardTarget } from "@/lib/wizards/api";
import { buildWizard, type BuildFailure } from "@/lib/wizards/builders";
import { describeChange } from "@/lib/wizards/changes";
import type { WizardInputs } from "@/lib/wizards/inputs";
import { kubeFor } from "../../kube/gateway";
import type { Identity } from "../../kube/identity";
import { loadSnapshot } from "./snapshot";
import { dryRunChange } from "./writes";

/** Wizards whose warnings depend on who calls the target (read from Prometheus). */
const NEEDS_CALLERS: ReadonlySet<WizardName> = new Set(["mtls", "authorization"]);

/**
 * What `wizard` would write for `input` (`POST /api/wizards/{wizard}/preview`): each object as YAML
 * next to what is in the cluster, the diff, and the API server's answer to a dry run of the write.
 * Nothing is stored. A dry run the API server refuses is reported in the change, not as an error.
 */
export async function previewWizard<W extends WizardName>(identity: Identity, wizard: W, target: WizardTarget, input: WizardInputs[W]): Promise<PreviewResponse | BuildFailure> {
  const { snapshot, errors } = await loadSnapshot(identity, target, { callers: NEEDS_CALLERS.has(wizard) });
  const built = buildWizard(wizard, snapshot, input);
  if (!built.ok) return built;
  const gateway = kubeFor(identity);
  const changes = await Promise.all(built.changes.map(async (c) => ({ ...describeChange(c), dryRun: await dryRunChange(gateway, c) })));
  const warnings = [...built.warnings, ...errors.map((e) => ({ code: `${e.source}-unavailable`, message: e.message }))];
  return { wizard, target, changes, warnings, ...(built.mtls ? { mtls: built.mtls } : {}) };
}
