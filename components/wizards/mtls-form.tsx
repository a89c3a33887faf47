"use client";

import { useMemo, useState } from "react";
import { mtlsMode, type MtlsMode } from "@/lib/wizards/inputs";
import { errorAt, otherErrors } from "@/lib/wizards/ui/issues";
import { FieldError, FieldGroup } from "./fields";
import { CurrentMtls, MtlsBeforeAfter } from "./mtls-table";
import { useWizardFlow } from "./use-wizard-flow";
import { WizardForm, type WizardFormProps } from "./wizard-form";

const MODE_HELP: Record<MtlsMode, string> = {
  STRICT: "only mutual TLS: callers without a sidecar are refused",
  PERMISSIVE: "mutual TLS and plaintext both accepted",
  DISABLE: "plaintext only",
};

/**
 * mTLS: a PeerAuthentication for the namespace (or one workload). The effective mode of each
 * workload before and after, and the backend's warnings (e.g. callers without a sidecar under STRICT),
 * are shown with the preview.
 */
export function MtlsForm({ context, target, onRestart }: WizardFormProps) {
  const now = target.workload ? context.mtls.workloads.find((w) => w.workload === target.workload)?.mode : context.mtls.namespaceMode;
  const [mode, setMode] = useState<MtlsMode>(now === "STRICT" ? "PERMISSIVE" : "STRICT");
  const input = useMemo(() => ({ mode }), [mode]);
  const flow = useWizardFlow({ wizard: "mtls", target, input });
  const scope = target.workload ? `workload ${target.workload}` : `namespace ${target.namespace}`;
  return (
    <WizardForm label="mTLS" flow={flow} target={target} formErrors={otherErrors(flow.errors, ["mode"])} onRestart={onRestart} extra={(p) => p.mtls && <MtlsBeforeAfter rows={p.mtls} />}>
      <FieldGroup legend={`Mode for ${scope}`}>
        <div role="radiogroup" aria-label="mTLS mode" className="space-y-1">
          {mtlsMode.options.map((m) => (
            <label key={m} className="flex items-center gap-2 text-sm">
              <input type="radio" name="mtls-mode" value={m} checked={mode === m} onChange={() => setMode(m)} aria-label={m} />
              <span className="font-mono">{m}</span>
              <span className="text-xs text-slate-500">{MODE_HELP[m]}</span>
            </label>
          ))}
        </div>
        <FieldError field="mode" message={errorAt(flow.errors, "mode")} />
      </FieldGroup>
      <FieldGroup legend={`Now in ${target.namespace}`}>
        <CurrentMtls mtls={context.mtls} />
      </FieldGroup>
    </WizardForm>
  );
}
