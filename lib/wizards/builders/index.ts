/** Every wizard's builder, by wizard name. */
import type { WizardName } from "../api";
import type { WizardInputs } from "../inputs";
import { buildAuthorization } from "./authorization";
import { buildFaultInjection } from "./fault-injection";
import { buildMtls } from "./mtls";
import { buildRemoveRouting } from "./remove-routing";
import { buildRequestRouting } from "./request-routing";
import { buildTimeoutsRetries } from "./timeouts-retries";
import { buildTrafficShifting } from "./traffic-shifting";
import type { BuildResult, WizardSnapshot } from "./types";

type Builders = { [W in WizardName]: (snap: WizardSnapshot, input: WizardInputs[W]) => BuildResult };

/** The builder of each wizard; typed so that adding a wizard name without a builder does not compile. */
export const BUILDERS: Builders = {
  "traffic-shifting": buildTrafficShifting,
  "request-routing": buildRequestRouting,
  "fault-injection": buildFaultInjection,
  "timeouts-retries": buildTimeoutsRetries,
  mtls: buildMtls,
  authorization: buildAuthorization,
  "remove-routing": buildRemoveRouting,
};

/** Builds what `wizard` would write for `input` (already parsed with `WIZARD_INPUTS[wizard]`). */
export function buildWizard<W extends WizardName>(wizard: W, snap: WizardSnapshot, input: WizardInputs[W]): BuildResult {
  return BUILDERS[wizard](snap, input);
}

/** The wizards whose target is a Service (`target.service` required). */
export const SERVICE_TARGETED: ReadonlySet<WizardName> = new Set(["traffic-shifting", "request-routing", "fault-injection", "timeouts-retries", "remove-routing"]);

export type { BuildFailure, BuildResult, BuildSuccess, CallerInfo, PlannedChange, ServiceInfo, WizardObject, WizardSnapshot, WorkloadInfo } from "./types";
