import type { ReactNode } from "react";
import type { WriteOutcome } from "@/lib/istio-config/outcome";

const STYLE = {
  good: "border-emerald-200 bg-emerald-50 text-emerald-900",
  bad: "border-red-200 bg-red-50 text-red-900",
  warn: "border-amber-200 bg-amber-50 text-amber-900",
} as const;

/**
 * What became of the last write, and what to do next. A conflict offers to reload (the text typed
 * is kept aside to copy); a refusal lists the fields at fault (also marked in the editor).
 */
export function OutcomeBanner({ outcome, what, onReload, children }: { outcome: WriteOutcome; what: string; onReload?: () => void; children?: ReactNode }) {
  const style = outcome.kind === "done" ? STYLE.good : outcome.kind === "conflict" || outcome.kind === "exists" ? STYLE.warn : STYLE.bad;
  return (
    <div role={outcome.kind === "done" ? "status" : "alert"} data-testid="write-outcome" data-outcome={outcome.kind} className={`space-y-2 rounded border p-3 text-sm ${style}`}>
      <p className="font-medium">{headline(outcome, what)}</p>
      {outcome.kind !== "done" && <p className="text-xs opacity-80">{outcome.message}</p>}
      {outcome.kind === "invalid" && outcome.issues.length > 0 && (
        <ul className="list-disc pl-5 text-xs">
          {outcome.issues.map((i) => (
            <li key={`${i.path}/${i.message}`}>
              <span className="font-mono">{i.path}</span>: {i.message}
            </li>
          ))}
        </ul>
      )}
      {(outcome.kind === "conflict" || outcome.kind === "gone") && onReload && (
        <button type="button" onClick={onReload} className="rounded border border-current px-2 py-0.5 text-xs font-medium">
          Reload the current version
        </button>
      )}
      {children}
    </div>
  );
}

function headline(o: WriteOutcome, what: string): string {
  switch (o.kind) {
    case "done":
      return o.message;
    case "conflict":
      return `This ${what} was changed by someone else since you opened it. Nothing was saved: reload the current version, then make your change again (your text is kept below to copy).`;
    case "exists":
      return `A ${what} with this name already exists in the namespace: choose another name, or open the existing one.`;
    case "invalid":
      return `The ${what} was refused: fix the fields below (they are marked in the editor).`;
    case "forbidden":
      return o.readOnly ? "The console is read-only: writes are disabled (MESHSCOPE_READ_ONLY)." : `You have no permission to change this ${what}.`;
    case "gone":
      return `This ${what} no longer exists: someone deleted it.`;
    case "failed":
      return `The write failed: ${o.message}`;
  }
}
