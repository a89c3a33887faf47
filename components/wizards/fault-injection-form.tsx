"use client";

import { useMemo, useState } from "react";
import { errorAt, otherErrors } from "@/lib/wizards/ui/issues";
import { faultInput, initialFault, type FaultDraft } from "@/lib/wizards/ui/policy-forms";
import { CheckField, FieldGroup, TextField } from "./fields";
import { useWizardFlow } from "./use-wizard-flow";
import { WizardForm, type WizardFormProps } from "./wizard-form";

const SHOWN = ["delay.fixedDelay", "delay.percentage", "abort.httpStatus", "abort.percentage"];

/** Fault injection: delay a share of the service's requests, abort a share with an HTTP status, or both. */
export function FaultInjectionForm({ target, onRestart }: WizardFormProps) {
  const [d, setD] = useState<FaultDraft>(initialFault);
  const input = useMemo(() => faultInput(d), [d]);
  const flow = useWizardFlow({ wizard: "fault-injection", target, input });
  const e = flow.errors;
  const delay = (patch: Partial<FaultDraft["delay"]>) => setD((x) => ({ ...x, delay: { ...x.delay, ...patch } }));
  const abort = (patch: Partial<FaultDraft["abort"]>) => setD((x) => ({ ...x, abort: { ...x.abort, ...patch } }));
  return (
    <WizardForm label="Fault injection" flow={flow} target={target} formErrors={otherErrors(e, SHOWN)} onRestart={onRestart}>
      <p className="text-sm text-slate-600">Faults apply to every request to {target.service} through the mesh (for a tester only, use Request routing first).</p>
      <FieldGroup legend="Delay">
        <CheckField label="Delay requests" checked={d.delay.enabled} onChange={(enabled) => delay({ enabled })} />
        <div className="flex flex-wrap gap-4">
          <TextField label="Fixed delay" field="delay.fixedDelay" value={d.delay.fixedDelay} placeholder="5s" hint="500ms, 2s, 1m" disabled={!d.delay.enabled} error={errorAt(e, "delay.fixedDelay")} onChange={(fixedDelay) => delay({ fixedDelay })} />
          <TextField label="Delayed requests (%)" field="delay.percentage" type="number" value={d.delay.percentage} disabled={!d.delay.enabled} error={errorAt(e, "delay.percentage")} onChange={(percentage) => delay({ percentage })} />
        </div>
      </FieldGroup>
      <FieldGroup legend="Abort">
        <CheckField label="Abort requests" checked={d.abort.enabled} onChange={(enabled) => abort({ enabled })} />
        <div className="flex flex-wrap gap-4">
          <TextField label="HTTP status" field="abort.httpStatus" type="number" value={d.abort.httpStatus} disabled={!d.abort.enabled} error={errorAt(e, "abort.httpStatus")} onChange={(httpStatus) => abort({ httpStatus })} />
          <TextField label="Aborted requests (%)" field="abort.percentage" type="number" value={d.abort.percentage} disabled={!d.abort.enabled} error={errorAt(e, "abort.percentage")} onChange={(percentage) => abort({ percentage })} />
        </div>
      </FieldGroup>
    </WizardForm>
  );
}
