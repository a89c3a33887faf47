import type { EditorProblem } from "@/lib/istio-config/problems";
import { SeverityIcon } from "../severity";

const SOURCE: Record<EditorProblem["source"], string> = { yaml: "YAML", schema: "schema", object: "object", validation: "validation", server: "API server" };

/** The problems of the text, listed under the editor: where (line), what and which check found it. */
export function ProblemsList({ problems, checking, validationError }: { problems: readonly EditorProblem[]; checking: boolean; validationError?: string }) {
  return (
    <section aria-label="Problems" className="rounded border border-slate-200 bg-white text-sm" data-testid="problems" data-checking={checking ? "true" : "false"}>
      <header className="flex items-center gap-2 border-b border-slate-100 px-3 py-1.5 text-xs font-semibold text-slate-600">
        Problems ({problems.length})
        {checking && <span className="font-normal text-slate-400">checking…</span>}
      </header>
      {validationError && <p className="px-3 py-1 text-xs text-amber-700">Validation findings unavailable: {validationError}</p>}
      {problems.length === 0 ? (
        <p className="px-3 py-2 text-xs text-slate-500">No problems found.</p>
      ) : (
        <ul className="max-h-48 divide-y divide-slate-100 overflow-auto">
          {problems.map((p, i) => (
            <li key={i} className="flex items-baseline gap-2 px-3 py-1 text-xs" data-testid="editor-problem" data-source={p.source} data-code={p.code ?? ""} data-line={p.line ?? ""}>
              <SeverityIcon level={p.severity} />
              <span className="w-14 shrink-0 text-slate-500">{p.line ? `line ${p.line}` : ""}</span>
              <span className="w-20 shrink-0 text-slate-500">{SOURCE[p.source]}</span>
              {p.code && <span className="font-mono font-semibold">{p.code}</span>}
              <span className="min-w-0">
                {p.message}
                {p.path && <span className="ml-1 font-mono text-slate-500">{p.path}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
