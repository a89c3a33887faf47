"use client";

import { useMemo, useState } from "react";
import { RETRY_ON } from "@/lib/wizards/inputs";
import { errorAt, errorUnder, otherErrors } from "@/lib/wizards/ui/issues";
import { initialTimeouts, timeoutsInput, type TimeoutsDraft } from "@/lib/wizards/ui/policy-forms";
import { CheckField, FieldError, FieldGroup, TextField } from "./fields";
import { useWizardFlow } from "./use-wizard-flow";
import { WizardForm, type WizardFormProps } from "./wizard-form";

const SHOWN = ["timeout", "retries.attempts", "retries.perTryTimeout"];

/** Timeouts and retries: a request timeout, and how often, how long and on what to retry. */
export function TimeoutsRetriesForm({ target, onRestart }: WizardFormProps) {
  const [d, setD] = useState<TimeoutsDraft>(initialTimeouts);
  const input = useMemo(() => timeoutsInput(d), [d]);
  const flow = useWizardFlow({ wizard: "timeouts-retries", target, input });
  const e = flow.errors;
  const retries = (patch: Partial<TimeoutsDraft["retries"]>) => setD((x) => ({ ...x, retries: { ...x.retries, ...patch } }));
  const toggle = (c: (typeof RETRY_ON)[number], on: boolean) =>
    retries({ retryOn: on ? RETRY_ON.filter((r) => r === c || d.retries.retryOn.includes(r)) : d.retries.retryOn.filter((r) => r !== c) });
  return (
    <WizardForm label="Timeouts and retries" flow={flow} target={target} formErrors={otherErrors(e, SHOWN, ["retries.retryOn"])} onRestart={onRestart}>
      <FieldGroup legend="Timeout">
        <CheckField label="Time requests out" checked={d.timeout.enabled} onChange={(enabled) => setD((x) => ({ ...x, timeout: { ...x.timeout, enabled } }))} />
        <TextField label="Request timeout" field="timeout" value={d.timeout.value} placeholder="10s" hint="500ms, 2s, 1m" disabled={!d.timeout.enabled} error={errorAt(e, "timeout")} onChange={(value) => setD((x) => ({ ...x, timeout: { ...x.timeout, value } }))} />
      </FieldGroup>
      <FieldGroup legend="Retries">
        <CheckField label="Retry failed requests" checked={d.retries.enabled} onChange={(enabled) => retries({ enabled })} />
        <div className="flex flex-wrap gap-4">
          <TextField label="Attempts" field="retries.attempts" type="number" value={d.retries.attempts} disabled={!d.retries.enabled} error={errorAt(e, "retries.attempts")} onChange={(attempts) => retries({ attempts })} />
          <TextField label="Per-try timeout" field="retries.perTryTimeout" value={d.retries.perTryTimeout} placeholder="2s (optional)" disabled={!d.retries.enabled} error={errorAt(e, "retries.perTryTimeout")} onChange={(perTryTimeout) => retries({ perTryTimeout })} />
        </div>
        <fieldset disabled={!d.retries.enabled} className="space-y-1">
          <legend className="text-xs font-medium text-slate-600">Retry on</legend>
          <div className="grid grid-cols-2 gap-1 md:grid-cols-4">
            {RETRY_ON.map((c) => (
              <CheckField key={c} label={<span className="font-mono text-xs">{c}</span>} checked={d.retries.retryOn.includes(c)} onChange={(on) => toggle(c, on)} />
            ))}
          </div>
          <FieldError field="retries.retryOn" message={errorUnder(e, "retries.retryOn")} />
        </fieldset>
      </FieldGroup>
    </WizardForm>
  );
}
