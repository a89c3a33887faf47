"use client";

import { useState } from "react";
import type { ChangeAction, DryRunResult, WizardChange } from "@/lib/wizards/api";
import { diffStat, objectLabel } from "@/lib/wizards/ui/flow";
import { DiffView, YamlView } from "./diff-view";

const ACTION_CLASS: Record<ChangeAction, string> = {
  create: "bg-green-100 text-green-800",
  update: "bg-blue-100 text-blue-800",
  delete: "bg-red-100 text-red-800",
  unchanged: "bg-slate-100 text-slate-600",
};

type View = "diff" | "yaml" | "current";
const VIEW_LABEL: Record<View, string> = { diff: "Diff", yaml: "YAML", current: "In the cluster" };

/** One object a wizard would write: what it does to it, the dry run's answer, and its YAML or diff. */
export function ChangeCard({ change }: { change: WizardChange }) {
  const [view, setView] = useState<View>(change.action === "create" ? "yaml" : "diff");
  const label = objectLabel(change);
  const stat = diffStat(change.diff);
  const views: View[] = change.action === "delete" ? ["diff", "current"] : change.currentYaml ? ["diff", "yaml", "current"] : ["diff", "yaml"];
  return (
    <section aria-label={`${change.action} ${label}`} data-testid="change" data-kind={change.kind} data-name={change.name} data-action={change.action} data-resource-version={change.resourceVersion ?? ""} className="space-y-2 rounded border border-slate-200 bg-white p-3">
      <header className="flex flex-wrap items-center gap-2">
        <span data-testid="change-action" className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${ACTION_CLASS[change.action]}`}>
          {change.action}
        </span>
        <span className="font-mono text-sm">{label}</span>
        <span className="text-xs text-slate-500">
          {change.namespace} · {change.apiVersion}
          {change.resourceVersion ? ` · resourceVersion ${change.resourceVersion}` : ""}
        </span>
        {change.diff && (
          <span className="text-xs">
            <span className="text-green-700">+{stat.added}</span> <span className="text-red-700">−{stat.removed}</span>
          </span>
        )}
      </header>
      <DryRunAnswer result={change.dryRun} />
      <div role="group" aria-label={`Show ${label} as`} className="flex gap-1">
        {views.map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => setView(v)}
            className={`rounded px-2 py-0.5 text-xs ${view === v ? "bg-slate-700 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
          >
            {VIEW_LABEL[v]}
          </button>
        ))}
      </div>
      {view === "diff" && <DiffView diff={change.diff} label={`Diff of ${label}`} />}
      {view === "yaml" && <YamlView yaml={change.desiredYaml} label={`YAML of ${label}`} />}
      {view === "current" && <YamlView yaml={change.currentYaml} label={`${label} in the cluster`} />}
    </section>
  );
}

/** The API server's answer to the dry run: OK (with its warnings), or its refusal with the fields at fault. */
export function DryRunAnswer({ result }: { result: DryRunResult }) {
  if (result.ok) {
    return (
      <div data-testid="dry-run" data-ok="true" className="text-xs text-green-800">
        ✓ Dry run accepted by the API server
        {result.warnings.length > 0 && (
          <ul className="mt-1 list-disc pl-5 text-amber-800">
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div data-testid="dry-run" data-ok="false" role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-xs text-red-800">
      <p className="font-medium">
        ✗ The API server refused the dry run ({result.status}
        {result.reason ? ` ${result.reason}` : ""}): {result.message}
      </p>
      {result.issues.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {result.issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              <span className="font-mono">{i.path}</span>: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
