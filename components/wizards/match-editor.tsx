"use client";

import { errorAt, type FieldErrors } from "@/lib/wizards/ui/issues";
import type { MatchDraft, MatchKind, RoutingAction } from "@/lib/wizards/ui/routing-form";
import { buttonClass, SelectField, TextField } from "./fields";

const KINDS = [
  { value: "exact", label: "exact" },
  { value: "prefix", label: "prefix" },
  { value: "regex", label: "regex" },
] as const;
const OPTIONAL_KINDS = [{ value: "", label: "any" }, ...KINDS] as const;

/**
 * One match of a routing rule: header conditions, a URI and a method; all must hold. `path` is the
 * match's place in the input (`rules.0.matches.1`).
 */
export function MatchEditor({ match, rule, index, path, errors, dispatch }: { match: MatchDraft; rule: number; index: number; path: string; errors: FieldErrors; dispatch: (a: RoutingAction) => void }) {
  const n = `rule ${rule + 1}, match ${index + 1}`;
  const setMatch = (patch: Partial<Omit<MatchDraft, "headers">>) => dispatch({ type: "set-match", rule, match: index, patch });
  return (
    <div role="group" aria-label={`Match ${index + 1} of rule ${rule + 1}`} className="space-y-2 rounded border border-dashed border-slate-300 p-2">
      <div className="flex items-center justify-between">
        <span className="text-xs font-medium text-slate-600">Match {index + 1} (all of these)</span>
        <button type="button" className={buttonClass} onClick={() => dispatch({ type: "remove-match", rule, match: index })}>
          Remove match {index + 1}
        </button>
      </div>
      {match.headers.map((h, i) => (
        <div key={i} className="flex flex-wrap items-start gap-2">
          <TextField label={`Header name (${n}, header ${i + 1})`} field={`${path}.headers.${i}.name`} value={h.name} placeholder="end-user" error={errorAt(errors, `${path}.headers.${i}.name`)} onChange={(name) => dispatch({ type: "set-header", rule, match: index, header: i, patch: { name } })} />
          <SelectField label={`Header match (${n}, header ${i + 1})`} field={`${path}.headers.${i}.match.kind`} value={h.kind} options={KINDS} onChange={(kind) => dispatch({ type: "set-header", rule, match: index, header: i, patch: { kind } })} />
          <TextField label={`Header value (${n}, header ${i + 1})`} field={`${path}.headers.${i}.match.value`} value={h.value} placeholder="jason" error={errorAt(errors, `${path}.headers.${i}.match.value`)} onChange={(value) => dispatch({ type: "set-header", rule, match: index, header: i, patch: { value } })} />
          <button type="button" className={`${buttonClass} mt-5`} onClick={() => dispatch({ type: "remove-header", rule, match: index, header: i })}>
            Remove header {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className={buttonClass} onClick={() => dispatch({ type: "add-header", rule, match: index })}>
        Add header condition
      </button>
      <div className="flex flex-wrap items-start gap-2">
        <SelectField<MatchKind> label={`URI match (${n})`} field={`${path}.uri.kind`} value={match.uriKind} options={OPTIONAL_KINDS} onChange={(uriKind) => setMatch({ uriKind })} />
        {match.uriKind && <TextField label={`URI (${n})`} field={`${path}.uri.value`} value={match.uri} placeholder="/api/v1" width="w-56" error={errorAt(errors, `${path}.uri.value`)} onChange={(uri) => setMatch({ uri })} />}
        <SelectField<MatchKind> label={`Method match (${n})`} field={`${path}.method.kind`} value={match.methodKind} options={OPTIONAL_KINDS} onChange={(methodKind) => setMatch({ methodKind })} />
        {match.methodKind && <TextField label={`Method (${n})`} field={`${path}.method.value`} value={match.method} placeholder="GET" width="w-28" error={errorAt(errors, `${path}.method.value`)} onChange={(method) => setMatch({ method })} />}
      </div>
    </div>
  );
}
