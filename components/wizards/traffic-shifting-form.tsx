"use client";

import { useMemo, useReducer } from "react";
import { otherErrors } from "@/lib/wizards/ui/issues";
import { initialWeights } from "@/lib/wizards/ui/weights";
import { initialWeightsState, weightsInput, weightsReducer } from "@/lib/wizards/ui/weights-state";
import { FieldGroup } from "./fields";
import { useWizardFlow } from "./use-wizard-flow";
import { versionNote } from "./version-note";
import { WeightsEditor } from "./weights-editor";
import { WizardForm, type WizardFormProps } from "./wizard-form";

const summary = (ws: ReadonlyArray<{ version: string; weight: number }>) => ws.map((w) => `${w.version} ${w.weight}%`).join(", ");

/**
 * Traffic shifting: weights across the service's versions, summing to 100, with lock, promote and
 * roll back (to the weights before the last shift, which the backend keeps on the VirtualService).
 */
export function TrafficShiftingForm({ context, target, onRestart }: WizardFormProps) {
  const inForce = useMemo(() => initialWeights(context.versions.map((v) => v.version), context.weights), [context]);
  const [state, dispatch] = useReducer(weightsReducer, null, () => initialWeightsState(inForce, context.previousWeights));
  const input = useMemo(() => weightsInput(state), [state]);
  const flow = useWizardFlow({ wizard: "traffic-shifting", target, input });
  const shown = ["weights", ...state.rows.flatMap((_, i) => [`weights.${i}.weight`, `weights.${i}.version`])];
  return (
    <WizardForm label="Traffic shifting" flow={flow} target={target} formErrors={otherErrors(flow.errors, shown)} onRestart={onRestart}>
      <FieldGroup legend={`Weights of ${target.service}'s versions`}>
        <p className="text-xs text-slate-600">
          {context.weights ? `In force: ${summary(context.weights)}.` : "No weights in force: every version starts with an equal share."}
          {context.previousWeights ? ` Before the last shift: ${summary(context.previousWeights)}.` : ""} Moving one version spreads the difference over the unlocked others.
        </p>
        {state.rows.length === 0 && <p className="text-sm text-amber-800">No workload of this service has a version label: there is nothing to shift between.</p>}
        <WeightsEditor state={state} dispatch={dispatch} errors={flow.errors} path="weights" label="Weights" describe={(v) => versionNote(context, v)} />
      </FieldGroup>
    </WizardForm>
  );
}
