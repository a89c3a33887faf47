"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { PreviewResponse, WizardTarget } from "@/lib/wizards/api";
import { objectLabel, targetHomeHref } from "@/lib/wizards/ui/flow";
import { ChangeCard } from "./change-card";
import { primaryButtonClass } from "./fields";
import { RequestError } from "./request-error";
import type { WizardFlow } from "./use-wizard-flow";

/**
 * The steps every wizard shares after its form: Preview (YAML, diff, the API server's dry run and the
 * backend's warnings), Apply (with the versions previewed; a conflict offers to reload), and the result.
 * `extra` renders wizard-specific parts of the preview (the mtls wizard's before/after modes).
 */
export function WizardSteps({ flow, target, extra }: { flow: WizardFlow; target: WizardTarget; extra?: (p: PreviewResponse) => ReactNode }) {
  const home = targetHomeHref(target);
  if (flow.applied) {
    return (
      <section aria-label="Applied" data-testid="applied" role="status" className="space-y-2 rounded border border-green-300 bg-green-50 p-4 text-sm text-green-900">
        <p className="font-semibold">Applied.</p>
        <ul className="list-disc pl-5">
          {flow.applied.applied.map((a) => (
            <li key={`${a.kind}/${a.namespace}/${a.name}`}>
              {a.action} <span className="font-mono">{objectLabel(a)}</span>
              {a.resourceVersion ? ` (resourceVersion ${a.resourceVersion})` : ""}
            </li>
          ))}
        </ul>
        <p className="flex gap-4">
          <Link className="text-blue-700 hover:underline" href={home.href}>
            {home.label}
          </Link>
          <Link className="text-blue-700 hover:underline" href={`/graph?namespaces=${encodeURIComponent(target.namespace)}`}>
            Open the graph
          </Link>
        </p>
      </section>
    );
  }
  const p = flow.preview;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={primaryButtonClass} disabled={!flow.valid || flow.previewing}>
          {flow.previewing ? "Previewing…" : p ? "Preview again" : "Preview"}
        </button>
        <button type="button" className={primaryButtonClass} disabled={flow.applyBlocker !== null || flow.applying} aria-describedby="apply-blocker" onClick={flow.runApply}>
          {flow.applying ? "Applying…" : "Apply"}
        </button>
        {flow.applyBlocker && (
          <span id="apply-blocker" data-testid="apply-blocker" className="text-xs text-slate-600">
            {flow.applyBlocker}
          </span>
        )}
      </div>
      <RequestError error={flow.previewError} action="preview" />
      <RequestError error={flow.applyError} action="apply" />
      {flow.conflict && (
        <div role="alert" data-testid="conflict" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-semibold">
            Someone else changed {flow.conflict.subject ? objectLabel(flow.conflict.subject) : "an object this wizard writes"} since the preview.
          </p>
          <p className="text-xs">{flow.conflict.message}</p>
          <p className="text-xs">Nothing was written. Reload to preview your changes against what is in the cluster now.</p>
          <button type="button" className={primaryButtonClass} onClick={() => void flow.reload()}>
            Reload
          </button>
        </div>
      )}
      {p && (
        <section aria-label="Preview" data-testid="preview" data-current={flow.previewIsCurrent} className={`space-y-3 ${flow.previewIsCurrent ? "" : "opacity-60"}`}>
          <h2 className="text-lg font-semibold">Preview</h2>
          {!flow.previewIsCurrent && <p className="text-sm text-amber-800">This preview is for an earlier version of the form.</p>}
          {p.warnings.length > 0 && (
            <ul role="alert" data-testid="warnings" className="space-y-1 rounded border-2 border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
              {p.warnings.map((w) => (
                <li key={`${w.code}:${w.message}`} data-code={w.code}>
                  <span className="font-semibold">⚠ {w.message}</span> <span className="font-mono text-xs text-amber-700">{w.code}</span>
                </li>
              ))}
            </ul>
          )}
          {extra?.(p)}
          {p.changes.length === 0 && <p className="text-sm text-slate-600">Nothing to write.</p>}
          {p.changes.map((c) => (
            <ChangeCard key={`${c.kind}/${c.namespace}/${c.name}`} change={c} />
          ))}
        </section>
      )}
    </div>
  );
}
