import { queryOptions } from "@tanstack/react-query";
import { getJson, sendJson } from "@/lib/api-client";
import { applyResponse, previewResponse, wizardContext, type ApplyRequest, type ApplyResponse, type PreviewResponse, type WizardName, type WizardRequest, type WizardTarget } from "./api";

/** `?namespace=&service=&workload=` of a target (what the context route and the wizard page read). */
export function targetQuery(target: WizardTarget): string {
  const q = new URLSearchParams({ namespace: target.namespace });
  if (target.service) q.set("service", target.service);
  if (target.workload) q.set("workload", target.workload);
  return q.toString();
}

/**
 * The wizards' queries, keyed `['wizard-context', namespace, service, workload]`. The context is not
 * refetched in the background: a wizard's form starts from it once, and a conflict reloads it on purpose.
 */
export const wizardQueries = {
  context: (target: WizardTarget) =>
    queryOptions({
      queryKey: ["wizard-context", target.namespace, target.service ?? null, target.workload ?? null],
      queryFn: ({ signal }) => getJson(`/api/wizards/context?${targetQuery(target)}`, wizardContext, signal),
      staleTime: 0,
      refetchOnWindowFocus: false,
    }),
};

/** `POST /api/wizards/{wizard}/preview`: YAML, diff and the API server's dry-run answer; nothing is written. */
export function previewWizard(wizard: WizardName, body: WizardRequest, signal?: AbortSignal): Promise<PreviewResponse> {
  return sendJson("POST", `/api/wizards/${wizard}/preview`, body, previewResponse, signal);
}

/** `POST /api/wizards/{wizard}/apply`: writes; 409 when an object moved since the preview (see `isConflict`). */
export function applyWizard(wizard: WizardName, body: ApplyRequest, signal?: AbortSignal): Promise<ApplyResponse> {
  return sendJson("POST", `/api/wizards/${wizard}/apply`, body, applyResponse, signal);
}
