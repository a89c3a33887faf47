"use client";

import { useMemo } from "react";
import { otherErrors } from "@/lib/wizards/ui/issues";
import { FieldGroup } from "./fields";
import { useWizardFlow } from "./use-wizard-flow";
import { WizardForm, type WizardFormProps } from "./wizard-form";

/** Remove routing: deletes what the wizards created for the service (objects not made by Meshscope stay). */
export function RemoveRoutingForm({ context, target, onRestart }: WizardFormProps) {
  const input = useMemo(() => ({}), []);
  const flow = useWizardFlow({ wizard: "remove-routing", target, input });
  return (
    <WizardForm label="Remove routing" flow={flow} target={target} formErrors={otherErrors(flow.errors, [])} onRestart={onRestart}>
      <FieldGroup legend={`Routing objects for ${target.service}`}>
        {context.objects.length === 0 ? (
          <p className="text-sm text-slate-600">No VirtualService or DestinationRule routes this host.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {context.objects.map((o) => (
              <li key={`${o.kind}/${o.namespace}/${o.name}`}>
                <span className="font-mono">
                  {o.kind}/{o.name}
                </span>{" "}
                {o.managedByMeshscope ? <span className="text-xs text-red-700">made by a wizard: will be deleted</span> : <span className="text-xs text-slate-500">not made by Meshscope: left alone</span>}
              </li>
            ))}
          </ul>
        )}
        <p className="text-xs text-slate-500">The preview lists exactly what would be deleted, with the API server&apos;s dry run.</p>
      </FieldGroup>
    </WizardForm>
  );
}
