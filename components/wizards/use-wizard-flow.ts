"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ApiError, isConflict } from "@/lib/api-client";
import { INVENTORY_QUERY_KEYS } from "@/lib/queries";
import type { ApplyResponse, ExpectedVersion, PreviewResponse, WizardName, WizardTarget } from "@/lib/wizards/api";
import { WIZARD_INPUTS } from "@/lib/wizards/inputs";
import { applyWizard, previewWizard, wizardQueries } from "@/lib/wizards/queries";
import { applyBlocker, conflictSubject, expectedFrom, requestKey } from "@/lib/wizards/ui/flow";
import { isValid, mergeErrors, schemaFieldErrors, serverFieldErrors, type FieldErrors } from "@/lib/wizards/ui/issues";

/** A 409 on apply: which object moved (null when the answer does not say). */
export interface ConflictState {
  subject: ExpectedVersion | null;
  message: string;
}

/**
 * A wizard's preview → apply flow for the form's current `target` and `input`: field errors (the
 * input schema's as the user types, plus the server's 422 for the same input), the preview (kept with
 * the input it was made for, so a later edit disables Apply), the apply, and a 409's reload.
 */
export function useWizardFlow({ wizard, target, input, onApplied }: { wizard: WizardName; target: WizardTarget; input: unknown; onApplied?: (r: ApplyResponse) => void }) {
  const client = useQueryClient();
  const key = requestKey(target, input);
  const clientErrors = useMemo(() => schemaFieldErrors(WIZARD_INPUTS[wizard], input), [wizard, input]);
  const [server, setServer] = useState<{ key: string; errors: FieldErrors } | null>(null);
  const [previewed, setPreviewed] = useState<{ key: string; response: PreviewResponse } | null>(null);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const errors = useMemo(() => mergeErrors(clientErrors, server?.key === key ? server.errors : {}), [clientErrors, server, key]);
  const valid = isValid(errors);

  const handleRefusal = (err: unknown, sentKey: string) => {
    if (err instanceof ApiError && err.status === 422 && err.issues?.length) setServer({ key: sentKey, errors: serverFieldErrors(err.issues) });
  };

  const preview = useMutation({
    mutationFn: (req: { target: WizardTarget; input: unknown; key: string }) => previewWizard(wizard, { target: req.target, input: req.input }),
    onMutate: () => setConflict(null),
    onSuccess: (response, req) => setPreviewed({ key: req.key, response }),
    onError: (err, req) => handleRefusal(err, req.key),
  });

  const apply = useMutation({
    mutationFn: (req: { target: WizardTarget; input: unknown; key: string; expected: ExpectedVersion[] }) =>
      applyWizard(wizard, { target: req.target, input: req.input, expected: req.expected }),
    onMutate: () => setConflict(null),
    onSuccess: async (r) => {
      onApplied?.(r);
      await Promise.all([
        client.invalidateQueries({ queryKey: ["wizard-context"] }),
        ...INVENTORY_QUERY_KEYS.map((k) => client.invalidateQueries({ queryKey: [k] })),
      ]);
    },
    onError: (err, req) => {
      if (isConflict(err)) setConflict({ subject: conflictSubject(err, req.expected), message: err.message });
      else handleRefusal(err, req.key);
    },
  });

  const current = previewed?.key === key ? previewed.response : undefined;
  // While a preview is on its way, the one shown may be about to be replaced: wait for it.
  const blocker = preview.isPending ? "Previewing…" : applyBlocker({ valid, preview: previewed?.response, previewKey: previewed?.key, currentKey: key });

  return {
    errors,
    valid,
    /** The last preview, also when the form changed since (it is then shown as stale). */
    preview: previewed?.response,
    previewIsCurrent: current !== undefined,
    previewing: preview.isPending,
    previewError: preview.error,
    runPreview: () => {
      apply.reset();
      preview.mutate({ target, input, key });
    },
    applyBlocker: blocker,
    applying: apply.isPending,
    applied: apply.data,
    applyError: isConflict(apply.error) ? null : apply.error,
    conflict,
    runApply: () => {
      if (!current || blocker) return;
      apply.mutate({ target, input, key, expected: expectedFrom(current) });
    },
    /** After a 409: reads the context again and previews the same input against the cluster as it is now. */
    reload: async () => {
      setConflict(null);
      apply.reset();
      // The preview shown is the one the cluster moved away from: it must not be applied.
      setPreviewed(null);
      await client.invalidateQueries({ queryKey: wizardQueries.context(target).queryKey });
      preview.mutate({ target, input, key });
    },
  };
}

export type WizardFlow = ReturnType<typeof useWizardFlow>;
