"use client";

import { useMemo, useState } from "react";
import { authorizationInput, authorizationTarget, callerOptions, initialAuthorization, principalField, type AuthorizationDraft } from "@/lib/wizards/ui/authorization-form";
import { errorUnder, otherErrors } from "@/lib/wizards/ui/issues";
import { CheckField, FieldError, FieldGroup, TextField } from "./fields";
import { useWizardFlow } from "./use-wizard-flow";
import { WizardForm, type WizardFormProps } from "./wizard-form";

/**
 * Authorization: allow-list a workload's callers (proposed from the callers seen in the graph) or deny
 * every request in the namespace. Callers without a sidecar have no identity to allow.
 */
export function AuthorizationForm({ context, target, onRestart }: WizardFormProps) {
  const options = useMemo(() => callerOptions(context.callers), [context]);
  const [d, setD] = useState<AuthorizationDraft>(() => initialAuthorization(target, options));
  const input = useMemo(() => authorizationInput(d, options), [d, options]);
  const flowTarget = useMemo(() => authorizationTarget(d, target), [d, target]);
  const flow = useWizardFlow({ wizard: "authorization", target: flowTarget, input });
  const e = flow.errors;
  // A bad principal's error goes to the list it came from.
  const principalErrors = (where: "callers" | "extraPrincipals") =>
    Object.keys(e)
      .map((k) => /^principals\.(\d+)$/.exec(k))
      .filter((m): m is RegExpExecArray => m !== null && principalField(Number(m[1]), d, options) === where)
      .map((m) => errorUnder(e, m[0]))
      .join("; ") || undefined;
  const set = (patch: Partial<AuthorizationDraft>) => setD((x) => ({ ...x, ...patch }));
  const unidentified = options.filter((o) => o.principal === null);
  const callersError = context.errors.find((x) => x.source === "prometheus");
  return (
    <WizardForm label="Authorization" flow={flow} target={flowTarget} formErrors={otherErrors(e, [], ["principals", "namespaces"])} onRestart={onRestart}>
      <FieldGroup legend="Policy">
        <div role="radiogroup" aria-label="Policy" className="space-y-1 text-sm">
          <label className={`flex items-center gap-2 ${target.workload ? "" : "text-slate-400"}`}>
            <input type="radio" name="authz-mode" checked={d.mode === "allow-callers"} disabled={!target.workload} onChange={() => set({ mode: "allow-callers" })} aria-label="Allow only chosen callers" />
            Allow only chosen callers of {target.workload ?? "a workload (open this wizard from a workload)"}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="authz-mode" checked={d.mode === "deny-all"} onChange={() => set({ mode: "deny-all" })} aria-label={`Deny all in namespace ${target.namespace}`} />
            Deny every request to every workload in namespace {target.namespace}
          </label>
        </div>
        {d.mode === "deny-all" && <p className="text-sm font-medium text-amber-800">⚠ Every request to {target.namespace} will be refused (403) until an ALLOW policy lets some through.</p>}
      </FieldGroup>
      {d.mode === "allow-callers" && (
        <>
          <FieldGroup legend="Callers seen in the last 10 minutes">
            {callersError && <p className="text-xs text-amber-800">Callers could not be read ({callersError.message}): type principals below.</p>}
            {options.length === 0 && !callersError && <p className="text-xs text-slate-500">No caller seen.</p>}
            <div role="group" aria-label="Callers to allow" className="space-y-1">
              {options.map((o) => (
                <CheckField
                  key={o.key}
                  label={<span className="font-mono text-xs">{o.key}</span>}
                  hint={o.principal ?? "no sidecar: no identity, an allow-list cannot let it in"}
                  checked={o.principal !== null && d.selected.includes(o.key)}
                  disabled={o.principal === null}
                  onChange={(on) => set({ selected: on ? [...d.selected, o.key] : d.selected.filter((k) => k !== o.key) })}
                />
              ))}
            </div>
            <FieldError field="principals" message={principalErrors("callers")} />
            {unidentified.length > 0 && <p className="text-xs text-amber-800">⚠ {unidentified.length} caller(s) without a sidecar will be denied.</p>}
          </FieldGroup>
          <FieldGroup legend="More callers">
            <div className="flex flex-wrap gap-4">
              <TextField label="Principals" field="principals" multiline width="w-96" value={d.extraPrincipals} placeholder="cluster.local/ns/shop/sa/frontend" hint="separated by commas or new lines" error={principalErrors("extraPrincipals")} onChange={(extraPrincipals) => set({ extraPrincipals })} />
              <TextField label="Namespaces" field="namespaces" multiline width="w-64" value={d.extraNamespaces} placeholder="shop" hint="every workload with a sidecar in these" error={errorUnder(e, "namespaces")} onChange={(extraNamespaces) => set({ extraNamespaces })} />
            </div>
          </FieldGroup>
        </>
      )}
    </WizardForm>
  );
}
