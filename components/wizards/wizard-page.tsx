"use client";

import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ComponentType } from "react";
import { QueryState } from "@/components/ui/query-state";
import { wizardTarget, type WizardName, type WizardTarget } from "@/lib/wizards/api";
import { WIZARD_TITLES } from "@/lib/wizards/links";
import { wizardQueries } from "@/lib/wizards/queries";
import { targetHomeHref } from "@/lib/wizards/ui/flow";
import { AuthorizationForm } from "./authorization-form";
import { ContextNotes } from "./context-notes";
import { FaultInjectionForm } from "./fault-injection-form";
import { MtlsForm } from "./mtls-form";
import { RemoveRoutingForm } from "./remove-routing-form";
import { RequestRoutingForm } from "./request-routing-form";
import { TimeoutsRetriesForm } from "./timeouts-retries-form";
import { TrafficShiftingForm } from "./traffic-shifting-form";
import type { WizardFormProps } from "./wizard-form";

const FORMS: Record<WizardName, ComponentType<WizardFormProps>> = {
  "traffic-shifting": TrafficShiftingForm,
  "request-routing": RequestRoutingForm,
  "fault-injection": FaultInjectionForm,
  "timeouts-retries": TimeoutsRetriesForm,
  mtls: MtlsForm,
  authorization: AuthorizationForm,
  "remove-routing": RemoveRoutingForm,
};

/** Wizards that act on a service need one in the URL; the others take a namespace and maybe a workload. */
const NEEDS_SERVICE: ReadonlySet<WizardName> = new Set(["traffic-shifting", "request-routing", "fault-injection", "timeouts-retries", "remove-routing"]);

/**
 * A wizard's page for the target in its URL: loads the wizard context (versions, weights, mTLS,
 * callers), then renders the wizard's form with the shared preview/apply steps.
 */
export function WizardPage({ wizard, query }: { wizard: WizardName; query: { namespace?: string; service?: string; workload?: string } }) {
  const parsed = wizardTarget.safeParse({ namespace: query.namespace ?? "", service: query.service || undefined, workload: query.workload || undefined });
  const title = WIZARD_TITLES[wizard];
  if (!parsed.success || (NEEDS_SERVICE.has(wizard) && !parsed.data.service)) {
    const why = parsed.success ? "this wizard acts on a service: add ?service=<name>" : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          Cannot open the wizard: {why}.
        </p>
      </div>
    );
  }
  return <LoadedWizard wizard={wizard} target={parsed.data} />;
}

function LoadedWizard({ wizard, target }: { wizard: WizardName; target: WizardTarget }) {
  const client = useQueryClient();
  const { data, error, isPending } = useQuery(wizardQueries.context(target));
  const [round, setRound] = useState(0);
  const Form = FORMS[wizard];
  const home = targetHomeHref(target);
  const subject = target.service ? `service ${target.service}` : target.workload ? `workload ${target.workload}` : `namespace ${target.namespace}`;
  const restart = async () => {
    await client.invalidateQueries({ queryKey: wizardQueries.context(target).queryKey });
    setRound((r) => r + 1);
  };
  return (
    <div className="max-w-5xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link className="text-blue-700 hover:underline" href={home.href}>
          {home.label}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">
        {WIZARD_TITLES[wizard]} <span className="text-base font-normal text-slate-500">for {subject} in {target.namespace}</span>
      </h1>
      <QueryState isPending={isPending} error={error}>
        {data && (
          <>
            <ContextNotes context={data} />
            <Form key={round} context={data} target={target} onRestart={() => void restart()} />
          </>
        )}
      </QueryState>
    </div>
  );
}
