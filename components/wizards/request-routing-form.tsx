"use client";

import { useMemo, useReducer } from "react";
import { errorAt, otherErrors } from "@/lib/wizards/ui/issues";
import { initialRouting, routingInput, routingReducer } from "@/lib/wizards/ui/routing-form";
import { initialWeights } from "@/lib/wizards/ui/weights";
import { buttonClass, FieldError, FieldGroup } from "./fields";
import { MatchEditor } from "./match-editor";
import { useWizardFlow } from "./use-wizard-flow";
import { versionNote } from "./version-note";
import { WeightsEditor } from "./weights-editor";
import { WizardForm, type WizardFormProps } from "./wizard-form";

/**
 * Request routing: ordered rules; the first whose matches fit a request routes it to its weighted
 * versions. A rule without matches catches the rest and must come last.
 */
export function RequestRoutingForm({ context, target, onRestart }: WizardFormProps) {
  const weights = useMemo(() => initialWeights(context.versions.map((v) => v.version), context.weights), [context]);
  const [draft, dispatch] = useReducer(routingReducer, weights, initialRouting);
  const input = useMemo(() => routingInput(draft), [draft]);
  const flow = useWizardFlow({ wizard: "request-routing", target, input });
  const e = flow.errors;
  return (
    <WizardForm label="Request routing" flow={flow} target={target} formErrors={otherErrors(e, ["rules"], draft.rules.map((_, i) => `rules.${i}`))} onRestart={onRestart}>
      <p className="text-sm text-slate-600">Rules are tried in order; a request goes where the first rule whose matches fit it says. A rule without matches catches the rest and must come last.</p>
      {draft.rules.map((rule, r) => (
        <FieldGroup
          key={r}
          legend={`Rule ${r + 1}${rule.matches.length === 0 ? " (every other request)" : ""}`}
          actions={
            <>
              <button type="button" className={buttonClass} disabled={r === 0} onClick={() => dispatch({ type: "move-rule", rule: r, by: -1 })}>
                Move rule {r + 1} up
              </button>
              <button type="button" className={buttonClass} disabled={r === draft.rules.length - 1} onClick={() => dispatch({ type: "move-rule", rule: r, by: 1 })}>
                Move rule {r + 1} down
              </button>
              <button type="button" className={buttonClass} disabled={draft.rules.length === 1} onClick={() => dispatch({ type: "remove-rule", rule: r })}>
                Remove rule {r + 1}
              </button>
              <button type="button" className={buttonClass} onClick={() => dispatch({ type: "add-match", rule: r })}>
                Add match to rule {r + 1}
              </button>
            </>
          }
        >
          {rule.matches.length === 0 && <p className="text-xs text-slate-500">No matches: every request not taken by an earlier rule.</p>}
          {rule.matches.map((m, i) => (
            <MatchEditor key={i} match={m} rule={r} index={i} path={`rules.${r}.matches.${i}`} errors={e} dispatch={dispatch} />
          ))}
          <FieldError field={`rules.${r}.matches`} message={errorAt(e, `rules.${r}.matches`)} />
          <WeightsEditor state={rule.routes} dispatch={(action) => dispatch({ type: "routes", rule: r, action })} errors={e} path={`rules.${r}.routes`} label={`Routes of rule ${r + 1}`} scope={` in rule ${r + 1}`} describe={(v) => versionNote(context, v)} />
        </FieldGroup>
      ))}
      <button type="button" className={buttonClass} onClick={() => dispatch({ type: "add-rule", weights })}>
        Add rule
      </button>
      <FieldError field="rules" message={errorAt(e, "rules")} />
    </WizardForm>
  );
}
