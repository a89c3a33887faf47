"use client";

import type { FormEvent, ReactNode } from "react";
import type { PreviewResponse, WizardContext, WizardTarget } from "@/lib/wizards/api";
import { FormErrors } from "./fields";
import type { WizardFlow } from "./use-wizard-flow";
import { WizardSteps } from "./wizard-steps";

/** What every wizard form gets from the page. */
export interface WizardFormProps {
  context: WizardContext;
  target: WizardTarget;
  /** Starts the wizard again from a fresh context (after an apply). */
  onRestart: () => void;
}

/**
 * A wizard's form and its shared steps: Enter or "Preview" previews (only a valid form), errors no
 * field shows are listed above the buttons, and after an apply the form can be started over.
 */
export function WizardForm({
  label,
  flow,
  target,
  formErrors,
  onRestart,
  extra,
  children,
}: {
  label: string;
  flow: WizardFlow;
  target: WizardTarget;
  formErrors: string[];
  onRestart: () => void;
  extra?: (p: PreviewResponse) => ReactNode;
  children: ReactNode;
}) {
  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (flow.valid && !flow.previewing) flow.runPreview();
  };
  return (
    <form aria-label={label} noValidate onSubmit={handleSubmit} className="space-y-4">
      <fieldset disabled={flow.applied !== undefined} className="space-y-4">
        {children}
      </fieldset>
      <FormErrors messages={formErrors} />
      <WizardSteps flow={flow} target={target} extra={extra} />
      {flow.applied && (
        <button type="button" className="text-sm text-blue-700 hover:underline" onClick={onRestart}>
          Start over from what is in the cluster now
        </button>
      )}
    </form>
  );
}
